// summary.md of `cscheck batch` (also its --format markdown): the totals, a table of the files
// (status, rows, indicator and finding counts, report), and the file × indicator table — one row
// per file that could be read, one column per indicator that any file has data for.

import type { BatchSummary } from '../schema/batch.js';
import type { MessageId } from '../schema/messages.js';
import { message } from '../schema/messages.js';
import { formatAgainst, formatTarget } from '../schema/quantity.js';
import type { Status } from '../schema/results.js';
import { localize } from './formats/ci-common.js';
import { mdCell } from './formats/markdown.js';
import { cutLabel } from './safe-text.js';
import { fileStatus, indicatorCounts, totalsLine } from './batch-summary-text.js';

const MARK: Record<Status, string> = { met: '✅', 'not-met': '❌', 'no-data': '⚪' };
const EXIT_MARK = ['✅', '❌', '⛔'] as const;

const row = (cells: string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
const table = (head: string[], rows: string[][]) => [row(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(row)].join('\n');

export function batchSummaryMarkdown(s: BatchSummary): string {
  const L = (id: MessageId, args: Record<string, unknown> = {}) => message(id, args, s.lang);
  const out: string[] = [`## ${mdCell(`cscheck · ${L('batch.title', { plan: s.plan.name, document: s.plan.document })}`)}`, '', mdCell(totalsLine(s)), ''];

  out.push(`### ${L('batch.heading.files')}`, '');
  out.push(
    table(
      [L('batch.col.file'), L('batch.col.area'), L('batch.col.rows'), L('label.status'), L('batch.col.indicators'), L('batch.col.findings'), L('batch.col.report')],
      s.files.map((f) => [
        f.input,
        cutLabel(f.area),
        f.status === 'ok' ? String(f.rows) : '—',
        `${EXIT_MARK[f.exitCode]} ${fileStatus(f, s.lang)}`,
        f.status === 'ok' ? indicatorCounts(f) : '—',
        f.status === 'ok' ? `${f.findings.error}/${f.findings.warning}/${f.findings.info}` : '—',
        f.reports.json ?? '—',
      ]),
    ),
    '',
  );

  const read = s.files.filter((f) => f.status === 'ok');
  const withData = s.indicators.filter((ind) => read.some((f) => f.indicators.some((v) => v.id === ind.id && v.status !== 'no-data')));
  if (read.length && withData.length) {
    out.push(`### ${L('batch.heading.matrix')}`, '');
    const head = withData.map((ind) => `${localize(ind.name, s.lang)} ${formatTarget(ind.target, ind.unit, s.lang)}${ind.binding ? ` · ${L('label.约束性')}` : ''}`);
    out.push(
      table(
        [L('batch.col.file'), ...head],
        read.map((f) => {
          const byId = new Map(f.indicators.map((v) => [v.id, v]));
          return [
            f.input,
            ...withData.map((ind) => {
              const v = byId.get(ind.id);
              return v && v.value !== null ? `${MARK[v.status]} ${formatAgainst(v.value, ind.target.value, ind.unit, s.lang)}` : `${MARK['no-data']} —`;
            }),
          ];
        }),
      ),
      '',
    );
  }
  const never = s.indicators.filter((ind) => !withData.includes(ind));
  if (read.length && never.length) out.push(mdCell(L('batch.no-data-anywhere', { names: never.map((i) => localize(i.name, s.lang)).join(L('punct.semicolon')) })), '');
  return `${out.join('\n')}\n`;
}
