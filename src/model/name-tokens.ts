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
export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 0;
  const set = new Set(a);
  let shared = 0;
  for (const token of b) if (set.has(token)) shared++;
  return shared / (a.length + b.length - shared);
}

/**
 * Pairs of items whose token sets have Jaccard similarity ≥ threshold, found by prefix filtering:
 * with tokens ordered rarest first, two sets that similar must share a token within each one's
 * short prefix, so only prefix tokens are indexed and compared. No all-pairs loop.
 */
export function similarPairs(items: readonly string[][], threshold: number): [number, number, number][] {
  const frequency = new Map<string, number>();
  for (const tokens of items) for (const token of tokens) frequency.set(token, (frequency.get(token) ?? 0) + 1);
  const order = (a: string, b: string) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
  const sorted = items.map((tokens) => [...tokens].sort(order));
  const index = new Map<string, number[]>();
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < sorted.length; i++) {
    const tokens = sorted[i]!;
    if (tokens.length === 0) continue;
    const prefix = tokens.length - Math.ceil(threshold * tokens.length) + 1;
    const candidates = new Set<number>();
    for (let p = 0; p < prefix; p++) {
      const postings = index.get(tokens[p]!);
      if (postings) for (const j of postings) candidates.add(j);
    }
    for (const j of candidates) {
      const other = sorted[j]!;
      // Sets whose sizes differ too much cannot reach the threshold.
      if (Math.min(other.length, tokens.length) < threshold * Math.max(other.length, tokens.length)) continue;
      const similarity = jaccard(tokens, other);
      if (similarity >= threshold) pairs.push([j, i, similarity]);
    }
    for (let p = 0; p < prefix; p++) {
      const token = tokens[p]!;
      const postings = index.get(token);
      if (postings) postings.push(i);
      else index.set(token, [i]);
    }
  }
  return pairs;
}
