// Every cell value is untrusted: these make one render as text in HTML, SVG (XML) and Mermaid.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Characters XML 1.0 forbids (C0 controls other than tab, line feed, carriage return; lone surrogates; U+FFFE/FFFF). */
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe in HTML element content and in double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(XML_FORBIDDEN, '\uFFFD').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Text safe in XML (SVG) content and attributes: escaped, and characters XML cannot hold replaced by U+FFFD. */
export function escapeXml(text: string): string {
  return escapeHtml(text);
}

/**
 * Text safe as a Mermaid label (a journey task, section, title or actor): no line breaks, and every
 * character Mermaid reads as syntax (`:` separates a task's score, `,` its actors, `#…;` entities,
 * `%%` comments, `<` `>` markup, `;` statements) written as a Mermaid entity code, which Mermaid
 * turns back into the character as text.
 */
export function escapeMermaid(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const escaped = flat.replace(/[#:;,%<>"'`&{}[\]|\\=]/g, (c) => `#${c.codePointAt(0)};`);
  // A label of only spaces would leave the line without a name, which Mermaid rejects.
  return escaped === '' ? '—' : escaped;
}

/** Text safe in a markdown heading or paragraph: one line, markup characters backslash-escaped, `<` `>` `&` as entities. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => HTML_ESCAPES[c]!);
}
