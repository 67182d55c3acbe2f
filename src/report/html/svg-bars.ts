// A horizontal bar chart as an SVG string: one bar per township with its value, a dashed target line,
// and an axis in the indicator's unit. Horizontal because township names are long (景洪市 允景洪街道)
// and a phone is narrow: the names stay on one line at the left instead of being turned on their side.
// Pure: the same input gives the same bytes; all text is escaped; colours are presentation attributes,
// so the chart looks the same inline in the report and opened on its own.

import stringWidth from 'string-width';
import type { Comparison } from '../../schema/plan.js';
import { digitsApart, formatNumber } from '../../schema/quantity.js';
import { compare } from '../../rules/target-compare.js';
import { LIMITS } from '../../schema/limits.js';
import { cutLabel } from '../safe-text.js';
import { attrs, esc } from './html-escape.js';

export interface BarDatum {
  label: string;
  /** null: no data — drawn as an empty dashed box with `noData` beside it, never as a zero. */
  value: number | null;
  /** More for the tooltip, e.g. “12/12 有数据”. */
  note?: string;
}

export interface BarChartSpec {
  bars: BarDatum[];
  unit: string;
  target?: { op: Comparison; value: number };
  /** Beside the target line, e.g. “目标 ≥60%”. */
  targetLabel?: string;
  /** Written where a bar has no value. */
  noData: string;
  /** The chart's accessible name. */
  title: string;
}

/** Colours: met, short of the target, no data (outline), target line, text. */
export const BAR_COLOURS = { met: '#2e7d32', short: '#d84315', plain: '#1565c0', noData: '#9e9e9e', target: '#212121', text: '#212121', grid: '#e0e0e0' } as const;

/** The drawing's width in SVG units; the page scales it to the column it sits in. */
export const CHART_WIDTH = 400;
const FONT = 13;
const ROW = 26;
const BAR = 15;
const TOP = 22;
const AXIS = 24;
const GAP = 6;
const LABEL_MAX = 150;

/**
 * The axis: percentages run 0–100 (a share reads against the whole), anything else up to a round
 * number above the largest value and the target, in 4–5 steps of 1, 2, 2.5 or 5 × 10ⁿ.
 */
export function axisScale(unit: string, values: number[], target?: number): { max: number; step: number } {
  const top = values.reduce((m, v) => Math.max(m, v), Math.max(0, target ?? 0));
  if (unit === '%' && top <= 100) return { max: 100, step: 25 };
  if (top === 0) return { max: 1, step: 0.25 };
  const rough = top / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough * (1 - 1e-12)) ?? 10 * magnitude;
  return { max: clean(Math.ceil(top / step - 1e-9) * step), step };
}

/** 0.30000000000000004 → 0.3: tick values are sums of steps. */
const clean = (v: number): number => Number(v.toPrecision(12));

/** Width of text in SVG units at FONT size: a CJK character is about 1 em, Latin text about half. */
// Township names repeat in every chart of a page and across a batch's pages: measured once each.
const widths = new Map<string, number>();
const textWidth = (s: string): number => {
  let w = widths.get(s);
  if (w === undefined) {
    w = (stringWidth(s) * FONT) / 2;
    if (widths.size < 10_000) widths.set(s, w);
  }
  return w;
};

// Character by character, adding widths: measuring each longer start again was quadratic in the name.
function fitLabel(label: string, width: number): string {
  if (textWidth(label) <= width) return label;
  const room = width - textWidth('…');
  let out = '';
  let w = 0;
  for (const ch of label) {
    w += textWidth(ch);
    if (w > room) break;
    out += ch;
  }
  return `${out}…`;
}

/** A bar's value as written beside it: % and ‰ with their sign, other units on the axis caption. */
function valueText(v: number, unit: string, target?: number): string {
  // Two decimals below 1 (0.27‰ is not 0.3‰), and enough never to round a miss onto its target.
  const digits = Math.max(Math.abs(v) < 1 && v !== 0 ? 2 : 1, target === undefined ? 1 : digitsApart(v, target));
  const n = formatNumber(v, digits);
  return unit === '%' || unit === '‰' ? `${n}${unit}` : n;
}

const num = (v: number): string => String(Math.round(v * 100) / 100);

export function barChart(spec: BarChartSpec): string {
  const { unit, target } = spec;
  // Labels are names from the input: cut before anything measures them (see safe-text.ts).
  const bars = spec.bars.map((b) => (b.label.length > LIMITS.labelChars ? { ...b, label: cutLabel(b.label) } : b));
  const values = bars.map((b) => b.value).filter((v): v is number => v !== null);
  const { max, step } = axisScale(unit, values, target?.value);
  const texts = bars.map((b) => (b.value === null ? spec.noData : valueText(b.value, unit, target?.value)));
  const labelWidth = Math.min(LABEL_MAX, bars.reduce((m, b) => Math.max(m, textWidth(b.label)), 48));
  const valueWidth = texts.reduce((m, t) => Math.max(m, textWidth(t)), 40) + GAP;
  const x0 = labelWidth + GAP * 2;
  const plot = CHART_WIDTH - x0 - valueWidth;
  const x = (v: number) => x0 + (Math.min(Math.max(v, 0), max) / max) * plot;
  const height = TOP + bars.length * ROW + AXIS;
  const bottom = TOP + bars.length * ROW;

  const out: string[] = [];
  out.push(
    `<svg${attrs({ xmlns: 'http://www.w3.org/2000/svg', class: 'bar-chart', viewBox: `0 0 ${CHART_WIDTH} ${height}`, width: CHART_WIDTH, height, role: 'img', 'aria-label': spec.title, 'font-size': FONT, 'font-family': 'inherit' })}>`,
    `<title>${esc(spec.title)}</title>`,
  );
  // Grid and tick labels first, so bars are drawn over them.
  out.push('<g class="grid">');
  for (let i = 0; clean(i * step) <= max; i++) {
    const t = clean(i * step);
    out.push(
      `<line${attrs({ class: 'tick', 'data-value': t, x1: num(x(t)), x2: num(x(t)), y1: TOP - 4, y2: bottom, stroke: BAR_COLOURS.grid })}/>`,
      `<text${attrs({ class: 'tick-label', x: num(x(t)), y: bottom + 16, 'text-anchor': 'middle', fill: BAR_COLOURS.text })}>${esc(String(t))}</text>`,
    );
  }
  out.push('</g>');
  // Above the township names, where nothing else is drawn.
  if (unit !== '%') out.push(`<text${attrs({ class: 'unit', x: 0, y: TOP - 9, fill: BAR_COLOURS.text })}>${esc(unit)}</text>`);

  // One template per bar, not attribute objects: a batch draws a hundred bars on each of a thousand
  // pages. Numbers and colours need no escaping; the bytes are those attrs() would give.
  const labelX = labelWidth + GAP;
  const x0Text = num(x0);
  bars.forEach((b, i) => {
    const y = TOP + i * ROW + (ROW - BAR) / 2;
    const mid = num(y + BAR / 2 + FONT * 0.35);
    const state = b.value === null ? 'no-data' : target === undefined ? 'plain' : compare(b.value, target.op, target.value) ? 'met' : 'short';
    const tip = [b.label, texts[i], b.note].filter(Boolean).join(' · ');
    const value = esc(texts[i]);
    let g =
      `<g class="bar ${state}" data-label="${esc(b.label)}"${b.value === null ? '' : ` data-value="${b.value}"`}><title>${esc(tip)}</title>` +
      `<text class="label" x="${labelX}" y="${mid}" text-anchor="end" fill="${BAR_COLOURS.text}">${esc(fitLabel(b.label, labelWidth))}</text>`;
    if (b.value === null) {
      const w = Math.min(24, plot);
      g +=
        `<rect class="bar-rect" x="${x0Text}" y="${y}" width="${w}" height="${BAR}" fill="none" stroke="${BAR_COLOURS.noData}" stroke-dasharray="3 2"/>` +
        `<text class="value" x="${num(x0 + w + GAP)}" y="${mid}" fill="${BAR_COLOURS.noData}">${value}</text>`;
    } else {
      const end = x(b.value);
      // A white outline keeps the number readable where it crosses the target line.
      g +=
        `<rect class="bar-rect" x="${x0Text}" y="${y}" width="${num(end - x0)}" height="${BAR}" fill="${BAR_COLOURS[state as 'met' | 'short' | 'plain']}"/>` +
        `<text class="value" x="${num(end + GAP / 2)}" y="${mid}" fill="${BAR_COLOURS.text}" stroke="#fff" stroke-width="3" paint-order="stroke">${value}</text>`;
    }
    out.push(`${g}</g>`);
  });

  out.push(`<line${attrs({ class: 'axis', x1: num(x0), x2: num(x0 + plot), y1: bottom, y2: bottom, stroke: BAR_COLOURS.text })}/>`);
  if (target !== undefined) {
    const tx = num(x(target.value));
    out.push(`<line${attrs({ class: 'target', 'data-value': target.value, x1: tx, x2: tx, y1: TOP - 6, y2: bottom, stroke: BAR_COLOURS.target, 'stroke-width': 1.5, 'stroke-dasharray': '5 3' })}/>`);
    if (spec.targetLabel) {
      // Near the right edge the label would run off the drawing: it then ends at the line.
      const anchor = x(target.value) + textWidth(spec.targetLabel) + GAP > CHART_WIDTH ? 'end' : 'start';
      out.push(`<text${attrs({ class: 'target-label', x: anchor === 'end' ? num(x(target.value) - 3) : num(x(target.value) + 3), y: TOP - 9, 'text-anchor': anchor, fill: BAR_COLOURS.target })}>${esc(spec.targetLabel)}</text>`);
    }
  }
  out.push('</svg>');
  return out.join('');
}
