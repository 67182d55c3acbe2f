// `--format html`: the report as one self-contained page (inline CSS, script and SVG; no request leaves
// it) for a browser, a phone or paper — indicator cards, a bar chart per indicator by township with
// its target line, the per-community requirements, and the findings with a filter.

import type { Lang, MessageId } from '../../schema/messages.js';
import { message } from '../../schema/messages.js';
import type { Report } from '../../schema/results.js';
import { countChips } from '../html/badges.js';
import { findingsTable, FILTER_SCRIPT } from '../html/findings-filter.js';
import { attrs, esc } from '../html/html-escape.js';
import { indicatorCards } from '../html/indicator-cards.js';
import { htmlPageLines } from '../html/page.js';
import { requirementsTable } from '../html/requirements-table.js';
import { townshipCharts } from '../html/township-charts.js';
import type { FormatContext } from '../render.js';
import { shownPath } from '../render.js';
import { cutLabel } from '../safe-text.js';
import { localize } from './ci-common.js';

export interface ReportPageOptions {
  /** A link back to the page that lists this one (batch's index.html), relative to this page. */
  indexHref?: string;
}

const LEVELS = new Set(['national', 'province', 'city', 'prefecture', 'county', 'district']);

function header(report: Report, ctx: FormatContext, opts: ReportPageOptions): string {
  const { lang } = ctx;
  const L = (id: MessageId, args: Record<string, unknown> = {}) => message(id, args, lang);
  const plan = report.plan;
  const level = LEVELS.has(plan.level) ? L(`level.${plan.level}` as MessageId) : plan.level;
  const inputs = report.inputs
    .map((i) => L('label.input-table', { name: i.sheet ? `${shownPath(i.file, ctx.cwd)} ${cutLabel(i.sheet)}` : shownPath(i.file, ctx.cwd), rows: i.rows }))
    .join(message('punct.semicolon', {}, lang));
  const asOf = report.indicators.find((r) => r.progress)?.progress?.asOf;
  const facts = [L('html.rows-townships', { rows: report.summary.rows, townships: report.summary.townships }), asOf ? L('html.as-of', { asOf }) : ''].filter(Boolean).join(' · ');
  const toc = [
    ['indicators', L('label.indicators')],
    ...(report.indicators.some((r) => r.townships.length) ? [['townships', L('html.townships')]] : []),
    ...(report.requirements.length ? [['requirements', L('label.requirements')]] : []),
    ['findings', L('label.findings')],
  ];
  return [
    '<header class="page-head">',
    opts.indexHref ? `<p><a${attrs({ href: opts.indexHref })}>${esc(L('html.back-to-index'))}</a></p>` : '',
    `<p class="eyebrow">${esc(report.tool.name)} · ${esc(L('html.report-kind'))}</p>`,
    `<h1>${esc(localize(plan.name, lang))}</h1>`,
    `<p class="facts">${esc([plan.document, plan.region, level].filter(Boolean).join(' · '))}</p>`,
    `<p class="facts">${esc(L('label.inputs', { inputs }))}</p>`,
    `<p class="facts">${esc(facts)}</p>`,
    countChips(report.summary.indicators, report.summary.findings, lang),
    `<nav class="toc">${toc.map(([id, text]) => `<a href="#${id}">${esc(text)}</a>`).join('')}</nav>`,
    '</header>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The report's input file when it has one (its tables, each a sheet, may be several). */
function onlyFile(report: Report): string | undefined {
  const files = new Set(report.inputs.map((i) => i.file));
  return files.size === 1 ? report.inputs[0].file : undefined;
}

function* section(id: string, title: string, body: string | Iterable<string>): Generator<string> {
  yield `<section id="${id}">`;
  yield `<h2>${esc(title)}</h2>`;
  if (typeof body === 'string') yield body;
  else yield* body;
  yield '</section>';
}

/**
 * The page for one report as lines, made as they are written (batch writes them without joining);
 * batch passes `indexHref` so each county's page links back to the index.
 */
export function reportPageLines(report: Report, ctx: FormatContext, opts: ReportPageOptions = {}): Generator<string> {
  const lang: Lang = ctx.lang;
  const L = (id: MessageId, args: Record<string, unknown> = {}) => message(id, args, lang);
  const omitted = report.omitted.reduce((n, o) => n + o.count, 0);
  function* body(): Generator<string> {
    yield '<main>';
    yield header(report, ctx, opts);
    yield* section('indicators', L('label.indicators'), indicatorCards(report.indicators, lang));
    if (report.indicators.some((r) => r.townships.length)) yield* section('townships', L('html.townships'), townshipCharts(report.indicators, lang));
    if (report.requirements.length) yield* section('requirements', L('label.requirements'), requirementsTable(report.requirements, lang));
    yield* section('findings', L('label.findings'), findingsTable(report.findings, omitted, ctx, onlyFile(report)));
    yield `<footer>${esc(L('html.made-by', { tool: report.tool.name, version: report.tool.version }))}</footer>`;
    yield '</main>';
  }
  return htmlPageLines({ lang, title: L('label.title', { plan: localize(report.plan.name, lang), document: report.plan.document }), body: body(), script: FILTER_SCRIPT });
}

export const renderReportPage = (report: Report, ctx: FormatContext, opts: ReportPageOptions = {}): string => [...reportPageLines(report, ctx, opts)].join('\n');

/** The --format html formatter. */
export const html = (report: Report, ctx: FormatContext): string => renderReportPage(report, ctx);
