// Cell text is untrusted: it must not drive the terminal or inject markdown into a pull-request
// comment. Kept local until the shared src/escape.ts lands; then these become its wrappers.

// C0 and C1 controls, DEL, and the bidirectional overrides that can reorder what a reader sees.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text safe to print on a terminal: line breaks and tabs become spaces, other control characters (escape sequences) are dropped. */
export function terminalText(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(CONTROL, '');
}

// Every ASCII punctuation character can be backslash-escaped in CommonMark and GFM, so escaping them all
// leaves no emphasis, link, image, HTML tag, code span, heading, list marker or table pipe in the text.
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/**
 * Plain text safe anywhere in GitHub markdown, table cells included: controls dropped, line breaks
 * flattened, punctuation backslash-escaped (no markup, links, autolinks or HTML), and a zero-width
 * space after "@" and "#" so a cell cannot mention a user or link an issue.
 */
export function markdownText(text: string): string {
  return terminalText(text)
    .replace(PUNCTUATION, (mark) => `\\${mark}`)
    .replace(/([@#])/g, '$1\u200b');
}
