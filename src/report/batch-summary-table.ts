// What `cscheck batch` prints at the end by default: one line per file (area, rows, indicators
// met / not met / without data, findings, status) and the totals.

import type { BatchSummary } from '../schema/batch.js';
import type { MessageId } from '../schema/messages.js';
import { message } from '../schema/messages.js';
import { cjkTable } from './formats/cjk-table.js';
import { processWidth } from './formats/fit-columns.js';
import { fileStatus, indicatorCounts, totalsLine } from './batch-summary-text.js';
import { label } from './safe-text.js';
import { wrapByWidth } from './formats/wrap-width.js';

/** `width`: the terminal's columns (default: this process's stdout, see fit-columns.ts). */
export function batchSummaryTable(s: BatchSummary, reportDir: string, width = processWidth()): string {
  const L = (id: MessageId) => message(id, {}, s.lang);
  const table = cjkTable(
    [L('batch.col.file'), L('batch.col.area'), L('batch.col.rows'), L('batch.col.indicators'), L('batch.col.findings'), L('label.status')],
    [36, 12, 8, 20, 16, 40],
    s.files.map((f) => {
      const ok = f.status === 'ok';
      // The area (a name from the rows) in at most four lines of its column (see wrapByWidth).
      return [f.input, wrapByWidth(label(f.area), 10, 4), ok ? f.rows : '—', ok ? indicatorCounts(f) : '—', ok ? `${f.findings.error}/${f.findings.warning}/${f.findings.info}` : '—', fileStatus(f, s.lang)];
    }),
    width,
  );
  return `${table}\n${totalsLine(s)}\n${message('batch.reports-in', { dir: reportDir }, s.lang)}\n`;
}
