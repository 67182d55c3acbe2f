// The township bar chart: parsed back as XML, its bars, lengths, target line, axis and escaping are
// checked against figures worked out here by hand.

import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { BarChartSpec } from '../../src/report/html/svg-bars.js';
import { axisScale, barChart } from '../../src/report/html/svg-bars.js';

type Node = Record<string, any>;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, isArray: (name) => ['g', 'line', 'text', 'rect'].includes(name) });
const parse = (svg: string): Node => parser.parse(svg).svg;

const bars = (svg: Node): Node[] => (svg.g as Node[]).filter((g) => String(g.class).split(' ').includes('bar'));
const lineOf = (svg: Node, cls: string): Node => (svg.line as Node[]).find((l) => l.class === cls)!;
const text = (t: Node | string): string => (typeof t === 'string' ? t : String(t['#text']));
/** The plot's left end and width, from the axis line. */
const plot = (svg: Node) => {
  const axis = lineOf(svg, 'axis');
  return { x0: Number(axis.x1), width: Number(axis.x2) - Number(axis.x1) };
};
const barWidth = (g: Node): number => Number(g.rect[0].width);

const chart = (over: Partial<BarChartSpec>): string =>
  barChart({ bars: [], unit: '%', noData: '无数据', title: '居民活动区域面积占比', ...over });

describe('axisScale', () => {
  it('runs a percentage from 0 to 100 in quarters', () => {
    expect(axisScale('%', [10.96, 8.82], 10)).toEqual({ max: 100, step: 25 });
  });
  it('rounds other units up to 4–5 steps of 1, 2, 2.5 or 5 × 10ⁿ', () => {
    // 46.98 / 4 = 11.745 → the step is 20 (10 is too small); ⌈46.98 / 20⌉ = 3 steps → 60.
    expect(axisScale('平方米/百户', [29.42, 46.98], 30)).toEqual({ max: 60, step: 20 });
    // 19.51 / 4 = 4.8775 → 5; ⌈19.51 / 5⌉ = 4 → 20.
    expect(axisScale('人/万人', [15.66, 19.51], 18)).toEqual({ max: 20, step: 5 });
    // 0.27 / 4 = 0.0675 → 0.1; ⌈0.27 / 0.1⌉ = 3 → 0.3 (not 0.30000000000000004).
    expect(axisScale('‰', [0.07, 0.27], 0.2)).toEqual({ max: 0.3, step: 0.1 });
    // The target counts even when every value is below it: 10 / 4 = 2.5 → 2.5; 4 steps → 10.
    expect(axisScale('个', [3, 5], 10)).toEqual({ max: 10, step: 2.5 });
  });
  it('lets a percentage above 100 widen the axis', () => {
    // 120 / 4 = 30 → 50 (25 is too small); ⌈120 / 50⌉ = 3 → 150.
    expect(axisScale('%', [120], 100)).toEqual({ max: 150, step: 50 });
  });
  it('has an axis when there is nothing to draw', () => {
    expect(axisScale('个', [])).toEqual({ max: 1, step: 0.25 });
  });
});

describe('barChart', () => {
  const spec: Partial<BarChartSpec> = {
    bars: [
      { label: '万安街道', value: 30 },
      { label: '双阳街道', value: 60 },
      { label: '罗溪镇', value: null, note: '0/10 有数据' },
      { label: '虹山乡', value: 90 },
    ],
    target: { op: '>=', value: 60 },
    targetLabel: '目标 ≥60%',
  };
  const svg = parse(chart(spec));

  it('draws one bar per township, no-data ones included, in the given order', () => {
    const gs = bars(svg);
    expect(gs).toHaveLength(4);
    expect(gs.map((g) => g['data-label'])).toEqual(['万安街道', '双阳街道', '罗溪镇', '虹山乡']);
    // 30 < 60 short; 60 ≥ 60 met; no value; 90 ≥ 60 met.
    expect(gs.map((g) => g.class)).toEqual(['bar short', 'bar met', 'bar no-data', 'bar met']);
  });

  it('makes each bar as long as its share of the 0–100 axis', () => {
    const { width } = plot(svg);
    const [a, b, , d] = bars(svg);
    expect(barWidth(a) / width).toBeCloseTo(30 / 100, 3);
    expect(barWidth(b) / width).toBeCloseTo(60 / 100, 3);
    expect(barWidth(d) / width).toBeCloseTo(90 / 100, 3);
    // And they start at the axis origin.
    expect(Number(a.rect[0].x)).toBeCloseTo(plot(svg).x0, 2);
  });

  it('shows a missing value as an unfilled dashed box with the no-data text, never as zero', () => {
    const none = bars(svg)[2];
    expect(none.rect[0].fill).toBe('none');
    expect(none.rect[0]['stroke-dasharray']).toBeDefined();
    expect(none['data-value']).toBeUndefined();
    expect(text((none.text as Node[]).find((t) => t.class === 'value')!)).toBe('无数据');
    expect(none.title).toBe('罗溪镇 · 无数据 · 0/10 有数据');
  });

  it('writes each value with its unit beside its bar', () => {
    const values = bars(svg).map((g) => text((g.text as Node[]).find((t) => t.class === 'value')!));
    expect(values).toEqual(['30%', '60%', '无数据', '90%']);
  });

  it('puts the target line at the target’s share of the axis, with its label', () => {
    const { x0, width } = plot(svg);
    const target = lineOf(svg, 'target');
    expect(Number(target.x1)).toBeCloseTo(x0 + (60 / 100) * width, 1);
    expect(target.x2).toBe(target.x1);
    expect(text((svg.text as Node[]).find((t) => t.class === 'target-label')!)).toBe('目标 ≥60%');
  });

  it('labels the axis 0, 25, 50, 75, 100 at their positions', () => {
    const { x0, width } = plot(svg);
    const ticks = (svg.g as Node[]).find((g) => g.class === 'grid')!.line as Node[];
    expect(ticks.map((t) => Number(t['data-value']))).toEqual([0, 25, 50, 75, 100]);
    ticks.forEach((t) => expect(Number(t.x1)).toBeCloseTo(x0 + (Number(t['data-value']) / 100) * width, 1));
  });

  it('scales other units to a round maximum and names the unit on the axis', () => {
    const s = parse(
      chart({
        unit: '平方米/百户',
        bars: [
          { label: '景洪市 允景洪街道', value: 29.42 },
          { label: '勐海县 勐混镇', value: 46.98 },
        ],
        target: { op: '>=', value: 30 },
      }),
    );
    const { width } = plot(s);
    // Axis 0–60 (see axisScale): 29.42 / 60 and 46.98 / 60 of the plot; the target 30 halfway.
    const [a, b] = bars(s);
    expect(barWidth(a) / width).toBeCloseTo(29.42 / 60, 3);
    expect(barWidth(b) / width).toBeCloseTo(46.98 / 60, 3);
    expect(Number(lineOf(s, 'target').x1)).toBeCloseTo(plot(s).x0 + width / 2, 1);
    expect(text((s.text as Node[]).find((t) => t.class === 'unit')!)).toBe('平方米/百户');
    // A value in a unit other than % or ‰ is written as the number alone.
    expect(text((a.text as Node[]).find((t) => t.class === 'value')!)).toBe('29.4');
  });

  it('keeps two decimals below 1 and never rounds a miss onto its target', () => {
    const s = parse(chart({ unit: '‰', bars: [{ label: 'a', value: 0.157 }, { label: 'b', value: 0.27 }], target: { op: '>=', value: 0.2 } }));
    expect(bars(s).map((g) => text((g.text as Node[]).find((t) => t.class === 'value')!))).toEqual(['0.16‰', '0.27‰']);
    const p = parse(chart({ bars: [{ label: 'a', value: 59.96 }], target: { op: '>=', value: 60 } }));
    // 59.96 to one decimal is 60.0, which would read as met.
    expect(text((bars(p)[0].text as Node[]).find((t) => t.class === 'value')!)).toBe('59.96%');
  });

  it('colours bars against targets of every direction', () => {
    const s = parse(chart({ unit: '个', bars: [{ label: 'a', value: 3 }, { label: 'b', value: 7 }], target: { op: '<=', value: 5 } }));
    expect(bars(s).map((g) => g.class)).toEqual(['bar met', 'bar short']);
    const none = parse(chart({ unit: '个', bars: [{ label: 'a', value: 3 }] }));
    expect(bars(none)[0].class).toBe('bar plain');
    expect(none.line.some((l: Node) => l.class === 'target')).toBe(false);
  });

  it('escapes <, & and quotes in labels, notes and titles', () => {
    const label = '<b>张&李 "村"</b> \'x\'';
    const raw = chart({ title: 'A < B & "C"', bars: [{ label, value: 50, note: '<script>' }], targetLabel: '≥ "60"', target: { op: '>=', value: 60 } });
    expect(raw).not.toContain('<b>');
    expect(raw).not.toContain('<script>');
    expect(raw).not.toContain('张&李');
    const s = parse(raw);
    expect(s.title).toBe('A < B & "C"');
    expect(s['aria-label']).toBe('A < B & "C"');
    const [g] = bars(s);
    expect(g['data-label']).toBe(label);
    expect(g.title).toBe(`${label} · 50% · <script>`);
    expect(text((g.text as Node[]).find((t) => t.class === 'label')!)).toBe(label);
  });

  it('shortens a label too long for its column, keeping the full name in the tooltip', () => {
    const long = '西双版纳傣族自治州景洪市允景洪街道办事处曼听社区居民委员会';
    const [g] = bars(parse(chart({ bars: [{ label: long, value: 10 }] })));
    const shown = text((g.text as Node[]).find((t) => t.class === 'label')!);
    expect(shown.endsWith('…')).toBe(true);
    expect(long.startsWith(shown.slice(0, -1))).toBe(true);
    expect(shown.length).toBeLessThan(long.length);
    expect(g.title).toContain(long);
  });

  it('is the same text for the same input', () => {
    expect(chart(spec)).toBe(chart(spec));
  });
});
