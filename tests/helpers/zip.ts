import { constants, crc32, deflateRawSync } from 'node:zlib';

/** One entry of a crafted zip: its bytes, or a ready deflate stream with the size it inflates to. */
export interface CraftedEntry {
  name: string;
  data?: string | Buffer;
  deflated?: { bytes: Buffer; size: number };
  /** The uncompressed size the zip headers declare, when it should lie. */
  declaredSize?: number;
}

/** A deflate stream of segments each repeated `times`, built without holding the inflated bytes. */
export function repeatedDeflate(segments: { text: string; times?: number }[]): { bytes: Buffer; size: number } {
  const blocks: Buffer[] = [];
  let size = 0;
  for (const { text, times = 1 } of segments) {
    // A full flush ends the block byte-aligned and forgets the history, so its bytes can be repeated.
    const block = deflateRawSync(Buffer.from(text), { finishFlush: constants.Z_FULL_FLUSH });
    for (let i = 0; i < times; i++) blocks.push(block);
    size += Buffer.byteLength(text) * times;
  }
  blocks.push(Buffer.from([0x03, 0x00])); // an empty final block
  return { bytes: Buffer.concat(blocks), size };
}

/**
 * The bytes of a zip holding `entries` in order (duplicates allowed: tests need them), deflated,
 * with sizes as declared. CRCs of pre-deflated entries are left 0: the reader does not check them.
 */
export function zipBytes(entries: CraftedEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    let compressed: Buffer;
    let size: number;
    let crc = 0;
    if (entry.deflated) {
      compressed = entry.deflated.bytes;
      size = entry.deflated.size;
    } else {
      const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data ?? '');
      compressed = deflateRawSync(data);
      size = data.length;
      crc = crc32(data);
    }
    const declared = entry.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>';
const PACKAGE_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A worksheet part around `sheetData` rows (and anything after them, such as merges). */
export function worksheetXml(rows: string, after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${after}</worksheet>`;
}

/**
 * The entries of a minimal workbook: sheets named by `sheets` (each naming its part, default
 * `xl/worksheets/sheet<n>.xml`), plus whatever `parts` holds (worksheets, sharedStrings, styles).
 */
export function workbookEntries(
  sheets: { name: string; part?: string }[],
  parts: CraftedEntry[],
  extra: { styles?: boolean; sharedStrings?: boolean } = {},
): CraftedEntry[] {
  const rels = sheets.map(
    (s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${(s.part ?? `xl/worksheets/sheet${i + 1}.xml`).replace(/^xl\//, '')}"/>`,
  );
  if (extra.sharedStrings) rels.push(`<Relationship Id="rSS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (extra.styles) rels.push(`<Relationship Id="rST" Type="${REL}/styles" Target="styles.xml"/>`);
  const sheetList = sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return [
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: PACKAGE_RELS },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets>${sheetList}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    },
    ...parts,
  ];
}
