// batch's index.html: every file (a county, as its rows name it) against every indicator of the plan
// as a heat map — green met, orange to red by how far short, hatched grey without data — each row
// linking to that file's own page; then the files with their counts and the files that failed.

import type { BatchFileResult, BatchIndicatorValue, BatchSummary } from '../../schema/batch.js';
import type { Lang, MessageId } from '../../schema/messages.js';
import { message } from '../../schema/messages.js';
import { digitsApart, formatAgainst, formatNumber, formatTarget, gapText } from '../../schema/quantity.js';
import { localize } from '../formats/ci-common.js';
import { localTime } from '../local-time.js';
import { locationLine } from '../render.js';
import { boundedMessage, cutLabel } from '../safe-text.js';
import { countChips } from './badges.js';
import { attrs, esc } from './html-escape.js';
import { htmlPage } from './page.js';

type Column = BatchSummary['indicators'][number];

/** How far short, as a share of the target: under 5 % → 1, under 20 % → 2, more → 3. */
export function gapBand(gap: number | null, target: number): 1 | 2 | 3 {
  if (gap === null) return 3;
  const share = target === 0 ? Math.abs(gap) : gap / Math.abs(target);
  return share < 0.05 ? 1 : share < 0.2 ? 2 : 3;
}

const BAND_TEXT = { 1: '<5%', 2: '5–20%', 3: '≥20%' } as const;

/** A report path (relative to the report directory, `/`-separated) as a link: each segment URL-encoded. */
export const reportHref = (path: string): string => path.split(/[\\/]/).map(encodeURIComponent).join('/');

/** The page of a file: its HTML report, else its JSON report, else none. */
const pageOf = (f: BatchFileResult): string | undefined => f.reports.html ?? f.reports.json;

function cell(f: BatchFileResult, col: Column, v: BatchIndicatorValue | undefined, lang: Lang): string {
  const name = localize(col.name, lang);
  const target = formatTarget(col.target, col.unit, lang);
  if (!v || v.status === 'no-data' || v.value === null) {
    const tip = `${cutLabel(f.area)} · ${name}: ${message('label.no-data', {}, lang)} (${target})`;
    return `<td${attrs({ class: 'cell no-data', 'data-status': 'no-data', title: tip })}>—</td>`;
  }
  const band = v.status === 'not-met' ? gapBand(v.gap, col.target.value) : 0;
  const state = v.status === 'met' ? message('label.met', {}, lang) : v.gap !== null ? gapText(v.gap, col.target.op, col.unit, lang) : message('label.not-met', {}, lang);
  const tip = `${cutLabel(f.area)} · ${name}: ${formatAgainst(v.value, col.target.value, col.unit, lang)} (${target}) · ${state} · ${message('html.with-data', { withData: v.withData, inScope: v.inScope }, lang)}`;
  const text = formatNumber(v.value, Math.max(digitsApart(v.value, col.target.value), Math.abs(v.value) < 1 && v.value !== 0 ? 2 : 1));
  return `<td${attrs({ class: `cell ${v.status === 'met' ? 'met' : `miss-${band}`}`, 'data-status': v.status, title: tip })}>${esc(text)}</td>`;
}

function heatmap(summary: BatchSummary, files: BatchFileResult[], lang: Lang): string {
  const L = (id: MessageId, args: Record<string, unknown> = {}) => esc(message(id, args, lang));
  const cols = summary.indicators;
  const head = cols.map((c, i) => `<th scope="col"${attrs({ title: `${i + 1}. ${localize(c.name, lang)} ${formatTarget(c.target, c.unit, lang)}` })}><a href="#key-${i + 1}">${i + 1}</a></th>`);
  const rows = files.map((f) => {
    const values = new Map(f.indicators.map((v) => [v.id, v]));
    const page = pageOf(f);
    const area = page ? `<a${attrs({ href: reportHref(page) })}>${esc(cutLabel(f.area))}</a>` : esc(cutLabel(f.area));
    return `<tr${attrs({ 'data-input': f.input })}><th scope="row" class="area">${area}<span class="file">${esc(f.input)}</span></th>${cols.map((c) => cell(f, c, values.get(c.id), lang)).join('')}</tr>`;
  });
  const met = cols.map((c) => files.filter((f) => f.indicators.find((v) => v.id === c.id)?.status === 'met').length);
  const foot = `<tr><th scope="row" class="area">${L('label.met')}</th>${met.map((n) => `<td>${n}/${files.length}</td>`).join('')}</tr>`;
  const swatch = (cls: string, text: string) => `<li><span class="swatch cell ${cls}"></span>${esc(text)}</li>`;
  const legend = [
    swatch('met', message('label.met', {}, lang)),
    ...([1, 2, 3] as const).map((b) => swatch(`miss-${b}`, message('html.gap-band', { band: BAND_TEXT[b] }, lang))),
    swatch('no-data', message('label.no-data', {}, lang)),
  ].join('');
  return [
    `<p class="meta">${L('html.heatmap-help')}</p>`,
    `<ul class="legend">${legend}</ul>`,
    '<div class="table-wrap"><table class="heatmap">',
    `<thead><tr><th scope="col" class="area">${L('html.area')}</th>${head.join('')}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody>`,
    `<tfoot>${foot}</tfoot>`,
    '</table></div>',
    `<h3>${L('html.indicator-key')}</h3>`,
    `<ol class="key">${cols
      .map((c, i) => `<li id="key-${i + 1}">${esc(localize(c.name, lang))} <span class="meta">${esc(formatTarget(c.target, c.unit, lang))} · ${L(`label.${c.attribute}`)}</span></li>`)
      .join('')}</ol>`,
  ].join('\n');
}

function filesTable(files: BatchFileResult[], lang: Lang): string {
  const L = (id: MessageId, args: Record<string, unknown> = {}) => esc(message(id, args, lang));
  const head = [L('html.area'), L('html.rows'), L('label.error'), L('label.warning'), L('label.info'), L('html.report-link')];
  const rows = files.map((f) => {
    const links = (['html', 'json', 'xlsx'] as const)
      .filter((k) => f.reports[k])
      .map((k) => `<a${attrs({ href: reportHref(f.reports[k]!) })}>${k}</a>`)
      .join(' · ');
    return [
      `<tr${attrs({ 'data-input': f.input })}>`,
      `<td class="lead">${esc(cutLabel(f.area))}<span class="place">${esc(f.input)} · ${L('html.exit-code', { code: f.exitCode })}</span></td>`,
      `<td class="num" data-label="${head[1]}">${f.rows}</td>`,
      ...(['error', 'warning', 'info'] as const).map((s, i) => `<td class="num${f.findings[s] ? ` sev ${s}` : ''}" data-label="${head[2 + i]}">${f.findings[s]}</td>`),
      `<td data-label="${head[5]}">${links}</td>`,
      '</tr>',
    ].join('');
  });
  return [
    '<div class="table-wrap"><table class="files stack">',
    `<thead><tr>${head.map((h, i) => `<th${i >= 1 && i <= 4 ? ' class="num"' : ''}>${h}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table></div>',
  ].join('\n');
}

function failedList(files: BatchFileResult[], lang: Lang): string {
  const colon = message('punct.colon', {}, lang);
  // From the message id, in the page's language; the file is named already, so only sheet and cell.
  const reason = (f: BatchFileResult): string => {
    if (!f.error) return '';
    const where = locationLine({ ...(f.error.location ?? {}), file: undefined }, lang);
    return `${where ? `${where}${colon}` : ''}${boundedMessage(f.error.messageId, f.error.args, lang)}`;
  };
  return `<ul class="failed">${files.map((f) => `<li${attrs({ 'data-input': f.input })}><strong>${esc(f.input)}</strong>${colon}${esc(reason(f))}</li>`).join('')}</ul>`;
}

export function renderBatchIndex(summary: BatchSummary, lang: Lang): string {
  const L = (id: MessageId, args: Record<string, unknown> = {}) => message(id, args, lang);
  const plan = summary.plan;
  const title = summary.title ? localize(summary.title, lang) : localize(plan.name, lang);
  const ok = summary.files.filter((f) => f.status === 'ok');
  const failed = summary.files.filter((f) => f.status === 'failed');
  const t = summary.totals;
  const facts = [
    L('html.batch-totals', { files: t.files, ok: t.ok, failed: t.failed, rows: t.rows }),
    L('html.exit-code', { code: t.exitCode }),
    summary.asOf ? L('html.as-of', { asOf: summary.asOf }) : '',
    L('html.generated-at', { time: localTime(summary.generated) }),
  ].filter(Boolean);
  const section = (id: string, heading: string, body: string) => `<section id="${id}">\n<h2>${esc(heading)}</h2>\n${body}\n</section>`;
  const body = [
    '<main>',
    '<header class="page-head">',
    `<p class="eyebrow">${esc(summary.tool.name)} · ${esc(L('html.batch-kind'))}</p>`,
    `<h1>${esc(title)}</h1>`,
    `<p class="facts">${esc([localize(plan.name, lang), plan.document].filter((s, i) => i > 0 || s !== title).join(' · '))}</p>`,
    `<p class="facts">${esc(facts.join(' · '))}</p>`,
    countChips(undefined, t.findings, lang),
    '</header>',
    ok.length ? section('heatmap', L('html.heatmap'), heatmap(summary, ok, lang)) : '',
    ok.length ? section('files', L('html.files'), filesTable(ok, lang)) : '',
    failed.length ? section('failed', L('html.failed-files'), failedList(failed, lang)) : '',
    `<footer>${esc(L('html.made-by', { tool: summary.tool.name, version: summary.tool.version }))}</footer>`,
    '</main>',
  ]
    .filter(Boolean)
    .join('\n');
  return htmlPage({ lang, title: `${title} · ${L('html.batch-kind')}`, body });
}
