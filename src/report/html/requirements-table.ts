// The per-community requirements (每个城乡社区至少有1名灾害信息员, …): how many communities each
// was checked on, broke it, or lacked the data, and the columns it needed that no input had.

import type { Lang } from '../../schema/messages.js';
import { message } from '../../schema/messages.js';
import type { RequirementResult } from '../../schema/results.js';
import { localize } from '../formats/ci-common.js';
import { attrs, esc } from './html-escape.js';

export function requirementsTable(requirements: RequirementResult[], lang: Lang): string {
  const L = (id: Parameters<typeof message>[0], args: Record<string, unknown> = {}) => esc(message(id, args, lang));
  const head = [L('label.requirements'), L('label.scope'), L('label.severity'), L('html.checked'), L('html.breaches'), L('html.without-data'), L('label.source')];
  const rows = requirements.map((r) => {
    const missing = r.missingColumns.length ? `<span class="place">${L('reason.no-column', { columns: r.missingColumns.join(L('punct.list')) })}</span>` : '';
    const cells = [
      // The name heads its row when the table stacks on a phone: no label before it.
      `<td class="lead">${esc(localize(r.name, lang))}${missing}</td>`,
      `<td data-label="${head[1]}">${L(`scope.${r.scope}`)}</td>`,
      `<td class="sev ${r.severity}" data-label="${head[2]}">${L(`label.${r.severity}`)}</td>`,
      `<td class="num" data-label="${head[3]}">${r.checked}</td>`,
      `<td class="num${r.breaches ? ` sev ${r.severity}` : ''}" data-label="${head[4]}">${r.breaches}</td>`,
      `<td class="num" data-label="${head[5]}">${r.noData}</td>`,
      `<td data-label="${head[6]}">${esc(r.source.section)}</td>`,
    ];
    return `<tr${attrs({ 'data-requirement': r.id })}>${cells.join('')}</tr>`;
  });
  const numeric = new Set([3, 4, 5]);
  return [
    '<div class="table-wrap"><table class="requirements stack">',
    `<thead><tr>${head.map((h, i) => `<th${numeric.has(i) ? ' class="num"' : ''}>${h}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table></div>',
  ].join('\n');
}
