import { TextDecoder } from 'node:util';
import { localName, readXml, type XmlHandlers } from './xml.js';

/**
 * A scanner for the large, machine-written parts of a workbook (worksheets, shared strings): the
 * same events as readXml (saxes), from indexOf-driven scanning instead of a general XML parser's
 * character-by-character state machine, which was about half of a large workbook's read.
 *
 * It reads only the plain XML spreadsheet programs write: elements, attributes, text, the five
 * predefined entities and character references, an XML declaration. Anything else (a comment, CDATA,
 * a DOCTYPE, a processing instruction, an unknown entity, a disallowed character, a mismatched or
 * unclosed tag, text outside the root, a tag longer than MAX_TAG) makes it give up on the part before
 * emitting anything past that point, and `scanXmlOrParse` reads the whole part again with saxes:
 * its events (or its error) are then exactly what they always were.
 */
export class NotPlainXml extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotPlainXml';
  }
}

/** Longest tag (or run of text after an ampersand) held across chunks before the part is left to saxes. */
const MAX_TAG = 64 * 1024;
/** Characters XML 1.0 does not allow in a document (saxes fails on them). */
const DISALLOWED = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;
const XML_DECLARATION = /^<\?xml\s+version\s*=\s*(["'])1\.0\1(?:\s+encoding\s*=\s*(["'])[A-Za-z][\w.-]*\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\3)?\s*\?>/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

function allowedCodePoint(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Whether a piece of text or an attribute value holds nothing to decode: no &, <, tab, \r or \n (the usual cell). */
function plain(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 38 || c === 60 || c < 32) return false;
  }
  return true;
}

/** Entities and character references replaced; \r\n and \r read as \n (XML's line-end handling). */
function decodeText(text: string): string {
  if (text.length < 64 && plain(text)) return text;
  if (text.indexOf('\r') !== -1) text = text.replace(/\r\n?/g, '\n');
  if (text.indexOf('&') === -1) return text;
  return text.replace(/&([^;&]*);|&/g, (whole: string, body: string | undefined) => {
    if (body === undefined) throw new NotPlainXml('a bare ampersand');
    if (body.startsWith('#')) {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      const digits = body[1] === 'x' ? /^#x[0-9A-Fa-f]+$/ : /^#[0-9]+$/;
      if (!digits.test(body) || !allowedCodePoint(code)) throw new NotPlainXml(`the character reference ${whole}`);
      return String.fromCodePoint(code);
    }
    const value = ENTITIES[body];
    if (value === undefined) throw new NotPlainXml(`the entity ${whole}`);
    return value;
  });
}

/** An attribute value: as text, with its literal whitespace characters read as spaces (XML's attribute-value normalization). */
function decodeAttribute(raw: string): string {
  if (raw.length < 64 && plain(raw)) return raw;
  if (raw.indexOf('<') !== -1) throw new NotPlainXml('a < in an attribute value');
  let value = raw;
  if (/[\t\n\r]/.test(value)) value = value.replace(/\r\n|[\t\n\r]/g, ' ');
  return decodeText(value);
}

/** Scans a part; throws NotPlainXml (before any event past the point) where it cannot follow the XML. */
export async function scanXml(source: AsyncIterable<Buffer>, handlers: XmlHandlers, checkTime: () => void): Promise<void> {
  const { open, close, text: onText } = handlers;
  const decoder = new TextDecoder('utf-8');
  const stack: string[] = [];
  let rootClosed = false;
  let sawRoot = false;
  let first = true;
  let pending = '';
  /** The last two characters of text since the last tag. */
  let textTail = '';

  const emitText = (raw: string) => {
    if (raw === '') return;
    if (stack.length === 0) {
      if (raw.trim() !== '') throw new NotPlainXml('text outside the root element');
      return;
    }
    // ]]> is not allowed in text, also when a chunk boundary cuts it.
    if ((textTail === '' ? raw : textTail + raw).indexOf(']]>') !== -1) throw new NotPlainXml(']]> in text');
    textTail = raw.length >= 2 ? raw.slice(-2) : textTail + raw;
    if (onText) onText(decodeText(raw));
  };

  /** Scans what it can of `data`; returns where the unscanned rest (an incomplete tag or reference) starts. */
  const scan = (data: string, final: boolean): number => {
    let at = 0;
    if (first) {
      // The declaration's first characters may come alone (a BOM-only or tiny first chunk).
      if (!final && data.length < 5 && '<?xml'.startsWith(data)) return 0;
      first = false;
      if (data.startsWith('<?xml')) {
        const declaration = XML_DECLARATION.exec(data);
        if (!declaration) {
          if (!final && data.length < 200 && data.indexOf('?>') === -1) {
            first = true;
            return 0;
          }
          throw new NotPlainXml('an XML declaration it does not know');
        }
        at = declaration[0].length;
      }
    }
    const length = data.length;
    while (at < length) {
      const lt = data.indexOf('<', at);
      if (lt === -1) {
        // Text to the end: keep back a reference that may be cut off, or a \r whose \n may follow.
        let end = length;
        if (!final) {
          const amp = data.lastIndexOf('&');
          if (amp >= at && data.indexOf(';', amp) === -1) end = amp;
          else if (data.charCodeAt(length - 1) === 13) end = length - 1;
        }
        emitText(data.slice(at, end));
        return end;
      }
      if (lt > at) emitText(data.slice(at, lt));
      textTail = '';
      at = lt;
      if (lt + 1 >= length) return final ? fail('a document cut off in a tag') : lt;
      const next = data.charCodeAt(lt + 1);
      if (next === 47) {
        // </name>: compared with the open tag's name in place, without slicing a string per tag.
        const name = stack[stack.length - 1];
        let i = lt + 2 + (name?.length ?? 0);
        if (name === undefined || !data.startsWith(name, lt + 2) || (i < length && isNameChar(data.charCodeAt(i)))) {
          if (!final && i >= length) return lt;
          throw new NotPlainXml('a closing tag that does not match its opening tag');
        }
        while (i < length && isSpace(data.charCodeAt(i))) i++;
        if (i >= length) return final ? fail('a document cut off in a tag') : lt;
        if (data.charCodeAt(i) !== 62) throw new NotPlainXml('a malformed closing tag');
        stack.pop();
        if (stack.length === 0) rootClosed = true;
        if (close) close(localName(name));
        at = i + 1;
        continue;
      }
      if (!isNameStart(next)) throw new NotPlainXml('markup other than elements (a comment, CDATA, DOCTYPE or processing instruction)');
      // <name attr="value" ...> or <name .../>
      let i = lt + 2;
      while (i < length && isNameChar(data.charCodeAt(i))) i++;
      const name = data.slice(lt + 1, i);
      const attributes: Record<string, string> = {};
      let selfClosing = false;
      let complete = false;
      for (;;) {
        const before = i;
        while (i < length && isSpace(data.charCodeAt(i))) i++;
        if (i >= length) break;
        const c = data.charCodeAt(i);
        if (c === 62) {
          complete = true;
          i++;
          break;
        }
        if (c === 47) {
          if (i + 1 >= length) break;
          if (data.charCodeAt(i + 1) !== 62) throw new NotPlainXml('a / inside a tag');
          selfClosing = true;
          complete = true;
          i += 2;
          break;
        }
        // An attribute must follow whitespace.
        if (i === before || !isNameStart(c)) throw new NotPlainXml('a malformed attribute');
        const nameStart = i;
        while (i < length && isNameChar(data.charCodeAt(i))) i++;
        const attributeName = data.slice(nameStart, i);
        while (i < length && isSpace(data.charCodeAt(i))) i++;
        if (i >= length) break;
        if (data.charCodeAt(i) !== 61) throw new NotPlainXml('an attribute without a value');
        i++;
        while (i < length && isSpace(data.charCodeAt(i))) i++;
        if (i >= length) break;
        const quote = data.charCodeAt(i);
        if (quote !== 34 && quote !== 39) throw new NotPlainXml('an unquoted attribute value');
        const valueEnd = data.indexOf(quote === 34 ? '"' : "'", i + 1);
        if (valueEnd === -1) {
          i = length;
          break;
        }
        // (An inherited name such as "constructor" is refused too; saxes then reads the part.)
        if (attributes[attributeName] !== undefined) throw new NotPlainXml('a repeated attribute');
        attributes[attributeName] = decodeAttribute(data.slice(i + 1, valueEnd));
        i = valueEnd + 1;
      }
      if (!complete) {
        if (final) fail('a document cut off in a tag');
        if (length - lt > MAX_TAG) throw new NotPlainXml('a tag longer than a workbook writes');
        return lt;
      }
      if (stack.length === 0 && (rootClosed || sawRoot)) throw new NotPlainXml('a second root element');
      sawRoot = true;
      if (open) open(localName(name), attributes);
      if (selfClosing) {
        if (stack.length === 0) rootClosed = true;
        if (close) close(localName(name));
      } else stack.push(name);
      at = i;
    }
    return at;
  };
  const fail = (reason: string): never => {
    throw new NotPlainXml(reason);
  };

  const feed = (text: string, final: boolean) => {
    if (DISALLOWED.test(text)) throw new NotPlainXml('a character XML does not allow');
    const data = pending === '' ? text : pending + text;
    const used = scan(data, final);
    pending = used === data.length ? '' : data.slice(used);
    if (pending.length > MAX_TAG) throw new NotPlainXml('a tag or reference longer than a workbook writes');
  };
  for await (const chunk of source) {
    checkTime();
    feed(decoder.decode(chunk, { stream: true }), false);
  }
  feed(decoder.decode(), true);
  if (pending !== '' || stack.length > 0 || !sawRoot) throw new NotPlainXml('a document that ends before its root element closes');
}

/**
 * Scans a part with scanXml; where it gives up, runs `reset` and reads the part again with saxes from
 * `reopen`, so the handlers see exactly saxes's events (or the read fails with saxes's error).
 */
export async function scanXmlOrParse(
  source: AsyncIterable<Buffer>,
  reopen: () => Promise<AsyncIterable<Buffer>>,
  makeHandlers: () => XmlHandlers,
  checkTime: () => void,
): Promise<void> {
  try {
    await scanXml(source, makeHandlers(), checkTime);
    return;
  } catch (error) {
    if (!(error instanceof NotPlainXml)) throw error;
  }
  await readXml(await reopen(), makeHandlers(), checkTime);
}
