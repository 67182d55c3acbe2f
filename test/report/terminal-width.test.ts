// Issue 17.7: tables fit the terminal (stdout's columns, or COLUMNS when not a terminal), the widest
// columns narrowing first, with a floor below which the table keeps its minimum widths; FORCE_COLOR
// colours a pipe. Expected widths worked out by hand.

import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatContext } from '../../src/cli/report-options.js';
import type { Io } from '../../src/cli/io.js';
import { cjkTable } from '../../src/report/formats/cjk-table.js';
import { fitColumns, terminalWidth } from '../../src/report/formats/fit-columns.js';
import { table } from '../../src/report/formats/table.js';
import type { Report } from '../../src/schema/results.js';
import { CSV, ROOT, evaluateReport } from './support.js';

const widest = (text: string) => Math.max(...text.split('\n').map((l) => stringWidth(l)));

describe('fitColumns', () => {
  const INDICATORS = [34, 10, 14, 14, 26, 10, 14]; // 122 + 8 borders = 130

  it('keeps the designed widths when they fit or no width is known', () => {
    expect(fitColumns(INDICATORS, 130)).toEqual(INDICATORS);
    expect(fitColumns(INDICATORS, 200)).toEqual(INDICATORS);
    expect(fitColumns(INDICATORS, undefined)).toEqual(INDICATORS);
  });

  it('narrows the widest first: 100 columns take 30 off, 8 from 34 (to 26), then 11 each from the two 26s', () => {
    expect(fitColumns(INDICATORS, 100)).toEqual([15, 10, 14, 14, 15, 10, 14]);
  });

  it('never below the floor of 8 (or a narrower designed width): 7 × 8 + 8 borders = 64', () => {
    expect(fitColumns(INDICATORS, 40)).toEqual([8, 8, 8, 8, 8, 8, 8]);
    expect(fitColumns([6, 40], 20)).toEqual([6, 11]);
  });
});

describe('terminalWidth', () => {
  it('the terminal’s columns, else COLUMNS, else none', () => {
    expect(terminalWidth(true, 120, { COLUMNS: '80' })).toBe(120);
    expect(terminalWidth(false, 120, { COLUMNS: '80' })).toBe(80);
    expect(terminalWidth(false, undefined, {})).toBeUndefined();
    expect(terminalWidth(false, undefined, { COLUMNS: 'wide' })).toBeUndefined();
  });
});

describe('the indicator table at a width', () => {
  let report: Report;
  beforeAll(async () => {
    report = await evaluateReport(CSV, 'luojiang');
  });

  it.each([
    ['zh', 100, 100],
    ['en', 100, 100],
    ['zh', 80, 80],
    ['en', 72, 72],
    // Below the floor: 64 columns, not broken apart.
    ['zh', 50, 64],
  ] as const)('%s at %i columns: no line wider than %i', (lang, width, most) => {
    const out = table(report, { lang, color: false, cwd: ROOT, width });
    const tableLines = out.split('\n').filter((l) => /^[┌│├└]/.test(l)).join('\n');
    expect(widest(tableLines)).toBeLessThanOrEqual(most);
    // Every indicator is still there, by the first characters of its name.
    for (const r of report.indicators) expect(out).toContain((lang === 'en' ? (r.name.en ?? r.name.zh) : r.name.zh).slice(0, 3));
  });

  it('headers wrap rather than being cut', () => {
    const out = cjkTable(['Indicators met/not met/no data'], [14], [['x']]);
    expect(out).not.toContain('…');
    for (const word of ['Indicators', 'met/not', 'met/no', 'data']) expect(out).toContain(word);
  });
});

describe('colour and width from the environment', () => {
  const io = (isTTY: boolean, env: Record<string, string>): Io => ({ stdout: () => {}, stderr: () => {}, isTTY, env });

  it('FORCE_COLOR colours a pipe; NO_COLOR, --no-color and -o do not', () => {
    expect(formatContext({ lang: 'zh', color: true }, io(false, {})).color).toBe(false);
    expect(formatContext({ lang: 'zh', color: true }, io(false, { FORCE_COLOR: '1' })).color).toBe(true);
    expect(formatContext({ lang: 'zh', color: true }, io(false, { FORCE_COLOR: '0' })).color).toBe(false);
    expect(formatContext({ lang: 'zh', color: true }, io(false, { FORCE_COLOR: '1', NO_COLOR: '1' })).color).toBe(false);
    expect(formatContext({ lang: 'zh', color: false }, io(true, {})).color).toBe(false);
    expect(formatContext({ lang: 'zh', color: true, output: 'x.txt' }, io(true, { FORCE_COLOR: '1' })).color).toBe(false);
  });

  it('COLUMNS when not a terminal; none for a file', () => {
    expect(formatContext({ lang: 'zh', color: true }, io(false, { COLUMNS: '90' })).width).toBe(90);
    expect(formatContext({ lang: 'zh', color: true, output: 'x.txt' }, io(false, { COLUMNS: '90' })).width).toBeUndefined();
  });
});
