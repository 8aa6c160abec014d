// Writes the starter workbook as SpreadsheetML parts in a zip (src/init/zip.ts), streaming: each sheet's
// rows are deflated into the file as they are made, so a clean copy of a large inventory is not held a
// second time as a workbook. Only what `journey init` writes: strings, numbers and dates, a few styles
// (bold, a fill, a number format, wrapped text), column widths, a frozen header with a filter, notes on
// cells, data validations and defined names. Loaded only by `journey init` (a dynamic import).
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { xlsxText } from '../escape.js';
import { columnLetter, sheetPrefix } from '../load/address.js';
import type { PersonaRows, TemplateCell } from './rows.js';
import { HOW_TO_SHEET, LISTS_SHEET, howToLines, type TemplateColumn, type TemplateSpec } from './template.js';
import { ZipWriter } from './zip.js';

/** Light red, as Excel's "Bad" style: the cells the team has to fix. */
export const FLAG_FILL = 'FFFFC7CE';
const HEADER_FILL = 'FFDDEBF7';
/** A value a spreadsheet would take for a formula or a command if it were typed in (CSV/formula injection). */
const FORMULA_LIKE = /^[=+\-@\t\r]/;
/** Who the notes are by, and the workbook's creator. */
const AUTHOR = 'journey init';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT_TYPE = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  sheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  strings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
};

/** How a cell looks. Every distinct look is one `<xf>` of styles.xml. */
interface Look {
  numFmt?: string;
  bold?: boolean;
  size?: number;
  fill?: string;
  wrapTop?: boolean;
}

/** Number formats Excel knows by id; any other gets an id from 164 up. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '0%': 9, '0.00%': 10, '@': 49 };

class Styles {
  private readonly looks = new Map<string, number>([['{}', 0]]);
  private readonly list: Look[] = [{}];
  private readonly formats = new Map<string, number>();
  private readonly fonts = new Map<string, number>([['11:false', 0]]);
  private readonly fills = new Map<string, number>();

  /** The `s` attribute for a look (0, the default, for none). */
  index(look: Look): number {
    const key = JSON.stringify(look);
    let index = this.looks.get(key);
    if (index === undefined) {
      index = this.list.length;
      this.looks.set(key, index);
      this.list.push(look);
    }
    return index;
  }

  private formatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    if (!this.formats.has(code)) this.formats.set(code, 164 + this.formats.size);
    return this.formats.get(code)!;
  }

  private fontId(look: Look): number {
    const key = `${look.size ?? 11}:${look.bold === true}`;
    if (!this.fonts.has(key)) this.fonts.set(key, this.fonts.size);
    return this.fonts.get(key)!;
  }

  private fillId(argb: string): number {
    // Fills 0 and 1 are the two every workbook starts with (none, gray125).
    if (!this.fills.has(argb)) this.fills.set(argb, 2 + this.fills.size);
    return this.fills.get(argb)!;
  }

  xml(): string {
    const xfs = this.list.map((look) => {
      const numFmtId = look.numFmt === undefined ? 0 : this.formatId(look.numFmt);
      const fontId = this.fontId(look);
      const fillId = look.fill === undefined ? 0 : this.fillId(look.fill);
      const applied = `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${look.wrapTop ? ' applyAlignment="1"' : ''}`;
      const alignment = look.wrapTop ? '<alignment vertical="top" wrapText="1"/>' : '';
      return `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applied}${alignment ? `>${alignment}</xf>` : '/>'}`;
    });
    const formats = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xlsxText(code)}"/>`);
    const fonts = [...this.fonts.keys()].map((key) => {
      const [size, bold] = key.split(':');
      return `<font>${bold === 'true' ? '<b/>' : ''}<sz val="${size}"/><name val="Calibri"/><family val="2"/></font>`;
    });
    const fills = [...this.fills.keys()].map(
      (argb) => `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`,
    );
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
      (formats.length ? `<numFmts count="${formats.length}">${formats.join('')}</numFmts>` : '') +
      `<fonts count="${fonts.length}">${fonts.join('')}</fonts>` +
      `<fills count="${fills.length + 2}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${fills.join('')}</fills>` +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

/** The shared string table: each distinct text once, as Excel saves a workbook. */
class SharedStrings {
  private readonly indexes = new Map<string, number>();
  private uses = 0;

  index(text: string): number {
    this.uses++;
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.indexes.size;
      this.indexes.set(text, index);
    }
    return index;
  }

  *xml(): Iterable<string> {
    yield `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.uses}" uniqueCount="${this.indexes.size}">`;
    for (const text of this.indexes.keys()) yield `<si>${textElement(text)}</si>`;
    yield '</sst>';
  }
}

/** A `<t>` element, keeping leading and trailing spaces and line breaks. */
function textElement(text: string): string {
  return /^\s|\s$|\n/.test(text) ? `<t xml:space="preserve">${xlsxText(text)}</t>` : `<t>${xlsxText(text)}</t>`;
}

/** A note on a cell: where it is (0-based row and column) and its text. */
interface Note {
  row: number;
  column: number;
  text: string;
}

/** A cell as written: its value, its look, and the note it carries. */
interface Cell {
  value: string | number | Date | null;
  look?: Look;
  note?: string;
}

/** One sheet's part as it is made: its rows (streamed), then the parts that follow them. */
interface SheetPlan {
  name: string;
  columns: { width: number; look?: Look }[];
  /** Frozen header row with a filter over `filterColumns` columns (0 for none). */
  frozenHeader: boolean;
  filterColumns: number;
  rows: Iterable<(Cell | undefined)[]>;
  validations: string[];
}

/** Excel's day number for a date: days since 1899-12-30, the time of day as a fraction. */
function serialDay(date: Date): number {
  return date.getTime() / 86_400_000 + 25_569;
}

/** Batches small pieces into writes of ~64 KB, as the formatters' output is batched. */
function* batched(pieces: Iterable<string>): Iterable<string> {
  let buffer = '';
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= 1 << 16) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}

class WorkbookWriter {
  readonly styles = new Styles();
  readonly strings = new SharedStrings();
  readonly sheets: { name: string; notes: boolean; filterColumns: number }[] = [];
  private readonly definedNames: string[] = [];

  constructor(private readonly zip: ZipWriter) {}

  defineName(name: string, reference: string): void {
    this.definedNames.push(`<definedName name="${xlsxText(name)}">${xlsxText(reference)}</definedName>`);
  }

  private cellXml(ref: string, cell: Cell): string {
    const style = cell.look === undefined ? 0 : this.styles.index(cell.look);
    const s = style ? ` s="${style}"` : '';
    const { value } = cell;
    if (value === null) return `<c r="${ref}"${s}/>`;
    if (typeof value === 'string') return `<c r="${ref}"${s} t="s"><v>${this.strings.index(value)}</v></c>`;
    const number = typeof value === 'number' ? value : serialDay(value);
    // NaN and infinities have no cell value in SpreadsheetML: written as the text they are.
    if (!Number.isFinite(number)) return `<c r="${ref}"${s} t="s"><v>${this.strings.index(String(value))}</v></c>`;
    return `<c r="${ref}"${s}><v>${number}</v></c>`;
  }

  private *sheetXml(plan: SheetPlan, first: boolean, notes: Note[]): Iterable<string> {
    const tabSelected = first ? ' tabSelected="1"' : '';
    yield `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`;
    yield plan.frozenHeader
      ? `<sheetViews><sheetView workbookViewId="0"${tabSelected}><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`
      : `<sheetViews><sheetView workbookViewId="0"${tabSelected}/></sheetViews>`;
    yield '<sheetFormatPr defaultRowHeight="15"/>';
    if (plan.columns.length > 0) {
      yield '<cols>';
      for (const [i, column] of plan.columns.entries()) {
        const style = column.look === undefined ? 0 : this.styles.index(column.look);
        yield `<col min="${i + 1}" max="${i + 1}" width="${column.width}" customWidth="1"${style ? ` style="${style}"` : ''}/>`;
      }
      yield '</cols>';
    }
    yield '<sheetData>';
    let row = 0;
    for (const cells of plan.rows) {
      row++;
      let xml = '';
      for (const [column, cell] of cells.entries()) {
        if (cell === undefined) continue;
        xml += this.cellXml(`${columnLetter(column)}${row}`, cell);
        if (cell.note !== undefined) notes.push({ row: row - 1, column, text: cell.note });
      }
      yield xml === '' ? '' : `<row r="${row}">${xml}</row>`;
    }
    yield '</sheetData>';
    if (plan.filterColumns > 0) yield `<autoFilter ref="A1:${columnLetter(plan.filterColumns - 1)}1"/>`;
    if (plan.validations.length > 0) yield `<dataValidations count="${plan.validations.length}">${plan.validations.join('')}</dataValidations>`;
    yield '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
    if (notes.length > 0) yield '<legacyDrawing r:id="rId2"/>';
    yield '</worksheet>';
  }

  async addSheet(plan: SheetPlan): Promise<void> {
    const number = this.sheets.length + 1;
    const notes: Note[] = [];
    const entry = { name: plan.name, notes: false, filterColumns: plan.filterColumns };
    this.sheets.push(entry);
    await this.zip.add(`xl/worksheets/sheet${number}.xml`, batched(this.sheetXml(plan, number === 1, notes)));
    if (notes.length === 0) return;
    entry.notes = true;
    await this.zip.add(`xl/worksheets/_rels/sheet${number}.xml.rels`, [
      `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">` +
        `<Relationship Id="rId1" Type="${REL_NS}/comments" Target="../comments${number}.xml"/>` +
        `<Relationship Id="rId2" Type="${REL_NS}/vmlDrawing" Target="../drawings/vmlDrawing${number}.vml"/>` +
        '</Relationships>',
    ]);
    await this.zip.add(`xl/comments${number}.xml`, batched(commentsXml(notes)));
    await this.zip.add(`xl/drawings/vmlDrawing${number}.vml`, batched(vmlXml(notes, number)));
  }

  /** The workbook's own parts, once every sheet is written (they list the sheets, styles and strings used). */
  async finish(created: Date): Promise<void> {
    const sheets = this.sheets;
    // LibreOffice shows a sheet's filter only with this hidden name beside the sheet's <autoFilter>; Excel writes both.
    const filters = sheets.flatMap((sheet, i) =>
      sheet.filterColumns > 0
        ? [
            `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xlsxText(`${sheetPrefix(sheet.name)}$A$1:$${columnLetter(sheet.filterColumns - 1)}$1`)}</definedName>`,
          ]
        : [],
    );
    const names = [...filters, ...this.definedNames];
    await this.zip.add('xl/workbook.xml', [
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
        sheets.map((sheet, i) => `<sheet name="${xlsxText(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        `</sheets>${names.length ? `<definedNames>${names.join('')}</definedNames>` : ''}<calcPr calcId="191029"/></workbook>`,
    ]);
    await this.zip.add('xl/_rels/workbook.xml.rels', [
      `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">` +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId${sheets.length + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
        '</Relationships>',
    ]);
    await this.zip.add('xl/styles.xml', [this.styles.xml()]);
    await this.zip.add('xl/sharedStrings.xml', batched(this.strings.xml()));
    const stamp = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
    await this.zip.add('docProps/core.xml', [
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:creator>${AUTHOR}</dc:creator><cp:lastModifiedBy>${AUTHOR}</cp:lastModifiedBy>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`,
    ]);
    await this.zip.add('docProps/app.xml', [
      `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>journey</Application></Properties>`,
    ]);
    await this.zip.add('_rels/.rels', [
      `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">` +
        `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="${PACKAGE_REL_NS}/metadata/core-properties" Target="docProps/core.xml"/>` +
        `<Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/>` +
        '</Relationships>',
    ]);
    const override = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
    await this.zip.add('[Content_Types].xml', [
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
        override('/xl/workbook.xml', CONTENT_TYPE.workbook) +
        sheets
          .map(
            (sheet, i) =>
              override(`/xl/worksheets/sheet${i + 1}.xml`, CONTENT_TYPE.sheet) +
              (sheet.notes ? override(`/xl/comments${i + 1}.xml`, CONTENT_TYPE.comments) : ''),
          )
          .join('') +
        override('/xl/styles.xml', CONTENT_TYPE.styles) +
        override('/xl/sharedStrings.xml', CONTENT_TYPE.strings) +
        override('/docProps/core.xml', CONTENT_TYPE.core) +
        override('/docProps/app.xml', CONTENT_TYPE.app) +
        '</Types>',
    ]);
    await this.zip.finish();
  }
}

function* commentsXml(notes: Note[]): Iterable<string> {
  yield `${XML_HEAD}<comments xmlns="${MAIN_NS}"><authors><author>${AUTHOR}</author></authors><commentList>`;
  for (const note of notes)
    yield `<comment ref="${columnLetter(note.column)}${note.row + 1}" authorId="0"><text><r>${textElement(note.text)}</r></text></comment>`;
  yield '</commentList></comments>';
}

/** The legacy drawing Excel shows notes with: a hidden yellow box per note, beside its cell. */
function* vmlXml(notes: Note[], sheetNumber: number): Iterable<string> {
  yield '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">';
  yield `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${sheetNumber}"/></o:shapelayout>`;
  yield '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';
  // Shape ids are unique in the workbook: each sheet's block of 1024 starts at its idmap number.
  for (const [i, note] of notes.entries()) {
    yield `<v:shape id="_x0000_s${sheetNumber * 1024 + i + 1}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:80pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${note.column + 1}, 15, ${note.row}, 2, ${note.column + 4}, 15, ${note.row + 5}, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${note.row}</x:Row><x:Column>${note.column}</x:Column></x:ClientData></v:shape>`;
  }
  yield '</xml>';
}

/** A column's `<dataValidation>` over rows 2 to `lastRow`, or null for a column without one. */
function validationXml(column: TemplateColumn, letter: string, lastRow: number): string | null {
  const { validation } = column;
  if (validation === null) return null;
  const formula = (value: string | number) => xlsxText(String(value));
  let kind: string;
  let formulae: (string | number)[];
  let operator = '';
  let errorStyle = '';
  switch (validation.kind) {
    case 'list':
      kind = 'list';
      formulae = [validation.list];
      errorStyle = ` errorStyle="${validation.strict ? 'stop' : 'warning'}"`;
      break;
    case 'whole':
      kind = 'whole';
      formulae = validation.max === null ? [validation.min] : [validation.min, validation.max];
      if (validation.max === null) operator = ' operator="greaterThanOrEqual"';
      break;
    case 'decimal':
      kind = 'decimal';
      formulae = [validation.min, validation.max];
      break;
    case 'date':
      kind = 'date';
      formulae = [serialDay(new Date(`${validation.min}T00:00:00Z`))];
      operator = ' operator="greaterThanOrEqual"';
      break;
  }
  const [first, second] = formulae;
  return (
    `<dataValidation type="${kind}"${errorStyle}${operator} allowBlank="1" showErrorMessage="1" errorTitle="${xlsxText(column.header.slice(0, 32))}" error="${xlsxText(column.error)}" sqref="${letter}2:${letter}${lastRow}">` +
    `<formula1>${formula(first!)}</formula1>${second === undefined ? '' : `<formula2>${formula(second)}</formula2>`}</dataValidation>`
  );
}

/** A data cell: text that looks like a formula keeps the Text format, a problem is filled red with the reason as its note. */
function dataCell(written: TemplateCell, numFmt: string | null): Cell {
  const look: Look = {};
  if (typeof written.value === 'string' && FORMULA_LIKE.test(written.value)) look.numFmt = '@';
  else if (numFmt !== null) look.numFmt = numFmt;
  if (written.problem !== undefined) look.fill = FLAG_FILL;
  return { value: written.value, look, ...(written.problem !== undefined ? { note: written.problem } : {}) };
}

function* personaRows(spec: TemplateSpec, persona: PersonaRows | null): Iterable<(Cell | undefined)[]> {
  yield spec.columns.map((column) => ({ value: column.header, look: { numFmt: 'General', bold: true, fill: HEADER_FILL }, note: column.note }));
  for (const values of persona?.rows ?? []) {
    yield spec.columns.map((column) => {
      const written = values[column.field];
      return written !== undefined && (written.value !== null || written.problem !== undefined) ? dataCell(written, column.numFmt) : undefined;
    });
  }
}

function personaSheet(name: string, spec: TemplateSpec, persona: PersonaRows | null): SheetPlan {
  const lastRow = spec.rows + 1;
  return {
    name,
    columns: spec.columns.map((column) => ({ width: column.width, ...(column.numFmt ? { look: { numFmt: column.numFmt } } : {}) })),
    frozenHeader: true,
    filterColumns: spec.columns.length,
    rows: personaRows(spec, persona),
    validations: spec.columns.flatMap((column, i) => validationXml(column, columnLetter(i), lastRow) ?? []),
  };
}

function howToSheet(spec: TemplateSpec): SheetPlan {
  return {
    name: HOW_TO_SHEET,
    columns: [{ width: 120 }],
    frozenHeader: false,
    filterColumns: 0,
    rows: howToLines(spec).map((line, i) => [
      { value: line === '' ? null : line, look: i === 0 ? { bold: true, size: 14, wrapTop: true } : { wrapTop: true } },
    ]),
    validations: [],
  };
}

function* listRows(spec: TemplateSpec): Iterable<(Cell | undefined)[]> {
  yield spec.lists.map((list) => ({
    value: list.header,
    look: { bold: true },
    note: `The ${list.header.toLowerCase()} the dropdowns offer (the name "${list.name}"). Edit them here; insert new ones inside the list, not below it.`,
  }));
  const height = Math.max(...spec.lists.map((list) => list.values.length));
  for (let r = 0; r < height; r++) {
    yield spec.lists.map((list) => (list.values[r] === undefined ? undefined : dataCell({ value: list.values[r]! }, null)));
  }
}

function listsSheet(spec: TemplateSpec): SheetPlan {
  return {
    name: LISTS_SHEET,
    columns: spec.lists.map((list) => ({ width: Math.max(list.header.length, ...list.values.map((v) => v.length)) + 2 })),
    frozenHeader: true,
    filterColumns: 0,
    rows: listRows(spec),
    validations: [],
  };
}

/**
 * Writes the workbook a spec describes, with each persona's rows, to `path`. Without `overwrite` the file
 * must not exist (checked when it is opened); a write that fails leaves no partial file behind.
 */
export async function writeTemplateXlsx(path: string, spec: TemplateSpec, rows: PersonaRows[], created: Date, overwrite: boolean): Promise<void> {
  const stream = createWriteStream(path, { flags: overwrite ? 'w' : 'wx' });
  await once(stream, 'open');
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  try {
    const workbook = new WorkbookWriter(new ZipWriter(stream, created));
    const written = (async () => {
      for (const { persona, sheet } of spec.sheets) await workbook.addSheet(personaSheet(sheet, spec, rows.find((r) => r.persona === persona) ?? null));
      await workbook.addSheet(howToSheet(spec));
      await workbook.addSheet(listsSheet(spec));
      spec.lists.forEach((list, i) => {
        const letter = columnLetter(i);
        workbook.defineName(list.name, `${sheetPrefix(LISTS_SHEET)}$${letter}$2:$${letter}$${Math.max(2, list.values.length + 1)}`);
      });
      await workbook.finish(created);
      stream.end();
      await once(stream, 'finish');
    })();
    await Promise.race([written, failed]);
  } catch (error) {
    stream.destroy();
    await rm(path, { force: true });
    throw error;
  }
}
