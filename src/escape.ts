/**
 * Every escaper for journey's outputs, in one place. Cell values, sheet names and file names are
 * untrusted: each output gets them through the escaper for its syntax, so a spreadsheet can never
 * drive the terminal, a CI runner, a markdown renderer, a Mermaid diagram or an XML/JSON reader.
 */

/** Most characters of one cell-derived name (file, sheet, persona, stage, team...) a formatter shows. */
export const NAME_LIMIT = 300;

/** `text` cut to at most `limit` UTF-16 units, ending in an ellipsis when cut; never splits a surrogate pair. */
export function shorten(text: string, limit: number = NAME_LIMIT): string {
  if (text.length <= limit) return text;
  let end = limit - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text with lone surrogates (an xlsx `_xD800_` escape makes one) replaced by U+FFFD, so it encodes as UTF-8. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

// What a workbook or a UTF-8 file cannot hold or its readers refuse: C0 controls but tab, LF and CR (XML
// 1.0 forbids them), lone surrogates, and Unicode's noncharacters (U+FDD0–U+FDEF, and U+FFFE and U+FFFF
// of every plane).
const UNSTORABLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufdd0-\ufdef\ufffe\uffff]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text a written workbook or CSV can hold and journey's own reader accepts: what cannot be stored becomes U+FFFD. */
export function storableText(text: string): string {
  return text.replace(UNSTORABLE, '\uFFFD');
}

// Sequences a terminal acts on: CSI (ESC [ or 8-bit U+009B) with its parameters and final byte; OSC, DCS,
// SOS, PM and APC strings up to BEL or ST; any other ESC with the bytes it takes. The string bodies stop
// at the next ESC, so a sequence that never ends costs one scan, not one per character.
const ESCAPE_SEQUENCE =
  /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)|\u001b[\u0020-\u002f]*[\u0030-\u007e]/g;
// Line breaks as the GitHub runner (.NET ReadLine) and terminals split on, and the ones JavaScript and Unicode add.
const LINE_BREAK = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
// What is left: C0 controls (tab included), DEL, C1 controls.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// Bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069): they reorder what a
// reader sees ("Trojan Source"), so a cell could show one name and hold another.
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;

/** A C0 control as its Unicode control picture (NUL → ␀, ESC → ␛, DEL → ␡), a C1 control as U+FFFD. */
function controlPicture(character: string): string {
  const code = character.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  return code === 0x7f ? '\u2421' : '\uFFFD';
}

/**
 * Text that is safe and visible on one line of a terminal or a rendered document: lone surrogates
 * replaced, terminal escape sequences removed (a cell cannot retitle or clear the screen), line breaks
 * and tabs turned into spaces, every other control shown as its control picture, bidirectional
 * controls shown as U+FFFD.
 */
export function plainText(text: string): string {
  return wellFormed(text)
    .replace(ESCAPE_SEQUENCE, '')
    .replace(LINE_BREAK, ' ')
    .replace(/\t/g, ' ')
    .replace(CONTROL, controlPicture)
    .replace(BIDI_CONTROL, '\uFFFD');
}

// Whitespace .NET's TrimStart removes before the runner looks for `::` (JavaScript's \s, plus NEL and the
// Mongolian vowel separator older .NET counts); line breaks are left to the `m` flag's ^.
const COMMAND_START = /^([\t\u000b\u000c \u0085\u00a0\u1680\u180e\u2000-\u200a\u202f\u205f\u3000\ufeff]*):(?=:)/gm;
const LEGACY_COMMAND = /##\[/g;

/**
 * Output lines the GitHub Actions runner cannot read as workflow commands. It runs any line that starts
 * with `::` after whitespace (`::error::`, `::set-output`, `::stop-commands::`) and any line holding
 * `##[` anywhere (the legacy `##[error]` form). The first colon becomes U+2236 RATIO and the second `#`
 * U+266F MUSIC SHARP SIGN: one column each like what they replace, and, unlike zero-width characters,
 * not ignored by the culture-aware string comparison the runner uses.
 * Only journey's own annotations (the github format) may start with `::`; every other output passes here.
 */
export function commandSafe(text: string): string {
  return text.replace(COMMAND_START, '$1\u2236').replace(LEGACY_COMMAND, '#\u266f[');
}

/** One line for the terminal or stderr: plain text that cannot act as a workflow command. */
export function terminalLine(text: string): string {
  return commandSafe(plainText(text));
}

/** Several lines (a message of our own that may quote user input): each line made safe, the line breaks kept. */
export function terminalLines(text: string): string {
  return text
    .split('\n')
    .map((line) => terminalLine(line))
    .join('\n');
}

/**
 * Rendered output, whole or in pieces, passed through commandSafe line by line. Pieces are cut at their
 * last line break and the unfinished line carried over, so a line split across pieces is seen whole.
 */
export function commandSafeOutput(output: string | Iterable<string>): string | Iterable<string> {
  if (typeof output === 'string') return commandSafe(output);
  return (function* () {
    let carried = '';
    for (const piece of output) {
      const text = carried + piece;
      const end = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1;
      carried = text.slice(end);
      if (end > 0) yield commandSafe(text.slice(0, end));
    }
    if (carried !== '') yield commandSafe(carried);
  })();
}

// Markdown: what each character that could start markup becomes. Backslash escapes render as the character
// itself; < and > become entities, so no HTML or autolink <...> can form; `:` before `//` and `.` after
// `www` are escaped because GitHub's autolinker fires on them while parsing; `@` gets a zero-width space
// after it because GitHub links emails (and mentions people) after parsing, where escapes no longer count.
// Only what could open markup is escaped, so benign text stays as it was, pasted or read raw: an underscore
// that starts no word cannot open emphasis (file_name_.xlsx), brackets make a link or image only as `](`
// (the other link forms need a reference definition at the start of a line, which cell text never gets),
// an `&` only starts a character reference when a name or number and `;` follow (CFO & CIO stays), and a
// `~` strikes through only with a second one to pair with (Takes ~3 weeks stays).
const MARKDOWN_SPECIAL = /[\\`*~|$#<>@]|&(?=(?:[a-z][a-z0-9]*|#[0-9]{1,7}|#x[0-9a-f]{1,6});)|\](?=\()|(?<![\p{L}\p{N}])_|:(?=\/\/)|(?<=\bwww)\./giu;
const MARKDOWN_REPLACEMENT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '@': '@\u200b' };
// GitHub links `#12` to an issue after parsing too: a zero-width space after the escaped `#` stops it.
const ISSUE_REFERENCE = '\\#\u200b';

/**
 * Text that renders as itself inside markdown (a paragraph, heading, list item or table cell): one line,
 * pipes escaped for tables, and never a link, image, autolink, emphasis, strikethrough, code span, math or HTML.
 */
export function markdownText(text: string): string {
  const line = plainText(text);
  const pairedTilde = line.indexOf('~') !== line.lastIndexOf('~');
  return line.replace(MARKDOWN_SPECIAL, (character: string, offset: number) => {
    if (character === '~' && !pairedTilde) return '~';
    if (character === '#' && /[0-9]/.test(line[offset + 1] ?? '')) return ISSUE_REFERENCE;
    return MARKDOWN_REPLACEMENT[character] ?? `\\${character}`;
  });
}

/**
 * Text as a markdown code span, fenced with more backticks than any run inside it. A code span cannot
 * escape a pipe in a table without showing the backslash, so text holding `\` or `|` is given as
 * escaped plain text instead.
 */
export function markdownCode(text: string): string {
  const line = plainText(text);
  if (line.trim() === '' || /[\\|]/.test(line)) return markdownText(line);
  const longestRun = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // One space each side is stripped from a span that has both, so pad when the text itself needs one.
  const pad = line.startsWith('`') || line.endsWith('`') || (line.startsWith(' ') && line.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

// Mermaid: characters written as its #code; entities inside a quoted label. `%` (a `%%{init}%%` directive
// is honoured anywhere in the text), `#` (starts an entity), quotes, backticks (a "`...`" label is
// markdown), HTML's <, > and & (labels are HTML) and the | that delimits edge labels.
const MERMAID_SPECIAL = /["#%&<>`|\\{}[\];]/g;
const MERMAID_NAMED: Record<string, string> = { '"': '#quot;', '&': '#amp;', '<': '#lt;', '>': '#gt;' };

/** Text for inside a quoted Mermaid label (`["…"]`, `|"…"|`): one line, no quotes, directives, HTML or fences. */
export function mermaidLabel(text: string): string {
  return plainText(text).replace(MERMAID_SPECIAL, (character) => MERMAID_NAMED[character] ?? `#${character.charCodeAt(0)};`);
}

// XML 1.0: characters it forbids (C0 controls but tab, CR and LF; lone surrogates; U+FFFE and U+FFFF)
// become U+FFFD; markup characters become entities; line breaks, tabs, DEL and C1 controls become
// character references (kept as data, yet no raw control reaches a terminal and attribute values keep
// their line breaks); `##[` is broken with a reference so the runner cannot read it as a command.
const XML_SPECIAL = /##\[|[^\u0020-\u007e\u00a0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]|[&<>"']/gu;
const XML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '##[': '##&#91;' };

/** Text safe in XML content and attribute values. */
export function xmlText(text: string): string {
  return text.replace(XML_SPECIAL, (match) => {
    const entity = XML_ENTITY[match];
    if (entity !== undefined) return entity;
    const code = match.codePointAt(0)!;
    if (code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x7f && code <= 0x9f)) return `&#${code};`;
    return '\uFFFD';
  });
}

// A workbook's reader turns `_xHHHH_` into the character HHHH (Excel writes controls so), so text that
// already reads like one (`_x0041_`) has its underscore written as `_x005F_` to stay as typed.
const XLSX_ESCAPE_LIKE = /_(x[0-9A-Fa-f]{4}_)/g;

/** Text for an .xlsx part (a cell, a note, a sheet name): storableText's characters, `_xHHHH_` look-alikes kept as typed, then xmlText. */
export function xlsxText(text: string): string {
  return xmlText(storableText(text).replace(XLSX_ESCAPE_LIKE, '_x005F_$1'));
}

/** A value's strings (and object keys) with lone surrogates replaced, for JSON.stringify. */
function wellFormedValue(_key: string, value: unknown): unknown {
  if (typeof value === 'string') return wellFormed(value);
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).some((key) => wellFormed(key) !== key)) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [wellFormed(key), entry]));
  }
  return value;
}

const JSON_UNSAFE = /##\[|[\u007f-\u009f\u2028\u2029]/g;

/**
 * JSON.stringify for output: lone surrogates replaced by U+FFFD (JSON.stringify writes them as \uD800
 * escapes, which UTF-8 readers such as SARIF consumers reject), and DEL, C1 controls, line separators and
 * `##[` written as \u escapes: the same data for a JSON reader, inert in a terminal or a CI log.
 */
export function jsonStringify(value: unknown, space?: number): string {
  let json = JSON.stringify(value, null, space);
  // Lone surrogates are rare: only then is the slower replacer run.
  if (/\\ud[89a-f]/i.test(json)) json = JSON.stringify(value, wellFormedValue, space);
  return json.replace(JSON_UNSAFE, (match) => (match === '##[' ? '##\\u005b' : `\\u${match.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/**
 * Text for a SARIF message's `text`: SARIF viewers turn `[text](target)` into a link even in plain text
 * (SARIF 2.1.0 §3.11.6). A `]` before `(` is backslash-escaped, and so is a backslash before a bracket (it
 * could undo that escape); other brackets, such as `[sheet "A"]`, stay as they are.
 */
export function sarifText(text: string): string {
  return text.replace(/\\(?=[[\]])|\](?=\()/g, '\\$&');
}

/** A workflow command's data (GitHub's toolkit escapeData): `%`, CR and LF percent-encoded; controls made visible. */
export function githubData(text: string): string {
  return wellFormed(text)
    .replace(ESCAPE_SEQUENCE, '')
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, controlPicture)
    .replace(BIDI_CONTROL, '\uFFFD');
}

/** A workflow command property value (GitHub's toolkit escapeProperty): data escapes, plus `:` and `,`. */
export function githubProperty(text: string): string {
  return githubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

// HTML is not XML (it has no forbidden-character rule of its own, and ' needs &#39; for old parsers), and a
// Mermaid journey diagram's unquoted labels are not a flowchart's quoted ones: each has its escaper.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
// "##[" and a line's leading "::" get a character reference (rendered the same): the file may be
// printed in a CI log, where the runner reads both as commands.
const HTML_MARKUP: Record<string, string> = { ...HTML_ESCAPES, '##[': '##&#91;' };

/** Characters XML 1.0 forbids (C0 controls other than tab, line feed, carriage return; lone surrogates; U+FFFE/FFFF). */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text safe in HTML (and SVG, which is XML) element content and in double- or single-quoted attribute
 * values; characters XML cannot hold, DEL and C1 controls (an 8-bit CSI acts in a terminal showing the
 * file) become U+FFFD; "##[" and a line's leading "::" are broken by a character reference.
 */
export function htmlText(text: string): string {
  return text
    .replace(XML_FORBIDDEN, '\uFFFD')
    .replace(/[\u007f-\u009f]/g, '\uFFFD')
    .replace(/[&<>"']|##\[/g, (c) => HTML_MARKUP[c]!)
    .replace(COMMAND_START, '$1&#58;');
}

/**
 * Text safe as an unquoted Mermaid journey label (a task, section, title or actor): no line breaks, and
 * every character Mermaid reads as syntax (`:` separates a task's score, `,` its actors, `#…;` entities,
 * `%%` comments, `<` `>` markup, `;` statements) written as a Mermaid entity code, which Mermaid turns
 * back into the character as text.
 */
export function mermaidJourneyText(text: string): string {
  const flat = plainText(text).replace(/\s+/g, ' ').trim();
  const escaped = flat.replace(/[#:;,%<>"'`&{}[\]|\\=]/g, (c) => `#${c.codePointAt(0)};`);
  // A label of only spaces would leave the line without a name, which Mermaid rejects.
  return escaped === '' ? '—' : escaped;
}

/**
 * A SQL string literal. Standard SQL (DuckDB, PostgreSQL) doubles the quote; ClickHouse, BigQuery, Snowflake and
 * Spark also read backslash escapes, so there the backslash is escaped too and line breaks are written as escapes
 * (BigQuery's quoted strings cannot span lines). NUL, which no engine keeps in text, becomes U+FFFD.
 */
export function sqlStringLiteral(text: string, backslashEscapes: boolean): string {
  const clean = wellFormed(text).replace(/\u0000/g, '\uFFFD');
  if (!backslashEscapes) return `'${clean.replace(/'/g, "''")}'`;
  return `'${clean.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

/** A quoted SQL identifier: "name" with the quote doubled, or `name` for the dialects that quote with backticks (backslash-escaped where the dialect reads escapes). */
export function sqlIdentifier(name: string, quote: '"' | '`', backslashEscapes = false): string {
  const clean = wellFormed(name).replace(/\u0000/g, '\uFFFD');
  if (backslashEscapes) return `${quote}${clean.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`)}${quote}`;
  return `${quote}${clean.split(quote).join(quote + quote)}${quote}`;
}

// Text a spreadsheet would run as a formula or command when the CSV is opened (formula injection).
const FORMULA_LIKE = /^[=+\-@\t\r]/;
const NUMBER_LIKE = /^[+-]?\d+(?:[.,]\d+)?%?$/;

/**
 * One CSV field: quoted when it holds a separator, quote, line break or outer space; text a spreadsheet
 * would run as a formula gets a leading apostrophe (shown as text), a signed number is left alone.
 */
export function csvField(text: string, isText = true): string {
  let value = text;
  if (isText && FORMULA_LIKE.test(value) && !NUMBER_LIKE.test(value)) value = `'${value}`;
  return /[",;|\r\n\t]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}
