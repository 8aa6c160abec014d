const ASCII = /^[\x00-\x7f]*$/;

/** The text with accents taken off its letters ("Café" → "Cafe"). */
export function withoutAccents(text: string): string {
  // ASCII text has nothing to decompose; skipping normalize() matters when every finding is keyed.
  return ASCII.test(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * Text folded for comparing names in any script: compatibility forms unified (NFKC: full-width Ａ and
 * half-width ｶ, ligatures), case folded (ß → ss, final ς → σ), Latin accents removed ("Café" → "cafe").
 */
export function foldCase(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return withoutAccents(text.normalize('NFKC').toUpperCase().toLowerCase()).normalize('NFC');
}

// What is kept of a name as its key: letters (with the marks of scripts that need them) and digits of any script.
const NOT_WORD = /[^\p{L}\p{M}\p{N}]+/gu;
const NOT_WORD_OR_SYMBOL = /[^\p{L}\p{M}\p{N}\p{S}]+/gu;

/**
 * Folds a label for matching: case folded, accents removed, only letters and digits kept, in any
 * script ("E-mail " → "email", "Админ" → "админ", "営業" stays itself). A name of symbols only (emoji)
 * keeps its symbols, so two such names stay two.
 */
export function foldKey(text: string): string {
  const folded = foldCase(text).replace(/&/g, 'and');
  const ascii = ASCII.test(folded);
  const key = ascii ? folded.replace(/[^a-z0-9]/g, '') : folded.replace(NOT_WORD, '');
  return key === '' && folded !== '' ? folded.replace(NOT_WORD_OR_SYMBOL, '') : key;
}

/** The words of a text, folded with foldCase: runs of letters and digits of any script. */
export function foldedWords(text: string): string[] {
  const folded = foldCase(text);
  return (ASCII.test(folded) ? folded.split(/[^a-z0-9]+/) : folded.split(NOT_WORD)).filter((word) => word !== '');
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

/** Shortest folded key journey reads as a typo of another: shorter words are too close to other words ("Chat", "Char"). */
export const TYPO_MIN_LENGTH = 5;

/**
 * The candidate a folded key is a confident typo of, or null: the one candidate (or several of the
 * same value, by `idOf`) at the smallest distance, that distance being one edit (an adjacent swap
 * counts as one) for 5 to 9 letters, two from 10; it starts with the same letter, and neither holds a
 * digit ("Step 2" is no typo of "Step 3"). Two values equally near make it no typo: journey cannot
 * tell which was meant. Keys of both sides are folded the same way (foldKey or foldLabel).
 */
export function confidentTypo(key: string, candidates: Iterable<string>, idOf: (candidate: string) => string = (candidate) => candidate): string | null {
  if (key.length < TYPO_MIN_LENGTH || /\d/.test(key)) return null;
  const max = key.length >= 10 ? 2 : 1;
  let best: string | null = null;
  let bestDistance = max + 1;
  let tied = false;
  for (const candidate of candidates) {
    if (candidate === key) return null;
    const distance = editDistance(key, candidate, bestDistance);
    if (distance < bestDistance) {
      [best, bestDistance, tied] = [candidate, distance, false];
    } else if (distance === bestDistance && best !== null && idOf(candidate) !== idOf(best)) tied = true;
  }
  if (best === null || tied || best[0] !== key[0] || /\d/.test(best)) return null;
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
