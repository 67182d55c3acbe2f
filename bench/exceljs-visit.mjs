#!/usr/bin/env node
// The baseline of the XLSX benchmark: exceljs' streaming reader visiting every cell of every
// sheet (no checking at all). Prints {"rows":N,"cells":N} so the runner can see it read the file.
//
//   node bench/exceljs-visit.mjs FILE.xlsx

import ExcelJS from 'exceljs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/exceljs-visit.mjs FILE.xlsx');
  process.exit(2);
}
const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore', entries: 'ignore' });
let rows = 0;
let cells = 0;
for await (const sheet of reader) {
  for await (const row of sheet) {
    rows++;
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.value !== undefined) cells++;
    });
  }
}
console.log(JSON.stringify({ rows, cells }));
