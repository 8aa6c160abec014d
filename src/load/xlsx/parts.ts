import { posix } from 'node:path';
import type { ZipArchive } from './zip.js';
import { attribute, readXml } from './xml.js';

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

function resolveTarget(fromPart: string, target: string): string {
  const clean = target.replace(/\\/g, '/');
  if (clean.startsWith('/')) return clean.slice(1);
  return posix.normalize(posix.join(posix.dirname(fromPart), clean));
}

async function readRelationships(zip: ZipArchive, relsPath: string, checkTime: () => void): Promise<Relationship[]> {
  if (!zip.has(relsPath)) return [];
  const relationships: Relationship[] = [];
  await readXml(await zip.open(relsPath), {
    open(name, attrs) {
      if (name !== 'Relationship') return;
      if (attrs.TargetMode === 'External') return;
      relationships.push({ id: attrs.Id ?? '', type: attrs.Type ?? '', target: attrs.Target ?? '' });
    },
  }, checkTime);
  return relationships;
}

const typeIs = (relationship: Relationship, suffix: string) => relationship.type.endsWith(`/${suffix}`);

/** Reads the package and workbook relationships and the workbook part's sheet list. */
export async function readWorkbookInfo(zip: ZipArchive, checkTime: () => void): Promise<WorkbookInfo | null> {
  const packageRels = await readRelationships(zip, '_rels/.rels', checkTime);
  const office = packageRels.find((r) => typeIs(r, 'officeDocument'));
  const workbookPath = office ? resolveTarget('', office.target) : 'xl/workbook.xml';
  if (!zip.has(workbookPath)) return null;

  const rels = await readRelationships(zip, relsPathFor(workbookPath), checkTime);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  await readXml(await zip.open(workbookPath), {
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
  }, checkTime);

  const partOf = (type: string, fallback: string): string | null => {
    const rel = rels.find((r) => typeIs(r, type));
    const path = rel ? resolveTarget(workbookPath, rel.target) : posix.join(posix.dirname(workbookPath), fallback);
    return zip.has(path) ? path : null;
  };
  return { sheets, date1904, sharedStringsPath: partOf('sharedStrings', 'sharedStrings.xml'), stylesPath: partOf('styles', 'styles.xml') };
}

/** The shared string table: rich-text runs joined, phonetic (`rPh`) runs left out. */
export async function readSharedStrings(zip: ZipArchive, path: string | null, checkTime: () => void): Promise<string[]> {
  if (!path) return [];
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0;
  await readXml(await zip.open(path), {
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
  }, checkTime);
  return strings;
}

// Built-in number formats that show dates or times (ECMA-376 18.8.30, plus the CJK ones).
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** True when a number format code displays a date or time. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .split(';')[0]!;
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** For each cell style index, whether it formats numbers as dates. */
export async function readDateStyles(zip: ZipArchive, path: string | null, checkTime: () => void): Promise<boolean[]> {
  if (!path) return [];
  const customDate = new Map<number, boolean>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  await readXml(await zip.open(path), {
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
  }, checkTime);
  return styles;
}
