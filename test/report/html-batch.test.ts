// batch's index.html from a hand-built summary (html-batch-summary.ts): the heat map's colour bands,
// the links to each file's page, the failed file and its reason, and escaping. The rendered page is
// checked in a browser in html-browser.test.ts.

import { describe, expect, it } from 'vitest';
import { gapBand, renderBatchIndex, reportHref } from '../../src/report/html/batch-index.js';
import type { BatchSummary } from '../../src/schema/batch.js';
import { SUMMARY } from './html-batch-summary.js';

const page = renderBatchIndex(SUMMARY, 'zh');
const count = (text: string, re: RegExp): number => (text.match(re) ?? []).length;

describe('gapBand', () => {
  it('bands a shortfall by its share of the target: under 5 %, under 20 %, more', () => {
    expect(gapBand(4, 90)).toBe(1); // 4 / 90 = 0.044
    expect(gapBand(1.03, 60)).toBe(1); // 0.017
    expect(gapBand(1.15, 18)).toBe(2); // 0.064
    expect(gapBand(17.9, 100)).toBe(2); // 0.179
    expect(gapBand(20, 100)).toBe(3); // exactly 20 % is the darkest band
    expect(gapBand(33.33, 100)).toBe(3);
    expect(gapBand(null, 100)).toBe(3);
    // A target of 0 (“no more than 0”): the gap itself.
    expect(gapBand(0.01, 0)).toBe(1);
  });
});

describe('reportHref', () => {
  it('URL-encodes each path segment (勐海县 = E5 8B 90 · E6 B5 B7 · E5 8E BF; space %20, # %23)', () => {
    expect(reportHref('勐海县/survey 2024#2.json')).toBe('%E5%8B%90%E6%B5%B7%E5%8E%BF/survey%202024%232.json');
    expect(reportHref('a\\b.html')).toBe('a/b.html');
  });
});

describe('renderBatchIndex', () => {
  it('has a heat-map cell for every evaluated file and indicator: 3 × 4', () => {
    expect(count(page, /<td class="cell /g)).toBe(3 * 4);
  });

  it('colours cells by status and band (values in html-batch-summary.ts)', () => {
    // met: 景洪市 100 and 61.39, 勐海县 18.42, 勐腊县 100, 18.18 and 92.
    expect(count(page, /class="cell met"/g)).toBe(2 + 1 + 3);
    // 勐海县 activity 1.03/60 and day care 4/90.
    expect(count(page, /class="cell miss-1"/g)).toBe(2);
    // 景洪市 workers 1.15/18.
    expect(count(page, /class="cell miss-2"/g)).toBe(1);
    // 勐海县 facilities 33.33/100.
    expect(count(page, /class="cell miss-3"/g)).toBe(1);
    // 景洪市 day care, 勐腊县 activity.
    expect(count(page, /class="cell no-data"/g)).toBe(2);
  });

  it('counts per indicator how many files meet it', () => {
    // Facilities: 景洪市, 勐腊县; activity: 景洪市; workers: 勐海县, 勐腊县; day care: 勐腊县.
    expect(page).toMatch(/<tfoot><tr><th scope="row" class="area">达标<\/th><td>2\/3<\/td><td>1\/3<\/td><td>2\/3<\/td><td>1\/3<\/td><\/tr><\/tfoot>/);
  });

  it('links each area to its HTML page, or to its JSON report when it has none', () => {
    expect(page).toContain(`<a href="${encodeURIComponent('景洪市')}/survey-2024.html">景洪市</a>`);
    expect(page).toContain('<a href="%E5%8B%90%E6%B5%B7%E5%8E%BF/survey%202024%232.json">勐海县</a>');
    // The files table lists every output a file has.
    expect(page).toMatch(/>html<\/a> · <a href="[^"]+\/survey-2024\.json">json<\/a> · <a href="[^"]+\/survey-2024\.annotated\.xlsx">xlsx<\/a>/);
  });

  it('lists the file that failed with its reason, outside the heat map', () => {
    expect(page).toContain('<li data-input="勐仑镇/survey-2024.xlsx"><strong>勐仑镇/survey-2024.xlsx</strong>：不是有效的 .xlsx 文件（不是 zip 格式）</li>');
    expect(page).not.toMatch(/<tr data-input="勐仑镇/);
  });

  it('names the sheet and cell where a file failed, when the reader gave one', () => {
    const failed = { ...SUMMARY.files[3], error: { messageId: 'input.no-rows' as const, args: {}, text: '', location: { file: '勐仑镇/survey-2024.xlsx', sheet: '村（社区）', row: 2 } } };
    const out = renderBatchIndex({ ...SUMMARY, files: [...SUMMARY.files.slice(0, 3), failed] }, 'zh');
    expect(out).toContain('<strong>勐仑镇/survey-2024.xlsx</strong>：村（社区）!2：只有表头，没有数据行</li>');
  });

  it('states the totals, the as-of date and when it was made', () => {
    // Generated at 10:00 UTC, shown in this machine's time zone with its offset (report-conventions.test.ts checks the arithmetic).
    expect(page).toMatch(/4 个文件：3 个已评估，1 个无法评估 · 共 45 行 · 退出码 2 · 进度截至 2025-06-30 · 生成时间 2026-11-2[34] \d\d:\d\d [+-]\d\d:\d\d</);
    // Findings summed over the files: errors 0+1+0, warnings 3+4+1, info 2+2+3.
    expect(page).toContain('<li class="chip error">错误 1</li><li class="chip warning">警告 8</li><li class="chip info">提示 7</li>');
  });

  it('renders a failed file’s reason from its message id, in the page’s language', () => {
    const en = renderBatchIndex(SUMMARY, 'en');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('not a valid .xlsx file (not a zip archive)');
    expect(en).toContain('Indicators by area');
  });

  it('has no script and allows none', () => {
    expect(page).not.toContain('<script');
    expect(page).toContain("script-src &apos;none&apos;");
  });

  it('escapes area names, paths and indicator names', () => {
    const evil = '<img src=x>"&';
    const hostile: BatchSummary = {
      ...SUMMARY,
      title: { zh: evil },
      indicators: SUMMARY.indicators.map((c) => ({ ...c, name: { zh: evil } })),
      files: SUMMARY.files.map((f) => ({ ...f, area: evil, input: `${evil}.xlsx`, reports: f.reports.html ? { html: `${evil}.html` } : f.reports })),
    };
    const out = renderBatchIndex(hostile, 'zh');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;img src=x&gt;&quot;&amp;');
    // In a link the name is URL-encoded, so it cannot close the attribute either.
    expect(out).toContain(`href="${encodeURIComponent(`${evil}.html`)}"`);
  });
});
