// The terminal report: the indicator table, then requirement breaches grouped by rule, then data
// problems (the first few, with a count of the rest). cli-table3 measures CJK text as two columns.

import { Chalk } from 'chalk';
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Finding } from '../../schema/finding.js';
import type { Lang } from '../../schema/messages.js';
import { message } from '../../schema/messages.js';
import { formatAgainst, formatNumber, formatTarget, formatValue, gapText } from '../../schema/quantity.js';
import type { IndicatorResult, Report } from '../../schema/results.js';
import type { FormatContext } from '../render.js';
import { findingLine, locationLine } from '../render.js';
import { label, visible } from '../safe-text.js';
import { fitColumns } from './fit-columns.js';
import { wrapByWidth, wrapWords } from './wrap-width.js';

const LIST_PER_RULE = 10;
const LIST_DATA = 20;
/** Lines a cell of the indicator table may take (see wrapByWidth). */
const CELL_LINES = 4;

function statusCell(r: IndicatorResult, lang: Lang, c: ChalkInstance): string {
  const text = message(`label.${r.status}`, {}, lang);
  if (r.status === 'met') return c.green(text);
  if (r.status === 'no-data') return c.gray(text);
  return r.binding ? c.red.bold(text) : c.yellow(text);
}

function indicatorTable(report: Report, lang: Lang, c: ChalkInstance, width: number | undefined): string {
  const L = (id: Parameters<typeof message>[0]) => message(id, {}, lang);
  const widths = fitColumns([34, 10, 14, 14, 26, 10, 14], width);
  // Cut before wrapping: wrapping measures every character it keeps.
  const fit = (text: string, col: number) => (lang === 'zh' ? wrapByWidth(label(text), widths[col] - 2, CELL_LINES) : label(text));
  const table = new Table({
    head: [L('label.indicator'), L('label.attribute'), L('label.target'), L('label.value'), L('label.gap'), L('label.status'), L('label.coverage')].map((h, i) => c.bold(lang === 'zh' ? wrapWords(h, widths[i] - 2) : h)),
    style: { head: [], border: [] },
    wordWrap: true,
    colWidths: widths,
  });
  for (const r of report.indicators) {
    const name = lang === 'en' ? r.name.en ?? r.name.zh : r.name.zh;
    const gap = r.status === 'not-met' && r.gap !== null ? gapText(r.gap, r.target.op, r.unit, lang) : '—';
    table.push([
      fit(name, 0),
      message(`label.${r.attribute}`, {}, lang),
      fit(formatTarget(r.target, r.unit, lang), 2),
      fit(formatAgainst(r.value, r.target.value, r.unit, lang), 3),
      fit(gap, 4),
      statusCell(r, lang, c),
      r.measure === 'reported' ? (r.value === null ? '—' : '1/1') : `${r.withData}/${r.inScope}`,
    ]);
  }
  return table.toString();
}

function worstLines(report: Report, lang: Lang, c: ChalkInstance): string[] {
  const lines: string[] = [];
  for (const r of report.indicators) {
    if (r.status !== 'not-met' || !r.worstTownships.length) continue;
    const name = lang === 'en' ? r.name.en ?? r.name.zh : r.name.zh;
    const towns = r.worstTownships
      .map((t) => message('label.worst-township', { township: `${label(t.township)} ${visible(formatValue(t.value, r.unit, 1, lang))}`, shortfall: formatNumber(t.shortfall) }, lang))
      .join(message('punct.comma', {}, lang));
    lines.push(`  ${c.bold(label(name))} — ${message('label.worst', {}, lang)}${message('punct.colon', {}, lang)}${towns}`);
  }
  return lines;
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

function sevLabel(f: Finding, lang: Lang, c: ChalkInstance): string {
  const t = message(`label.${f.severity}`, {}, lang);
  return f.severity === 'error' ? c.red(t) : f.severity === 'warning' ? c.yellow(t) : c.gray(t);
}

export function table(report: Report, ctx: FormatContext): string {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const lang = ctx.lang;
  const out: string[] = [];
  const planName = lang === 'en' ? report.plan.name.en ?? report.plan.name.zh : report.plan.name.zh;
  out.push(c.bold(message('label.title', { plan: label(planName), document: label(report.plan.document) }, lang)));
  const inputs = report.inputs.map((i) => message('label.input-table', { name: i.sheet ? `${visible(i.file)} ${label(i.sheet)}` : visible(i.file), rows: i.rows }, lang)).join(message('punct.semicolon', {}, lang));
  out.push(message('label.inputs', { inputs }, lang), '');
  out.push(indicatorTable(report, lang, c, ctx.width));
  const worst = worstLines(report, lang, c);
  for (const line of worst) out.push(line);
  const behind = report.findings.filter((f) => f.code === 'indicator-behind');
  if (behind.length) {
    out.push('', c.bold(message('label.progress', { asOf: report.indicators.find((r) => r.progress)?.progress?.asOf ?? '' }, lang)));
    for (const f of behind) out.push(`  ${sevLabel(f, lang, c)} ${findingLine(f, lang)}`);
  }

  const omittedFor = (code: string, ruleId?: string) => report.omitted.find((o) => o.code === code && o.ruleId === ruleId)?.count ?? 0;

  if (report.requirements.length) {
    out.push('', c.bold(message('label.requirements', {}, lang)));
    const breaches = groupBy(report.findings.filter((f) => f.code === 'requirement-breach'), (f) => f.ruleId ?? '');
    for (const r of report.requirements) {
      const name = lang === 'en' ? r.name.en ?? r.name.zh : r.name.zh;
      const mark = r.breaches ? (r.severity === 'error' ? c.red('✗') : c.yellow('✗')) : r.checked ? c.green('✓') : c.gray('·');
      out.push(`${mark} ${message('label.requirement-line', { name: label(name), breaches: r.breaches, checked: r.checked, noData: r.noData }, lang)}`);
      const list = breaches.get(r.id) ?? [];
      for (const f of list.slice(0, LIST_PER_RULE)) out.push(`    ${c.gray(locationLine(f.location, lang))}  ${findingLine(f, lang)}`);
      const more = Math.max(0, list.length - LIST_PER_RULE) + omittedFor('requirement-breach', r.id);
      if (more > 0) out.push(`    ${c.gray(message('label.more', { count: more }, lang))}`);
    }
  }

  const data = report.findings.filter((f) => f.code !== 'requirement-breach' && f.code !== 'indicator-not-met' && f.code !== 'indicator-no-data' && f.code !== 'indicator-behind' && f.code !== 'requirement-no-data');
  if (data.length) {
    out.push('', c.bold(message('label.data-problems', {}, lang)));
    for (const f of data.slice(0, LIST_DATA)) out.push(`  ${sevLabel(f, lang, c)} ${c.gray(locationLine(f.location, lang))}  ${findingLine(f, lang)}`);
    const rest = Math.max(0, data.length - LIST_DATA) + report.omitted.filter((o) => o.code !== 'requirement-breach').reduce((n, o) => n + o.count, 0);
    if (rest > 0) out.push(`  ${c.gray(message('label.more', { count: rest }, lang))}`);
  }

  const s = report.summary;
  out.push(
    '',
    message(
      'label.summary',
      { rows: s.rows, townships: s.townships, met: s.indicators.met, notMet: s.indicators['not-met'], noData: s.indicators['no-data'], errors: s.findings.error, warnings: s.findings.warning },
      lang,
    ),
  );
  return `${out.join('\n')}\n`;
}
