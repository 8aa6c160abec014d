import { withoutAccents } from './text.js';

// Words that carry no meaning of their own in a touchpoint name.
const FILLER = new Set([
  'a', 'an', 'the', 'to', 'for', 'of', 'and', 'or', 'on', 'in', 'at', 'by', 'with', 'from', 'our', 'your', 'my', 'their', 'new',
  'via', 'per', 'about', 'is', 'are', 'be', 'we', 'us', 'you', 'it', 'this', 'that', 'all',
]);

// Words that name a channel say how a touchpoint travels, not what it says; the rule compares
// channels separately. Kept explicit: many channel synonyms ("product", "welcome") carry meaning.
const CHANNEL_WORDS = new Set(['email', 'mail', 'sms', 'text', 'push', 'notification', 'chat', 'chatbot', 'call', 'phone', 'zoom', 'webinar', 'blog', 'ad', 'ads', 'linkedin']);

/** The meaningful words of a touchpoint name, lower-cased, singular, without filler and channel words. */
export function nameTokens(name: string): string[] {
  const words = withoutAccents(name)
    .toLowerCase()
    .replace(/e-mail/g, 'email')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !FILLER.has(word) && !CHANNEL_WORDS.has(word))
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
 */
export function similarGroups(items: readonly NameKey[], threshold: number): number[][] {
  // Each distinct set once: the same words, in any order, group at once.
  const setIndex = new Map<string, number>();
  const sets: string[][] = [];
  const setOf = new Int32Array(items.length);
  for (let item = 0; item < items.length; item++) {
    const { tokens, key } = items[item]!;
    let index = tokens.length === 0 ? -1 : setIndex.get(key);
    if (index === undefined) {
      index = sets.length;
      setIndex.set(key, index);
      sets.push(tokens);
    }
    setOf[item] = index;
  }
  // Words become numbers, rarest first (ties by spelling), so a set sorted by number is in prefix order.
  const frequency = new Map<string, number>();
  for (const tokens of sets) for (const token of tokens) frequency.set(token, (frequency.get(token) ?? 0) + 1);
  const words = [...frequency.keys()].sort((a, b) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
  const wordId = new Map(words.map((word, id) => [word, id]));
  const postings: number[][] = words.map(() => []);
  const idSets: Int32Array[] = [];
  // The last set that compared with each leader: a leader sharing several prefix words is compared once.
  const comparedWith = new Int32Array(sets.length).fill(-1);
  const leaderOf = new Int32Array(sets.length);
  for (let i = 0; i < sets.length; i++) {
    const tokens = Int32Array.from(sets[i]!, (token) => wordId.get(token)!).sort();
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
