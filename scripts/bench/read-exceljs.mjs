// The bare-library baseline: exceljs's streaming WorkbookReader over every row of every sheet, cells counted.
import ExcelJS from 'exceljs';

let cells = 0;
const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2], { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit' });
for await (const sheet of reader) for await (const row of sheet) cells += row.cellCount;
process.stdout.write(`${cells}\n`);
