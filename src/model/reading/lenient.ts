import type { Vocabulary } from '../vocabulary.js';
import { MAX_VALUE_LENGTH } from '../normalize/values.js';

// Where the value of a cell ends and a note on it begins: "Automated → manual if negative", "Manual (CSM)", "Inbound: chat".
const NOTE_START =
  /\s*(?:→|->|=>|\(|\[|:|;|,|\s-\s|\s–\s|\s—\s|\bif\b|\bbut\b|\bunless\b|\bthen\b|\bwith\b|\bsi\b|\bse\b|\bwenn\b|\bals\b|\bcon\b|\bcom\b|\bavec\b|\bmit\b|\bmet\b)/i;

/**
 * A closed-vocabulary value read as written, or from the words before a note on it: "Automated → manual
 * if negative" is automatic (with a manual escalation, which the cell keeps); "Manual (CSM)" is manual.
 */
export function readLenient<Id extends string>(vocabulary: Vocabulary<Id>, text: string): Id | null {
  if (text.length > MAX_VALUE_LENGTH) return null;
  const whole = vocabulary.lookup(text);
  if (whole !== null) return whole;
  const match = NOTE_START.exec(text);
  if (match === null || match.index === 0) return null;
  return vocabulary.lookup(text.slice(0, match.index));
}
