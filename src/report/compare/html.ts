// The comparison as one self-contained HTML page (inline CSS, no script, no external reference):
// the same sections as the other formats, with the evaluate report's stylesheet and escaping
// (report/html/) so both pages look alike; transitions are coloured by class.

import type { Comparison, Transition } from '../../schema/comparison.js';
import type { FormatContext } from '../render.js';
import { esc } from '../html/html-escape.js';
import { STYLES } from '../html/styles.js';
import type { Say } from './text.js';
import {
  areaHeading,
  communityHead,
  communityLine,
  communityRows,
  indicatorTable,
  listText,
  noteText,
  sayer,
  silentLine,
  snapshotsText,
  summaryLine,
  titleText,
  townshipLine,
  townshipTable,
  transitionText,
} from './text.js';

const COMPARE_STYLES = `
section.area { margin-top: 8px; }
td.transition { white-space: nowrap; font-weight: 600; }
tr.newly-missed td.transition { color: var(--miss); }
tr.newly-met td.transition, tr.still-met td.transition, tr.first-met td.transition { color: var(--met); }
tr.still-missed td.transition, tr.first-missed td.transition { color: var(--warn); }
tr.data-lost td.transition, tr.no-data td.transition, tr.added td.transition, tr.removed td.transition { color: var(--none); font-weight: normal; }
tr.newly-missed { background: var(--miss-wash); }
tr.newly-met { background: var(--met-wash); }
.notes { color: var(--muted); }
`;

/** Columns holding numbers (right-aligned): then, now, change. */
const NUMERIC = new Set([2, 3, 4]);

function htmlTable(head: string[], rows: string[][], transitions?: Transition[], numeric = NUMERIC): string {
  const th = head.map((h, i) => `<th${numeric.has(i) ? ' class="num"' : ''} scope="col">${esc(h)}</th>`).join('');
  const body = rows
    .map((cells, r) => {
      const tds = cells.map((c, i) => {
        const cls = transitions && i === cells.length - 1 ? 'transition' : numeric.has(i) ? 'num' : '';
        return `<td${cls ? ` class="${cls}"` : ''} data-label="${esc(head[i])}">${esc(c)}</td>`;
      });
      return `<tr${transitions ? ` class="${transitions[r]}"` : ''}>${tds.join('')}</tr>`;
    })
    .join('\n');
  return `<div class="table-wrap"><table class="stack"><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

export function html(cmp: Comparison, ctx: FormatContext): string {
  const lang = ctx.lang;
  const say: Say = sayer(lang);
  const title = titleText(cmp, lang, say);
  const t = cmp.summary.indicators;
  const chip = (cls: string, tr: Transition) => `<li class="chip ${cls}">${esc(transitionText(tr, say))} ${t[tr]}</li>`;
  const out: string[] = [
    '<!doctype html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${STYLES}${COMPARE_STYLES}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<header class="page-head">',
    `<p class="eyebrow">${esc(`${cmp.tool.name} compare`)}</p>`,
    `<h1>${esc(title)}</h1>`,
    `<p class="facts">${esc(snapshotsText(cmp, say, ctx.cwd))}</p>`,
    `<ul class="chips">${chip('not-met', 'newly-missed')}${chip('met', 'newly-met')}${chip('met', 'first-met')}${chip('not-met', 'first-missed')}${chip('met', 'still-met')}${chip('warning', 'still-missed')}${chip('no-data', 'data-lost')}</ul>`,
    '</header>',
  ];
  for (const a of cmp.areas) {
    out.push('<section class="area">', `<h2>${esc(areaHeading(a, say, ctx.cwd))}</h2>`);
    const it = indicatorTable(a, lang, say);
    if (it.rows.length) out.push(htmlTable(it.head, it.rows, it.shown.map((i) => i.transition)));
    const silent = silentLine(it.silent, lang, say, true);
    if (silent) out.push(`<p class="notes">${esc(silent)}</p>`);
    const tt = townshipTable(a, lang, say);
    if (tt.rows.length) {
      out.push(`<h3>${esc(say('compare.by-township'))}</h3>`);
      out.push(htmlTable(tt.head, tt.rows.map((r) => r.cells), tt.rows.map((r) => r.transition)));
    }
    out.push(`<p>${esc(townshipLine(a, say))}</p>`, `<p>${esc(communityLine(a.communities, say))}</p>`);
    const rows = communityRows(a.communities, say);
    if (rows.length) out.push(htmlTable(communityHead(say), rows, undefined, new Set()));
    if (a.notes.length) out.push(`<h3>${esc(say('compare.notes'))}</h3>`, `<ul class="notes">${a.notes.map((n) => `<li>${esc(noteText(n, say))}</li>`).join('')}</ul>`);
    out.push('</section>');
  }
  if (cmp.areasAdded.length) out.push(`<p>${esc(say('compare.areas-added', { list: listText(cmp.areasAdded, say) }))}</p>`);
  if (cmp.areasRemoved.length) out.push(`<p>${esc(say('compare.areas-removed', { list: listText(cmp.areasRemoved, say) }))}</p>`);
  out.push(`<p>${esc(summaryLine(cmp, say))}</p>`);
  out.push(`<footer>${esc(`${cmp.tool.name} ${cmp.tool.version}`)}</footer>`, '</main>', '</body>', '</html>');
  return `${out.join('\n')}\n`;
}
