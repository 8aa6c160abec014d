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
  // Called for every cell of a workbook: a character loop, not a regular expression.
  let i = ref.charCodeAt(0) === 36 ? 1 : 0;
  let col = 0;
  let letters = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32; // upper-cases a letter
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    letters++;
  }
  if (letters === 0 || letters > 3) return null;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const digitsStart = i;
  for (; i < ref.length; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  return i === digitsStart ? null : { col: col - 1, row };
}

/** A cell address as a spreadsheet shows it: `Sheet!B20`, `'My sheet'!B20`, or `B20` for a CSV. */
export function cellAddress(sheet: string | null, column: string, row: number): string {
  return sheet === null ? `${column}${row}` : `${sheetPrefix(sheet)}${column}${row}`;
}

/** `Sheet!` as a reference starts, the name quoted as Excel quotes it when it is not a plain word (`'Q3 plan'!`). */
export function sheetPrefix(sheet: string): string {
  return `${/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`}!`;
}
