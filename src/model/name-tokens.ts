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
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/e-mail/g, 'email')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !FILLER.has(word) && !CHANNEL_WORDS.has(word))
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word));
  return [...new Set(words)];
}

/** Jaccard similarity of two token sets, 0 to 1. */
function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 0;
  // Names have a handful of words: a scan beats building a Set.
  let shared = 0;
  for (const token of b) if (a.includes(token)) shared++;
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
  const setIndex = new Map<string, number>();
  const sets: string[][] = [];
  const setOf = items.map(({ tokens, key }) => {
    if (tokens.length === 0) return -1;
    let index = setIndex.get(key);
    if (index === undefined) {
      index = sets.length;
      setIndex.set(key, index);
      sets.push(tokens);
    }
    return index;
  });
  const frequency = new Map<string, number>();
  for (const tokens of sets) for (const token of tokens) frequency.set(token, (frequency.get(token) ?? 0) + 1);
  const order = (a: string, b: string) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
  const leaderOf: number[] = [];
  const index = new Map<string, number[]>();
  for (let i = 0; i < sets.length; i++) {
    const tokens = [...sets[i]!].sort(order);
    sets[i] = tokens;
    const prefix = tokens.length - Math.ceil(threshold * tokens.length) + 1;
    let best = -1;
    let bestSimilarity = threshold;
    for (let p = 0; p < prefix; p++) {
      const postings = index.get(tokens[p]!) ?? [];
      // Only the most recent leaders sharing a word are compared: rare words have short lists anyway,
      // and a word shared by thousands of leaders (a small vocabulary in a huge block) would make this quadratic.
      for (let k = postings.length - 1; k >= Math.max(0, postings.length - MAX_LEADERS_PER_WORD); k--) {
        const leader = postings[k]!;
        const other = sets[leader]!;
        // Sets whose sizes differ too much cannot reach the threshold.
        if (Math.min(other.length, tokens.length) < threshold * Math.max(other.length, tokens.length)) continue;
        const similarity = jaccard(tokens, other);
        if (similarity > bestSimilarity || (similarity === bestSimilarity && best === -1)) [best, bestSimilarity] = [leader, similarity];
      }
    }
    leaderOf.push(best === -1 ? i : best);
    if (best !== -1) continue;
    for (let p = 0; p < prefix; p++) {
      const postings = index.get(tokens[p]!);
      if (postings) postings.push(i);
      else index.set(tokens[p]!, [i]);
    }
  }
  const byLeader = new Map<number, number[]>();
  setOf.forEach((set, item) => {
    if (set === -1) return;
    const leader = leaderOf[set]!;
    const members = byLeader.get(leader);
    if (members) members.push(item);
    else byLeader.set(leader, [item]);
  });
  return [...byLeader.values()].filter((members) => members.length > 1);
}
