import { terminalLine } from '../escape.js';

/** Writes one `journey: …` line to stderr through the terminal escaper: file names and cell text can hold escape sequences. */
export function say(message: string): void {
  process.stderr.write(`journey: ${terminalLine(message)}\n`);
}

/** A note about the inputs (a link skipped), said the same way. */
export function note(message: string): void {
  say(`note: ${message}`);
}
