/** Spreadsheet column letter for a 0-based column index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 0-based column index for a column letter (A → 0). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

/** Parses an A1 reference ("B20", "$B$20") into 0-based column and 1-based row. */
export function parseCellRef(ref: string): { col: number; row: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.toUpperCase());
  if (!m) return null;
  return { col: columnIndex(m[1]!), row: Number(m[2]) };
}

/** A cell address as a spreadsheet shows it: `Sheet!B20`, `'My sheet'!B20`, or `B20` for a CSV. */
export function cellAddress(sheet: string | null, column: string, row: number): string {
  if (sheet === null) return `${column}${row}`;
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${column}${row}`;
}
