import { type Finding, findingSentence } from '../model/schema.js';
import { foldKey } from '../model/text.js';
import { reportPath } from './paths.js';

/** cyrb53: a fast 53-bit string hash (not cryptographic: fingerprints only need to tell findings apart). */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

// Char codes of 0-9a-f, and one buffer the fingerprint's 28 digits are written into.
const HEX_CODES = [...'0123456789abcdef'].map((digit) => digit.charCodeAt(0));
const digits = new Uint16Array(28);

/** Two 53-bit hashes as 2 × 14 hex digits, in one flat string (why so: docs/design.md, Fingerprints). */
function hexPair(first: number, second: number): string {
  let at = 0;
  for (const value of [first, second]) {
    const high = Math.floor(value / 4294967296);
    const low = value >>> 0;
    for (let shift = 20; shift >= 0; shift -= 4) digits[at++] = HEX_CODES[(high >>> shift) & 15]!;
    for (let shift = 28; shift >= 0; shift -= 4) digits[at++] = HEX_CODES[(low >>> shift) & 15]!;
  }
  // apply accepts any array-like (TypeScript types it as number[]).
  return String.fromCharCode.apply(null, digits as unknown as number[]);
}

const WORD_SUM_MODULUS = 2 ** 52;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** True when the UTF-16 unit at i starts a letter or digit (an astral letter is read as its whole code point). */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** The index just past the quotation or aside opening at i (its closing mark), or -1 when it does not close. */
function skipAside(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 34 /* " */) {
    const close = text.indexOf('"', i + 1);
    return close === -1 ? -1 : close + 1;
  }
  if (c === 40 /* ( */) {
    // Asides nest ("(Marketing (EMEA), Sales)"); quotes inside them are skipped with them.
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (d === 40) depth++;
      else if (d === 41 && --depth === 0) return j + 1;
    }
    return -1;
  }
  // A single quote opens a quoted cell value only after a non-word character ("Stage 'Onbording'"),
  // so an apostrophe inside a word ("journey's") is not one; it closes before a non-word character.
  if (c === 39 /* ' */ && (i === 0 || !isWordChar(text, i - 1))) {
    for (let j = text.indexOf("'", i + 1); j !== -1; j = text.indexOf("'", j + 1)) {
      if (j + 1 >= text.length || !isWordChar(text, j + 1)) return j + 1;
    }
  }
  return -1;
}

/**
 * What a message says, in a form ordinary edits leave alone. Only its statement counts: the text
 * before the first ":" or ";" outside quotes (what follows is the list of touchpoints or the advice,
 * which grow and change with the rows). Within it, quoted text ("names", 'cell values') and
 * parenthesized asides (counts, channel and team lists, days) are left out, figures are dropped, and
 * a word ending in "s" loses it ("1 touchpoint" and "4 touchpoints" say the same). The remaining words
 * are hashed as a multiset (a sum of word hashes), so their order does not matter either.
 * One pass over the text: it runs once per finding (docs/design.md, Fingerprints).
 */
export function messageKey(message: string): string {
  const text = message.toLowerCase();
  let sum = 0;
  let count = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 58 /* : */ || c === 59 /* ; */) break;
    if (c === 34 || c === 39 || c === 40) {
      const after = skipAside(text, i);
      // An unclosed mark opens nothing: it is skipped and the words after it count.
      i = after === -1 ? i + 1 : after;
      continue;
    }
    if (!isWordChar(text, i)) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isWordChar(text, i)) i += text.codePointAt(i)! > 0xffff ? 2 : 1;
    // A word starting with an ASCII digit is a figure (a lag of 14 or 15 days is the same finding).
    const first = text.charCodeAt(start);
    if (first >= 48 && first <= 57) continue;
    const end = i - start > 3 && text.charCodeAt(i - 1) === 115 /* s */ ? i - 1 : i;
    // Both terms below 2^52, so the sum is exact and the order of words cannot change it.
    sum = (sum + (hash53(text.slice(start, end), 1) % WORD_SUM_MODULUS)) % WORD_SUM_MODULUS;
    count++;
  }
  return `${count}:${sum}`;
}

/**
 * A finding's identity across runs, built from the rule, the file, sheet, persona, stage, touchpoint
 * name and the words of its message's statement (messageKey) or the rule's `identity`, never the row: re-sorting a sheet,
 * inserting a row, a lag growing from 14 to 15 days or a stage gaining a touchpoint keeps it.
 */
export function fingerprintOf(finding: Omit<Finding, 'fingerprint'>, cwd?: string, ruleIdentity?: string): string {
  const identity = [
    finding.ruleId,
    reportPath(finding.location.file, cwd),
    finding.location.sheet ?? '',
    foldKey(finding.persona ?? ''),
    finding.stage ?? '',
    foldKey(finding.touchpoint ?? ''),
    // A rule's own identity for the finding, when its message's statement holds lists or counts; else the
    // whole sentence, as before `fix` was split off: messageKey stops at the statement's end anyway, and a
    // quote left open by a cell's text still closes where it did, so baselines keep matching.
    ruleIdentity === undefined ? messageKey(findingSentence(finding)) : `=${ruleIdentity}`,
  ].join('\u0000');
  return hexPair(hash53(identity, 7), hash53(identity, 11));
}

// The identity a rule gave a finding (Report.identity), kept beside the finding rather than in its public
// shape, so that re-fingerprinting it (a diff, under another path) gives the same identity.
const identities = new WeakMap<object, string>();

/** Records the rule's identity of a finding (and of copies made of it with `sameIdentity`). */
export function rememberIdentity(finding: object, identity: string | undefined): void {
  if (identity !== undefined) identities.set(finding, identity);
}

/** The identity a rule gave the finding, if any. */
export function identityOf(finding: object): string | undefined {
  return identities.get(finding);
}

/** `copy`, with the identity of `original`: for a finding relabelled or moved to another path. */
export function sameIdentity<T extends object>(copy: T, original: object): T {
  rememberIdentity(copy, identities.get(original));
  return copy;
}
