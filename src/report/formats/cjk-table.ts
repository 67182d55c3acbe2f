// A cli-table3 table whose cells are wrapped by display width first (see wrap-width.ts), for the
// plan tables: plan lists, plan contents, responsibility matrices, indicator explanations, and the
// batch summary. Cells may quote any file: control characters are shown as escapes (safe-text.ts).

import Table from 'cli-table3';
import { visible } from '../safe-text.js';
import { fitColumns } from './fit-columns.js';
import { wrapWords } from './wrap-width.js';

/** `widths` as designed; `width`, the terminal's, shrinks them (fit-columns.ts). Headers wrap like cells rather than being cut. */
export function cjkTable(head: string[], designed: number[], rows: (string | number)[][], width?: number): string {
  const widths = fitColumns(designed, width);
  const table = new Table({ head: head.map((h, i) => wrapWords(h, widths[i] - 2)), style: { head: [], border: [] }, colWidths: widths });
  for (const row of rows) table.push(row.map((cell, i) => wrapWords(visible(String(cell)), widths[i] - 2)));
  return table.toString();
}
