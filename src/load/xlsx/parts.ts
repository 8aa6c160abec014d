import { posix } from 'node:path';
import type { ReadBudget } from './budget.js';
import type { ZipArchive } from './zip.js';
import { scanXmlOrParse } from './scan.js';
import { attribute, readXml, type XmlHandlers } from './xml.js';

/** A relationship from a part's `.rels` file. */
interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** One sheet as the workbook lists it. */
export interface SheetEntry {
  name: string;
  hidden: boolean;
  kind: 'worksheet' | 'chartsheet' | 'other';
  path: string | null;
}

/** What the workbook part says, and where its shared parts are. */
export interface WorkbookInfo {
  sheets: SheetEntry[];
  date1904: boolean;
  sharedStringsPath: string | null;
  stylesPath: string | null;
}

/** Replaces the `_xHHHH_` escapes Excel writes for control characters (`_x000D_` is a carriage return). */
export function unescapeOoxml(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function relsPathFor(partPath: string): string {
  return posix.join(posix.dirname(partPath), '_rels', `${posix.basename(partPath)}.rels`);
}

/** The zip path a relationship's target names, from the part that holds the relationship. */
export function resolveTarget(fromPart: string, target: string): string {
  const clean = target.replace(/\\/g, '/');
  if (clean.startsWith('/')) return clean.slice(1);
  return posix.normalize(posix.join(posix.dirname(fromPart), clean));
}

async function readRelationships(zip: ZipArchive, relsPath: string, budget: ReadBudget): Promise<Relationship[]> {
  if (!zip.has(relsPath)) return [];
  const relationships: Relationship[] = [];
  await readXml(
    await zip.open(relsPath, budget),
    {
      open(name, attrs) {
        if (name !== 'Relationship') return;
        if (attrs.TargetMode === 'External') return;
        relationships.push({ id: attrs.Id ?? '', type: attrs.Type ?? '', target: attrs.Target ?? '' });
      },
    },
    () => budget.checkTime(),
  );
  return relationships;
}

const typeIs = (relationship: Relationship, suffix: string) => relationship.type.endsWith(`/${suffix}`);

/** Reads the package and workbook relationships and the workbook part's sheet list. */
export async function readWorkbookInfo(zip: ZipArchive, budget: ReadBudget): Promise<WorkbookInfo | null> {
  const packageRels = await readRelationships(zip, '_rels/.rels', budget);
  const office = packageRels.find((r) => typeIs(r, 'officeDocument'));
  const workbookPath = office ? resolveTarget('', office.target) : 'xl/workbook.xml';
  if (!zip.has(workbookPath)) return null;

  const rels = await readRelationships(zip, relsPathFor(workbookPath), budget);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  await readXml(
    await zip.open(workbookPath, budget),
    {
      open(name, attrs) {
        if (name === 'workbookPr') {
          const value = attrs.date1904;
          date1904 = value === '1' || value === 'true';
        } else if (name === 'sheet') {
          const rel = byId.get(attribute(attrs, 'id') ?? '');
          const kind = !rel ? 'other' : typeIs(rel, 'worksheet') ? 'worksheet' : typeIs(rel, 'chartsheet') ? 'chartsheet' : 'other';
          sheets.push({
            name: attrs.name ?? `Sheet${sheets.length + 1}`,
            hidden: attrs.state === 'hidden' || attrs.state === 'veryHidden',
            kind,
            path: rel ? resolveTarget(workbookPath, rel.target) : null,
          });
        }
      },
    },
    () => budget.checkTime(),
  );

  const partOf = (type: string, fallback: string): string | null => {
    const rel = rels.find((r) => typeIs(r, type));
    const path = rel ? resolveTarget(workbookPath, rel.target) : posix.join(posix.dirname(workbookPath), fallback);
    return zip.has(path) ? path : null;
  };
  return { sheets, date1904, sharedStringsPath: partOf('sharedStrings', 'sharedStrings.xml'), stylesPath: partOf('styles', 'styles.xml') };
}

/** The shared string table: rich-text runs joined, phonetic (`rPh`) runs left out. */
export async function readSharedStrings(zip: ZipArchive, path: string | null, budget: ReadBudget): Promise<string[]> {
  if (!path) return [];
  let strings: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0;
  // Reset for each read: a part the scanner gives up on is read again from the start by saxes.
  const handlers = (): XmlHandlers => {
    strings = [];
    current = '';
    inText = false;
    phonetic = 0;
    return stringHandlers;
  };
  const stringHandlers: XmlHandlers = {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 't') inText = true;
      else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 'si') strings.push(unescapeOoxml(current));
      else if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
    },
    text(text) {
      if (inText && phonetic === 0) current += text;
    },
  };
  await scanXmlOrParse(
    await zip.open(path, budget),
    () => zip.open(path, budget, true),
    handlers,
    () => budget.checkTime(),
  );
  return strings;
}

// Built-in number formats that show dates or times (ECMA-376 18.8.30, plus the CJK ones).
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** Excel refuses number formats longer than this many characters. */
export const MAX_FORMAT_CODE = 255;

/**
 * True when a number format code displays a date or time: a date or time letter (d m y h s) outside
 * quoted text, backslash escapes and bracketed colors, conditions and locales (`[Red]`, `[<100]`,
 * `[$-409]`), but inside elapsed-time brackets (`[h]`, `[mm]`), in the format's first section.
 * A few linear passes, and none over a code far longer than Excel writes (4 × its 255-character
 * limit, leaving room for other writers): such a code is no date format, and costs nothing.
 */
export function isDateFormat(code: string): boolean {
  return code.length <= MAX_FORMAT_CODE * 4 && formatShowsDate(code);
}

/** isDateFormat without its bound on the code's length (exported for the tests that time it). */
export function formatShowsDate(code: string): boolean {
  // Same steps, in the same order, as the regular expressions this replaced: quoted text goes first,
  // then backslash escapes, then brackets; each step is linear.
  let bare = dropBrackets(dropEscapes(dropQuoted(code)));
  const semicolon = bare.indexOf(';');
  if (semicolon !== -1) bare = bare.slice(0, semicolon);
  return /[dmyhs]/i.test(bare) && bare.trim().toLowerCase() !== 'general';
}

/** Removes each `"..."`; an unclosed quote is kept as written. */
function dropQuoted(code: string): string {
  let out = '';
  let i = 0;
  while (i < code.length) {
    const quote = code.indexOf('"', i);
    if (quote === -1) break;
    const close = code.indexOf('"', quote + 1);
    if (close === -1) break;
    out += code.slice(i, quote);
    i = close + 1;
  }
  return out + code.slice(i);
}

const isLineTerminator = (c: string) => c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';

/** Removes each backslash with the character it escapes. */
function dropEscapes(code: string): string {
  let out = '';
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c === '\\' && i + 1 < code.length && !isLineTerminator(code[i + 1]!)) i++;
    else out += c;
  }
  return out;
}

/** Removes each `[...]` unless it is an elapsed-time bracket of h, m or s letters only; an unclosed `[` is kept. */
function dropBrackets(code: string): string {
  let out = '';
  let i = 0;
  while (i < code.length) {
    const open = code.indexOf('[', i);
    if (open === -1) break;
    const close = code.indexOf(']', open + 1);
    // No later `]`: no later `[` can close either, so the rest stays as written.
    if (close === -1) break;
    let letters = open + 1;
    while (letters < close && 'hmsHMS'.includes(code[letters]!)) letters++;
    if (letters === close && close > open + 1) {
      out += code.slice(i, open + 1);
      i = open + 1;
    } else {
      out += code.slice(i, open);
      i = close + 1;
    }
  }
  return out + code.slice(i);
}

/** For each cell style index, whether it formats numbers as dates. */
export async function readDateStyles(zip: ZipArchive, path: string | null, budget: ReadBudget): Promise<boolean[]> {
  if (!path) return [];
  const customDate = new Map<number, boolean>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  await readXml(
    await zip.open(path, budget),
    {
      open(name, attrs) {
        if (name === 'numFmt') customDate.set(Number(attrs.numFmtId), isDateFormat(attrs.formatCode ?? ''));
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) {
          const id = Number(attrs.numFmtId ?? 0);
          styles.push(customDate.get(id) ?? BUILTIN_DATE_FORMATS.has(id));
        }
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    },
    () => budget.checkTime(),
  );
  return styles;
}
