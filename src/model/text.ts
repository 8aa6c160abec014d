const ASCII = /^[\x00-\x7f]*$/;

/** The text with accents taken off its letters ("Café" → "Cafe"). */
export function withoutAccents(text: string): string {
  // ASCII text has nothing to decompose; skipping normalize() matters when every finding is keyed.
  return ASCII.test(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/** Folds a label for matching: lower case, accents removed, only letters and digits kept ("E-mail " → "email"). */
export function foldKey(text: string): string {
  return withoutAccents(text)
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Folds a label of any script for matching: like foldKey, but letters and digits of every script are
 * kept ("タッチポイント", "Verantwortlich" and "Beruhrungspunkt" for "Berührungspunkt"). ASCII text folds as foldKey does.
 */
export function foldLabel(text: string): string {
  if (ASCII.test(text)) return foldKey(text);
  return withoutAccents(text)
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Edit distance counting an adjacent swap as one edit ("Onbaording" is 1 from "Onboarding"). */
function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1]!;
}

/**
 * The first of `candidates` closest to `text`, when it is within `maxDistance` edits (a likely typo);
 * by default a third of the text's length, at least 2.
 */
export function nearest(text: string, candidates: Iterable<string>, maxDistance = Math.max(2, Math.floor(text.length / 3))): string | null {
  let best: string | null = null;
  let bestDistance = maxDistance + 1;
  for (const candidate of candidates) {
    const distance = editDistance(text, candidate, bestDistance - 1);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

/** A cell value as trimmed text with inner runs of white space folded; null when blank. */
export function cleanText(text: string): string | null {
  // Most cells are already clean; testing is much cheaper than rebuilding the string.
  if (text !== '' && !NEEDS_CLEANING.test(text)) return text;
  const cleaned = text.replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

const NEEDS_CLEANING = /^\s|\s$|\s\s|[\t\n\r\f\v\u00a0]/;
