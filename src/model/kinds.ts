import { withoutAccents } from './text.js';

/**
 * What a touchpoint is, whatever a team calls it: "Monthly admin newsletter" and "Product updates
 * digest" are both a newsletter. Two teams sending the same kind to the same people at the same time
 * is duplicate effort even when the names share no word.
 */
export const TOUCHPOINT_KINDS: { id: string; label: string; words: RegExp }[] = [
  {
    id: 'newsletter',
    label: 'newsletter',
    words:
      /\b(newsletters?|digests?|what ?s new|product (updates?|news)|release notes?|changelogs?|roundups?|round-ups?|monthly updates?|news ?letters?|bulletins?)\b/,
  },
  {
    id: 'webinar',
    label: 'webinar',
    words: /\b(webinars?|live (sessions?|classe?s?|trainings?|demos? sessions?)|masterclass(es)?|web seminars?|office hours)\b/,
  },
  { id: 'reminder', label: 'reminder', words: /\b(reminders?|nudges?|follow ?ups? nudges?)\b/ },
  { id: 'survey', label: 'survey', words: /\b(surveys?|nps|csat|feedback (requests?|forms?)|questionnaires?)\b/ },
  { id: 'review-request', label: 'review request', words: /\b(review requests?|ask for (a )?review|rate us|g2 (review|invite)s?)\b/ },
  {
    id: 'usage-report',
    label: 'usage report',
    words: /\b(usage (reports?|summar(y|ies)|recaps?)|health (reports?|scores? emails?)|activity (reports?|summar(y|ies)))\b/,
  },
  { id: 'check-in', label: 'check-in', words: /\b(check ?ins?|touch ?base)\b/ },
];

const folded = (name: string) =>
  withoutAccents(name)
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The kind of a touchpoint by its name (the first that matches), or null. */
export function touchpointKind(name: string): string | null {
  const text = folded(name);
  for (const kind of TOUCHPOINT_KINDS) if (kind.words.test(text)) return kind.id;
  return null;
}

/** A kind's label ("newsletter"). */
export function kindLabel(id: string): string {
  return TOUCHPOINT_KINDS.find((kind) => kind.id === id)?.label ?? id;
}

// "dup of what's new?", "duplicate of the digest", "same as Product's newsletter", "overlaps with release notes".
const DUPLICATE_NOTE = /\b(?:dup|dupe|duplicate|duplicates|duplicated|same as|overlaps? with|repeats?)\b(?:\s+(?:of|with))?\s*(.*)$/;

/** What a note says its touchpoint duplicates ("dup of what's new?" → "what s new"), or null when it says no such thing. */
export function duplicateNote(notes: string | null): string | null {
  if (notes === null) return null;
  const match = DUPLICATE_NOTE.exec(folded(notes));
  return match ? match[1]!.trim() : null;
}
