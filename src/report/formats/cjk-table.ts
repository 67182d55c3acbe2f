// A cli-table3 table whose cells are wrapped by display width first (see wrap-width.ts), for the
// plan tables: plan lists, plan contents, responsibility matrices, indicator explanations, and the
// batch summary. Cells may quote any file: control characters are shown as escapes (safe-text.ts).

import Table from 'cli-table3';
import { visible } from '../safe-text.js';
import { wrapWords } from './wrap-width.js';

export function cjkTable(head: string[], widths: number[], rows: (string | number)[][]): string {
  const table = new Table({ head, style: { head: [], border: [] }, colWidths: widths });
  for (const row of rows) table.push(row.map((cell, i) => wrapWords(visible(String(cell)), widths[i] - 2)));
  return table.toString();
}
