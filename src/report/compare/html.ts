// The comparison as one self-contained HTML page: the same sections as the other formats, inside
// the evaluate report's page (report/html/page.ts: its stylesheet, escaping and a Content-Security-
// Policy that lets the browser fetch nothing). Transitions are the page's chips: green for met,
// red for newly missed, orange for still missed, grey where there is nothing to judge.

import type { Comparison, Transition } from '../../schema/comparison.js';
import type { FormatContext } from '../render.js';
import { esc } from '../html/html-escape.js';
import { htmlPage } from '../html/page.js';
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

/** The page's chip class for each transition (styles.ts has no other colours to offer, nor needs them). */
const CHIP: Record<Transition, string> = {
  'newly-missed': 'not-met',
  'newly-met': 'met',
  'still-met': 'met',
  'first-met': 'met',
  'still-missed': 'warning',
  'first-missed': 'warning',
  'data-lost': 'no-data',
  'no-data': 'no-data',
  added: 'no-data',
  removed: 'no-data',
};

/** Columns holding numbers (right-aligned): then, now, change. */
const NUMERIC = new Set([2, 3, 4]);

function htmlTable(head: string[], rows: string[][], transitions?: Transition[], numeric = NUMERIC): string {
  const th = head.map((h, i) => `<th${numeric.has(i) ? ' class="num"' : ''} scope="col">${esc(h)}</th>`).join('');
  const body = rows
    .map((cells, r) => {
      const tds = cells.map((c, i) => {
        const label = ` data-label="${esc(head[i])}"`;
        if (transitions && i === cells.length - 1) return `<td${label}><span class="chip ${CHIP[transitions[r]]}">${esc(c)}</span></td>`;
        return `<td${numeric.has(i) ? ' class="num"' : ''}${label}>${esc(c)}</td>`;
      });
      return `<tr>${tds.join('')}</tr>`;
    })
    .join('\n');
  return `<div class="table-wrap"><table class="stack"><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

export function html(cmp: Comparison, ctx: FormatContext): string {
  const lang = ctx.lang;
  const say: Say = sayer(lang);
  const title = titleText(cmp, lang, say);
  const t = cmp.summary.indicators;
  const chips = (['newly-missed', 'newly-met', 'first-missed', 'first-met', 'still-missed', 'still-met', 'data-lost'] as const)
    .map((tr) => `<li class="chip ${CHIP[tr]}">${esc(transitionText(tr, say))} ${t[tr]}</li>`)
    .join('');
  const out: string[] = [
    '<main>',
    '<header class="page-head">',
    `<p class="eyebrow">${esc(`${cmp.tool.name} compare`)}</p>`,
    `<h1>${esc(title)}</h1>`,
    `<p class="facts">${esc(snapshotsText(cmp, say, ctx.cwd))}</p>`,
    `<ul class="chips">${chips}</ul>`,
    '</header>',
  ];
  for (const a of cmp.areas) {
    out.push('<section>', `<h2>${esc(areaHeading(a, say, ctx.cwd))}</h2>`);
    const it = indicatorTable(a, lang, say);
    if (it.rows.length) out.push(htmlTable(it.head, it.rows, it.shown.map((i) => i.transition)));
    const silent = silentLine(it.silent, lang, say, true);
    if (silent) out.push(`<p class="more">${esc(silent)}</p>`);
    const tt = townshipTable(a, lang, say);
    if (tt.rows.length) {
      out.push(`<h3>${esc(say('compare.by-township'))}</h3>`);
      out.push(htmlTable(tt.head, tt.rows.map((r) => r.cells), tt.rows.map((r) => r.transition)));
    }
    out.push(`<p>${esc(townshipLine(a, say))}</p>`, `<p>${esc(communityLine(a.communities, say))}</p>`);
    const rows = communityRows(a.communities, say);
    if (rows.length) out.push(htmlTable(communityHead(say), rows, undefined, new Set()));
    if (a.notes.length) out.push(`<h3>${esc(say('compare.notes'))}</h3>`, `<ul class="more">${a.notes.map((n) => `<li>${esc(noteText(n, say))}</li>`).join('')}</ul>`);
    out.push('</section>');
  }
  if (cmp.areasAdded.length) out.push(`<p>${esc(say('compare.areas-added', { list: listText(cmp.areasAdded, say) }))}</p>`);
  if (cmp.areasRemoved.length) out.push(`<p>${esc(say('compare.areas-removed', { list: listText(cmp.areasRemoved, say) }))}</p>`);
  out.push(`<p>${esc(summaryLine(cmp, say))}</p>`, `<footer>${esc(`${cmp.tool.name} ${cmp.tool.version}`)}</footer>`, '</main>');
  return htmlPage({ lang, title, body: out.join('\n') });
}
