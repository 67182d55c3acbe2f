// Words and counts every batch summary output shares (summary.md, the terminal table).

import type { BatchFileResult, BatchSummary } from '../schema/batch.js';
import { message } from '../schema/messages.js';
import type { Status } from '../schema/results.js';

/** 达标/未达标/无数据 of one file. */
export function indicatorCounts(f: BatchFileResult): string {
  const n = (s: Status) => f.indicators.filter((i) => i.status === s).length;
  return `${n('met')}/${n('not-met')}/${n('no-data')}`;
}

/** 通过 / 有问题 / 无法评估 (with the reason) of one file. */
export function fileStatus(f: BatchFileResult, lang: BatchSummary['lang']): string {
  const word = message(f.exitCode === 0 ? 'batch.status.passed' : f.exitCode === 1 ? 'batch.status.findings' : 'batch.status.failed', {}, lang);
  return f.error ? `${word}${message('punct.colon', {}, lang)}${f.error.text}` : word;
}

/** The one-line totals every summary output starts with. */
export function totalsLine(s: BatchSummary): string {
  const t = s.totals;
  return message('batch.totals', { files: t.files, ok: t.ok, failed: t.failed, rows: t.rows, errors: t.findings.error, warnings: t.findings.warning, infos: t.findings.info }, s.lang);
}
