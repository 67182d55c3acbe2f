// The HTML report in a real browser: Debian's Chromium driven by playwright-core (which brings no
// browser of its own). The report is `cscheck evaluate` of the 西双版纳州 fixture; the batch index is
// the hand-built summary of html-batch-summary.ts. Expected figures are from
// fixtures/xishuangbanna/README.md. Screenshots go to test-output/ (CI keeps that folder).

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBatchIndex } from '../../src/report/html/batch-index.js';
import { ROOT, run } from '../cli/helpers.js';
import { SUMMARY } from './html-batch-summary.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = path.join(ROOT, 'test-output');
const REPORT = path.join(OUT, 'html-report.html');
const INDEX = path.join(OUT, 'html-batch', 'index.html');
const XS = path.join(ROOT, 'fixtures', 'xishuangbanna', 'survey-2024.xlsx');

// Outside CI a machine without Chromium skips these tests, saying so; in CI a missing browser fails them.
const skip = !existsSync(CHROMIUM) && !process.env.CI;
if (skip) console.warn(`html-browser.test.ts skipped: ${CHROMIUM} is not installed (apt-get install chromium fonts-droid-fallback); CI runs it`);

/** README “Layout”: 9 townships, labelled 县 乡镇 because the data names three counties. */
const TOWNSHIPS = ['景洪市 允景洪街道', '景洪市 嘎洒镇', '景洪市 勐龙镇', '勐海县 勐海镇', '勐海县 打洛镇', '勐海县 勐混镇', '勐腊县 勐腊镇', '勐腊县 勐仑镇', '勐腊县 磨憨镇'];

interface Watched {
  page: Page;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Every URL the page asked for. */
  requests: string[];
}

let browser: Browser;
let context: BrowserContext;

async function open(file: string, viewport: { width: number; height: number }): Promise<Watched> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, errors, requests };
}

describe.skipIf(skip)('HTML report in Chromium', () => {
  let desktop: Watched;
  let phone: Watched;

  beforeAll(async () => {
    mkdirSync(path.dirname(INDEX), { recursive: true });
    const r = await run(['evaluate', XS, '--plan', 'xishuangbanna', '--as-of', '2025-06-30', '--format', 'html', '-o', REPORT]);
    expect(r.stderr).toBe('');
    writeFileSync(INDEX, renderBatchIndex(SUMMARY, 'zh'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context = await browser.newContext();
    // Anything but the page itself is refused (and still recorded by the request listener).
    await context.route('**/*', (route) => (route.request().url().startsWith('file://') ? route.continue() : route.abort()));
    desktop = await open(REPORT, { width: 1280, height: 2400 });
    phone = await open(REPORT, { width: 390, height: 844 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('renders with no console error and asks for nothing but the file itself', async () => {
    const url = pathToFileURL(REPORT).href;
    for (const w of [desktop, phone]) {
      expect(w.errors).toEqual([]);
      expect(w.requests).toEqual([url]);
    }
    await expect(desktop.page.locator('h1').textContent()).resolves.toBe('西双版纳州“十四五”城乡社区服务体系建设规划');
    // Chinese is drawn with a CJK font, not as empty boxes: a CJK character is about as wide as it is tall.
    const box = await desktop.page.locator('h1').evaluate((h) => {
      const range = document.createRange();
      range.setStart(h.firstChild!, 0);
      range.setEnd(h.firstChild!, 1);
      return range.getBoundingClientRect();
    });
    expect(box.width).toBeGreaterThan(box.height * 0.6);
    await desktop.page.screenshot({ path: path.join(OUT, 'html-report.png') });
    await desktop.page.screenshot({ path: path.join(OUT, 'html-report-full.png'), fullPage: true });
  });

  it('draws one chart per measured indicator, each with a bar for each of the nine townships', async () => {
    const page = desktop.page;
    // README “Expected values”: 17 rows, 2 of them reported (no township values) → 15 charts.
    await expect(page.locator('figure.chart').count()).resolves.toBe(17 - 2);
    const labels = await page.locator('figure.chart').evaluateAll((figs) => figs.map((f) => [...f.querySelectorAll('g.bar')].map((g) => g.getAttribute('data-label'))));
    for (const chart of labels) expect(chart).toEqual(TOWNSHIPS);
  });

  it('shows a township without data as no data, not as zero', async () => {
    const page = desktop.page;
    const noData = (id: string) => page.locator(`#chart-${id} g.bar.no-data`).evaluateAll((gs) => gs.map((g) => g.getAttribute('data-label')));
    // O43 磨憨社区 (磨憨镇's only 城市 row) has no 政务通用自助服务设备 value.
    await expect(noData('self_service_coverage_urban')).resolves.toEqual(['勐腊县 磨憨镇']);
    // D8: 勐混镇's 未成年人保护工作站 cell is empty.
    await expect(noData('minor_protection_station_coverage')).resolves.toEqual(['勐海县 勐混镇']);
    // 勐混社区 answered 否 (J28): a real 0 %, drawn as a bar of length 0 with its value.
    const zero = page.locator('#chart-facility_coverage_urban g.bar[data-label="勐海县 勐混镇"]');
    await expect(zero.getAttribute('class')).resolves.toBe('bar short');
    await expect(zero.locator('text.value').textContent()).resolves.toBe('0%');
  });

  it('draws bars to scale and the target line at the target, as laid out on screen', async () => {
    // Activity share: 景洪市 允景洪街道 100 × 1 860 / 3 030 = 61.39 %, 勐海县 勐混镇 100 × 570 / 1 010 = 56.44 %; target 60 %.
    const geometry = await desktop.page.locator('#chart-activity_area_share svg').evaluate((svg) => {
      const x = (el: Element | null) => el!.getBoundingClientRect();
      const axis = x(svg.querySelector('line.axis'));
      const bar = (label: string) => x(svg.querySelector(`g.bar[data-label="${label}"] rect`)).width / axis.width;
      return { a: bar('景洪市 允景洪街道'), b: bar('勐海县 勐混镇'), target: (x(svg.querySelector('line.target')).left - axis.left) / axis.width };
    });
    expect(geometry.a).toBeCloseTo((100 * 1860) / 3030 / 100, 2);
    expect(geometry.b).toBeCloseTo((100 * 570) / 1010 / 100, 2);
    expect(geometry.target).toBeCloseTo(60 / 100, 2);
  });

  it('filters the findings by severity and by text', async () => {
    const page = desktop.page;
    const rows = page.locator('#findings tr.finding');
    const visible = () => page.evaluate(() => document.querySelectorAll('#findings tr.finding:not([hidden])').length);
    const total = await rows.count();
    expect(total).toBeGreaterThan(20);
    await expect(visible()).resolves.toBe(total);

    // Errors only: the one unreadable cell, X18 象山社区 “8:30-17:30”.
    await page.uncheck('input[name="severity"][value="warning"]');
    await page.uncheck('input[name="severity"][value="info"]');
    await expect(visible()).resolves.toBe(1);
    await expect(page.locator('#findings tr.finding:not([hidden])').textContent()).resolves.toContain('村（社区）!X18');
    await expect(page.locator('#findings .shown').textContent()).resolves.toBe(`显示 1/${total} 条`);

    // All severities, searching a village: 勐宋村 breaks two requirements (X15 7 hours, T15 no legal adviser).
    await page.check('input[name="severity"][value="warning"]');
    await page.check('input[name="severity"][value="info"]');
    await page.fill('#findings input[type="search"]', '勐宋村');
    await expect(visible()).resolves.toBe(2);
    const cells = await page.locator('#findings tr.finding:not([hidden])').evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(cells.map((t) => t.match(/!(X15|T15)/)?.[1]).sort()).toEqual(['T15', 'X15']);
    await expect(page.locator('#findings tr.no-match').isVisible()).resolves.toBe(false);

    // Nothing matches: the table says so.
    await page.fill('#findings input[type="search"]', '没有这个村');
    await expect(visible()).resolves.toBe(0);
    await expect(page.locator('#findings tr.no-match').isVisible()).resolves.toBe(true);

    await page.fill('#findings input[type="search"]', '');
    await expect(visible()).resolves.toBe(total);
  });

  it('fits a 390-pixel phone screen without sideways scrolling', async () => {
    const page = phone.page;
    const width = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
    expect(width).toBeLessThanOrEqual(390);
    // The charts shrink to the column rather than overflow it.
    const widest = await page.locator('figure.chart svg').evaluateAll((svgs) => Math.max(...svgs.map((s) => s.getBoundingClientRect().right)));
    expect(widest).toBeLessThanOrEqual(390);
    // The findings' rows stack, each cell after its column's name (the style sheet's, in the page's language).
    const before = await page.locator('#findings tr.finding').first().evaluate((tr) => [...tr.children].map((td) => getComputedStyle(td, '::before').content));
    expect(before).toEqual(['"级别："', '"代码："', '"位置："', '"说明："']);
    await page.screenshot({ path: path.join(OUT, 'html-report-phone.png'), fullPage: true });
  });

  it('prints every finding, without the filter controls', async () => {
    const page = desktop.page;
    await page.fill('#findings input[type="search"]', '勐宋村');
    await page.emulateMedia({ media: 'print' });
    const state = await page.evaluate(() => ({
      rows: [...document.querySelectorAll('#findings tr.finding')].filter((tr) => getComputedStyle(tr).display !== 'none').length,
      all: document.querySelectorAll('#findings tr.finding').length,
      filters: getComputedStyle(document.querySelector('#findings .filters')!).display,
    }));
    expect(state.rows).toBe(state.all);
    expect(state.filters).toBe('none');
    await page.emulateMedia({ media: 'screen' });
    await page.fill('#findings input[type="search"]', '');
  });

  it('the batch index: a heat-map cell per evaluated file and indicator, each row linking to its page', async () => {
    const w = await open(INDEX, { width: 1280, height: 900 });
    expect(w.errors).toEqual([]);
    expect(w.requests).toEqual([pathToFileURL(INDEX).href]);
    // 3 evaluated files × 4 indicators; the failed file is listed apart.
    await expect(w.page.locator('table.heatmap td.cell').count()).resolves.toBe(3 * 4);
    await expect(w.page.locator('table.heatmap tbody tr').count()).resolves.toBe(3);
    const links = await w.page.locator('table.heatmap tbody th a').evaluateAll((as) => as.map((a) => [a.textContent, (a as HTMLAnchorElement).href]));
    const base = pathToFileURL(path.dirname(INDEX)).href;
    expect(links).toEqual([
      ['景洪市', `${base}/${encodeURIComponent('景洪市')}/survey-2024.html`],
      ['勐海县', `${base}/${encodeURIComponent('勐海县')}/survey%202024%232.json`],
      ['勐腊县', `${base}/${encodeURIComponent('勐腊县')}/survey-2024.html`],
    ]);
    await expect(w.page.locator('#failed li').textContent()).resolves.toContain('不是有效的 .xlsx 文件');
    await w.page.screenshot({ path: path.join(OUT, 'html-batch-index.png'), fullPage: true });
    // A phone scrolls the heat map inside its frame, never the page.
    await w.page.setViewportSize({ width: 390, height: 844 });
    await expect(w.page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
  });
});
