// Markdown for a CI job summary (`>> $GITHUB_STEP_SUMMARY`, GitLab MR notes): for evaluate the
// indicator table (指标 / 目标 / 实际 / 差距 / 状态) and the most severe findings; for plans lint and
// ledger a table of the findings. Cell text is escaped so that `|`, line breaks and HTML in a
// message or a file name cannot break a table row.

import type { Finding, Severity } from '../../schema/finding.js';
import type { MessageId } from '../../schema/messages.js';
import { message } from '../../schema/messages.js';
import { formatAgainst, formatTarget, gapText } from '../../schema/quantity.js';
import type { IndicatorResult } from '../../schema/results.js';
import type { FormatContext } from '../render.js';
import { findingText, locationLine, shownLocation, shownPath } from '../render.js';
import { cutLabel, visible } from '../safe-text.js';
import { bySeverity, localize } from './ci-common.js';
import type { FindingList } from './finding-list.js';
import { listCounts } from './finding-list.js';

/** Findings listed for evaluate (most severe first); the indicator table comes first there. */
const TOP = 20;
/** Findings listed for plans lint and ledger. */
const LIST = 200;

const MARK: Record<Severity, string> = { error: '❌', warning: '⚠️', info: 'ℹ️' };
const STATUS_MARK = { met: '✅', 'not-met': '❌', 'no-data': '⚪' } as const;

/**
 * Text for one table cell: `|`, `\` and backticks escaped, `](` broken so that no link or image (a
 * request to any server) can be made of data, line breaks as <br>, `&`, `<` and `>` as entities,
 * and every other control or bidi character shown as its escape (see safe-text.ts).
 */
export const mdCell = (s: string): string =>
  visible(
    s
      .replace(/\\/g, '\\\\')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/\|/g, '\\|')
      .replace(/`/g, '\\`')
      .replace(/\]\(/g, ']\\(')
      .replace(/\r\n|\r|\n/g, '<br>'),
  );

const row = (cells: string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
const table = (head: string[], rows: string[][]) => [row(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(row)].join('\n');

export function markdown(list: FindingList, ctx: FormatContext): string {
  const { lang, cwd } = ctx;
  const L = (id: MessageId, args: Record<string, unknown> = {}) => message(id, args, lang);
  const counts = listCounts(list);
  const total = counts.error + counts.warning + counts.info;
  const out: string[] = [];

  const title = list.plan ? `${list.tool.name} · ${L('label.title', { plan: list.plan.name, document: list.plan.document })}` : list.tool.name;
  out.push(`## ${mdCell(title)}`, '');
  if (list.files.length) out.push(mdCell(L('label.checked-files', { files: list.files.map((f) => shownPath(f, cwd)).join(', ') })), '');
  const findingsLine = L('label.findings-summary', { errors: counts.error, warnings: counts.warning, infos: counts.info });

  const indicators = list.indicators ?? [];
  if (indicators.length) {
    const n = (s: IndicatorResult['status']) => indicators.filter((i) => i.status === s).length;
    out.push(mdCell(`${L('label.indicator-summary', { met: n('met'), notMet: n('not-met'), noData: n('no-data') })} · ${findingsLine}`), '');
    out.push(`### ${L('label.indicators')}`, '');
    out.push(
      table(
        [L('label.indicator'), L('label.target'), L('label.value'), L('label.gap'), L('label.status')],
        indicators.map((r) => {
          const status = `${STATUS_MARK[r.status]} ${L(`label.${r.status}`)}${r.binding ? ` · ${L('label.约束性')}` : ''}`;
          const gap = r.status === 'not-met' && r.gap !== null ? gapText(r.gap, r.target.op, r.unit, lang) : '—';
          return [cutLabel(localize(r.name, lang)), formatTarget(r.target, r.unit, lang), formatAgainst(r.value, r.target.value, r.unit, lang), gap, status];
        }),
      ),
      '',
    );
  } else {
    out.push(mdCell(findingsLine), '');
  }

  if (!list.findings.length) {
    out.push(mdCell(L('label.no-findings')));
    return `${out.join('\n')}\n`;
  }
  const limit = indicators.length ? TOP : LIST;
  const shown = (indicators.length ? bySeverity(list.findings) : list.findings).slice(0, limit);
  out.push(`### ${indicators.length ? L('label.top-findings', { shown: shown.length, total }) : L('label.findings')}`, '');
  out.push(
    table(
      [L('label.severity'), L('label.location'), L('label.message')],
      shown.map((f: Finding) => [`${MARK[f.severity]} ${L(`label.${f.severity}`)}`, locationLine(shownLocation(f.location, cwd), lang), `${findingText(f, lang)} [${f.code}]`]),
    ),
  );
  if (total > shown.length) out.push('', mdCell(L('label.more', { count: total - shown.length })));
  return `${out.join('\n')}\n`;
}
