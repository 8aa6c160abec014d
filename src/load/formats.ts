// The file formats journey reads inventories from, written once: the sniffer (load/index.ts), the folder
// walker (engine/inputs.ts), diff's revision reader and the output guard (cli/outputs.ts) all ask here.
import { listAnd } from '../english.js';

/** The kinds of input file, as results and the model name them. */
export const INPUT_KINDS = ['csv', 'xlsx', 'markdown'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

/** One input format. */
export interface InputFormat {
  kind: InputKind;
  /** File name endings, lower case with the dot; the first is the one messages name first. */
  extensions: readonly string[];
  /** Whether a folder or a glob audits every such file, or only those holding an inventory table (most markdown is docs). */
  inFolders: 'always' | 'when-inventory';
  /** True when a file's first bytes say it is this format, whatever its name; null: only its name says (text). */
  sniff: ((head: Buffer) => boolean) | null;
}

/** A zip archive: what every .xlsx and .xlsm is. */
const isZip = (head: Buffer) => head[0] === 0x50 && head[1] === 0x4b;

export const INPUT_FORMATS: readonly InputFormat[] = [
  { kind: 'xlsx', extensions: ['.xlsx', '.xlsm'], inFolders: 'always', sniff: isZip },
  { kind: 'csv', extensions: ['.csv', '.tsv'], inFolders: 'always', sniff: null },
  { kind: 'markdown', extensions: ['.md', '.markdown'], inFolders: 'when-inventory', sniff: null },
];

/** Every ending journey reads, in the order of INPUT_FORMATS. */
export const INPUT_EXTENSIONS: readonly string[] = INPUT_FORMATS.flatMap((format) => format.extensions);

/** A file name's ending, lower case with the dot ('' when it has none). */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** The format a file name says, or null for a name journey does not read from folders. */
export function formatOfName(name: string): InputFormat | null {
  const extension = extensionOf(name);
  return INPUT_FORMATS.find((format) => format.extensions.includes(extension)) ?? null;
}

/** The format a file's first bytes say, or null when they say none (a text file). */
export function formatOfBytes(head: Buffer): InputFormat | null {
  return INPUT_FORMATS.find((format) => format.sniff?.(head) === true) ?? null;
}

/** A file in a folder or a glob that journey audits (Excel's ~$ lock files are not workbooks). */
export function auditedInFolders(name: string): boolean {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  return formatOfName(base) !== null && !base.startsWith('~$');
}

/** The endings of some formats as a message lists them: ".xlsx, .xlsm, .csv or .tsv". */
export function extensionList(formats: readonly InputFormat[], conjunction: 'and' | 'or'): string {
  return listAnd(
    formats.flatMap((format) => format.extensions),
    conjunction,
  );
}
