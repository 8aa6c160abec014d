import { foldedWords } from './text.js';

// Words that carry no meaning of their own in a touchpoint name.
const FILLER = new Set([
  'a',
  'an',
  'the',
  'to',
  'for',
  'of',
  'and',
  'or',
  'on',
  'in',
  'at',
  'by',
  'with',
  'from',
  'our',
  'your',
  'my',
  'their',
  'new',
  'via',
  'per',
  'about',
  'is',
  'are',
  'be',
  'we',
  'us',
  'you',
  'it',
  'this',
  'that',
  'all',
]);

// Words that name a channel say how a touchpoint travels, not what it says; the rule compares
// channels separately. Kept explicit: many channel synonyms ("product", "welcome") carry meaning.
const CHANNEL_WORDS = new Set([
  'email',
  'mail',
  'sms',
  'text',
  'push',
  'notification',
  'chat',
  'chatbot',
  'call',
  'phone',
  'zoom',
  'webinar',
  'blog',
  'ad',
  'ads',
  'linkedin',
]);

/** The meaningful words of a touchpoint name, lower-cased, singular, without filler and channel words. */
export function nameTokens(name: string): string[] {
  // Letters and digits of any script: a Cyrillic or Japanese name has words too.
  const words = foldedWords(name.replace(/e-mail/gi, 'email'))
    .filter((word) => !FILLER.has(word) && !CHANNEL_WORDS.has(word))
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word));
  return [...new Set(words)];
}

/** Jaccard similarity of two sets of word ids, each sorted ascending, 0 to 1. */
function jaccard(a: Int32Array, b: Int32Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/** A name's meaningful words and a key equal for names with the same words (in any order). */
export interface NameKey {
  tokens: string[];
  key: string;
}

/** The NameKey of a touchpoint name. */
export function nameKey(name: string): NameKey {
  const tokens = nameTokens(name);
  return { tokens, key: [...tokens].sort().join(' ') };
}

/** A NameKey with numbers for its words and its set, given by the NameIndex that made it. */
export interface IndexedNameKey extends NameKey {
  /** The index's number for the distinct set of words (-1 for a name without meaningful words). */
  set: number;
  /** The index's numbers for the tokens, in token order (a plain array: a typed array costs ~200 bytes more per name). */
  ids: number[];
}

/**
 * Tokenizes each distinct name once and numbers words and word sets across all the blocks one rule
 * run compares, so grouping a block counts and ranks words in arrays instead of maps keyed by strings
 * (at a million rows, those maps were most of duplicate-effort's time).
 */
export class NameIndex {
  private readonly byName = new Map<string, IndexedNameKey>();
  private readonly wordIds = new Map<string, number>();
  private readonly setIds = new Map<string, number>();
  /** Each word's spelling, by number. */
  readonly words: string[] = [];
  // Scratch arrays for similarGroups, by word or set number; reset after each block.
  frequency = new Int32Array(64);
  rank = new Int32Array(64);
  localSet = new Int32Array(64).fill(-1);

  keyOf(name: string): IndexedNameKey {
    let key = this.byName.get(name);
    if (key !== undefined) return key;
    const plain = nameKey(name);
    const ids: number[] = [];
    for (let i = 0; i < plain.tokens.length; i++) {
      const word = plain.tokens[i]!;
      let id = this.wordIds.get(word);
      if (id === undefined) {
        id = this.words.length;
        this.wordIds.set(word, id);
        this.words.push(word);
      }
      ids.push(id);
    }
    let set = -1;
    if (ids.length > 0) {
      set = this.setIds.get(plain.key) ?? -1;
      if (set === -1) this.setIds.set(plain.key, (set = this.setIds.size));
    }
    key = { tokens: plain.tokens, key: plain.key, set, ids };
    this.byName.set(name, key);
    return key;
  }

  /** Grows the scratch arrays to the words and sets numbered so far. */
  prepare(): void {
    if (this.frequency.length < this.words.length) {
      const size = Math.max(this.words.length, this.frequency.length * 2);
      this.frequency = new Int32Array(size);
      this.rank = new Int32Array(size);
    }
    if (this.localSet.length < this.setIds.size) this.localSet = new Int32Array(Math.max(this.setIds.size, this.localSet.length * 2)).fill(-1);
  }
}

/** How many earlier group leaders sharing one prefix word a set is compared with, at most. */
const MAX_LEADERS_PER_WORD = 64;

/**
 * Groups items whose token sets say the same thing, each group of at least two, in item order.
 * Identical sets group at once; each other set joins the most similar earlier group leader with
 * Jaccard similarity ≥ threshold, or leads a group of its own (leader clustering: a group never
 * chains through members that are each only similar to the next). Leaders are found by prefix
 * filtering: with tokens ordered rarest first, two sets that similar must share a token within each
 * one's short prefix, so only leaders' prefix tokens are indexed and compared, and per word only the
 * latest MAX_LEADERS_PER_WORD leaders. No all-pairs loop: linear in the number of items.
 * Every item must come from `index`.
 */
export function similarGroups(items: readonly IndexedNameKey[], threshold: number, index: NameIndex): number[][] {
  index.prepare();
  const { frequency, rank, localSet, words: spelling } = index;
  // Each distinct set once: the same words, in any order, group at once.
  const sets: IndexedNameKey[] = [];
  const setOf = new Int32Array(items.length);
  for (let item = 0; item < items.length; item++) {
    const key = items[item]!;
    if (key.set === -1) {
      setOf[item] = -1;
      continue;
    }
    let local = localSet[key.set]!;
    if (local === -1) {
      local = sets.length;
      localSet[key.set] = local;
      sets.push(key);
    }
    setOf[item] = local;
  }
  // Words become numbers, rarest first (ties by spelling), so a set sorted by number is in prefix order.
  const words: number[] = [];
  for (const set of sets) {
    for (const id of set.ids) if (frequency[id]!++ === 0) words.push(id);
  }
  words.sort((a, b) => frequency[a]! - frequency[b]! || (spelling[a]! < spelling[b]! ? -1 : spelling[a]! > spelling[b]! ? 1 : 0));
  for (let i = 0; i < words.length; i++) rank[words[i]!] = i;
  const postings: number[][] = words.map(() => []);
  const idSets: Int32Array[] = [];
  // The last set that compared with each leader: a leader sharing several prefix words is compared once.
  const comparedWith = new Int32Array(sets.length).fill(-1);
  const leaderOf = new Int32Array(sets.length);
  for (let i = 0; i < sets.length; i++) {
    const ids = sets[i]!.ids;
    const tokens = new Int32Array(ids.length);
    for (let t = 0; t < ids.length; t++) tokens[t] = rank[ids[t]!]!;
    tokens.sort();
    idSets.push(tokens);
    const prefix = tokens.length - Math.ceil(threshold * tokens.length) + 1;
    let best = -1;
    let bestSimilarity = threshold;
    for (let p = 0; p < prefix; p++) {
      const list = postings[tokens[p]!]!;
      // Only the most recent leaders sharing a word are compared, or a common word makes this quadratic (docs/design.md, Text).
      for (let k = list.length - 1; k >= Math.max(0, list.length - MAX_LEADERS_PER_WORD); k--) {
        const leader = list[k]!;
        if (comparedWith[leader] === i) continue;
        comparedWith[leader] = i;
        const other = idSets[leader]!;
        // Sets whose sizes differ too much cannot reach the threshold.
        if (Math.min(other.length, tokens.length) < threshold * Math.max(other.length, tokens.length)) continue;
        const similarity = jaccard(tokens, other);
        if (similarity > bestSimilarity || (similarity === bestSimilarity && best === -1)) [best, bestSimilarity] = [leader, similarity];
      }
    }
    leaderOf[i] = best === -1 ? i : best;
    if (best === -1) for (let p = 0; p < prefix; p++) postings[tokens[p]!]!.push(i);
  }
  // The scratch arrays are left as found for the next block.
  for (const id of words) frequency[id] = 0;
  for (const set of sets) localSet[set.set] = -1;
  const byLeader = new Map<number, number[]>();
  for (let item = 0; item < items.length; item++) {
    const set = setOf[item]!;
    if (set === -1) continue;
    const leader = leaderOf[set]!;
    const members = byLeader.get(leader);
    if (members) members.push(item);
    else byLeader.set(leader, [item]);
  }
  return [...byLeader.values()].filter((members) => members.length > 1);
}
