// `cscheck evaluate --format html`: the page as text — what the CLI accepts and writes, that the page
// asks for nothing outside itself, that it carries what the fixture holds, and that no input text can
// become markup. (How it renders is html-browser.test.ts.)

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateReport as evaluateFiles } from '../../src/api/evaluate.js';
import { html, renderReportPage } from '../../src/report/formats/html.js';
import type { Finding } from '../../src/schema/finding.js';
import type { Report } from '../../src/schema/results.js';
import { ROOT, run, tmpDir } from '../cli/helpers.js';

const XS = path.join(ROOT, 'fixtures', 'xishuangbanna', 'survey-2024.xlsx');
const ctx = { lang: 'zh' as const, color: false, cwd: ROOT };
const count = (text: string, re: RegExp): number => (text.match(re) ?? []).length;

let report: Report;
let page: string;
beforeAll(async () => {
  report = await evaluateFiles([XS], { plan: 'xishuangbanna', maxFindings: 1000, lang: 'zh' });
  page = html(report, ctx);
});

describe('cscheck evaluate --format html', () => {
  it('writes the page to -o with nothing on stdout, and exits as the other formats do', async () => {
    const out = path.join(tmpDir(), '报告.html');
    const r = await run(['evaluate', XS, '--plan', 'xishuangbanna', '--format', 'html', '-o', out]);
    // The fixture has one unreadable cell (X18 “8:30-17:30”), an error: exit 1 under --fail-on binding.
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8').startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
  });

  it('is offered by evaluate only: plans lint and ledger have no page to render', async () => {
    expect((await run(['evaluate', '--help'])).stdout).toMatch(/[\s,：(]html[,)\s]/);
    const lint = await run(['plans', 'lint', 'xishuangbanna', '--format', 'html']);
    expect(lint.code).toBe(2);
    expect(lint.stderr).toMatch(/html/);
  });
});

describe('the page is self-contained', () => {
  it('loads nothing: no src attribute, no stylesheet link, only in-page and data: links', () => {
    expect(page).not.toMatch(/\ssrc=/i);
    expect(page).not.toMatch(/<link(?![^>]*href="data:)/i);
    expect(page).not.toMatch(/@import|url\(/i);
    const hrefs = [...page.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.filter((h) => !h.startsWith('#') && !h.startsWith('data:'))).toEqual([]);
    // The only URL is the SVG namespace, an identifier that is never fetched.
    expect([...new Set(page.match(/https?:\/\/[^\s"'<)]+/g))]).toEqual(['http://www.w3.org/2000/svg']);
  });

  it('forbids the browser any other request, allowing exactly its own style and script by hash', () => {
    const csp = page.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)![1].replace(/&apos;/g, "'");
    expect(csp).toMatch(/default-src 'none'/);
    const style = page.match(/<style>([\s\S]*?)<\/style>/)![1];
    const script = page.match(/<script>([\s\S]*?)<\/script>/)![1];
    const sha = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
    expect(csp).toContain(`style-src ${sha(style)}`);
    expect(csp).toContain(`script-src ${sha(script)}`);
    expect(count(page, /<script/g)).toBe(1);
    expect(count(page, /<style/g)).toBe(1);
  });

  it('names no web font, and falls back to CJK system fonts', () => {
    expect(page).not.toMatch(/@font-face/);
    expect(page).toMatch(/"PingFang SC".*"Microsoft YaHei".*"Noto Sans CJK SC".*"Droid Sans Fallback"/s);
  });

  it('has print and phone styles', () => {
    expect(page).toMatch(/@media print \{/);
    expect(page).toMatch(/@media \(max-width: 600px\)/);
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });

  it('is the same bytes for the same report', () => {
    expect(html(report, ctx)).toBe(page);
  });
});

describe('what the page holds (fixtures/xishuangbanna/README.md)', () => {
  it('has a card per plan indicator: 34, of which 6 met, 11 not met and 17 without data', () => {
    expect(count(page, /<article class="card /g)).toBe(34);
    // README “Expected values”: met — facility_coverage_rural, commercial_area_share,
    // facility_area_per_100_households, public_health_committee_coverage, volunteer_share, ethnic_unity_demo_per_year.
    expect(count(page, /data-status="met"/g)).toBe(6);
    // not met — the other 11 rows of that table; the remaining 34 − 6 − 11 = 17 reported indicators are unreported.
    expect(count(page, /data-status="not-met"/g)).toBe(11);
    expect(count(page, /data-status="no-data"/g)).toBe(34 - 6 - 11);
  });

  it('draws a chart for each of the 15 measured indicators — the table less its 2 reported rows — with 9 bars each', () => {
    expect(count(page, /<svg [^>]*class="bar-chart"/g)).toBe(17 - 2);
    expect(count(page, /<g class="bar /g)).toBe((17 - 2) * 9);
  });

  it('lists every finding in the table with its severity', () => {
    expect(count(page, /<tr class="finding"/g)).toBe(report.findings.length);
    // One unreadable cell; 8 requirement breaches + 11 missed indicators; 22 notices.
    expect(count(page, /data-severity="error"/g)).toBe(1);
    expect(count(page, /data-severity="warning"/g)).toBe((2 + 2 + 1 + 1 + 2) + 11);
    // The page's one input is named at its head; its rows say where in it.
    expect(page).toContain('</code></td><td>村（社区）!X18<span class="place">');
    expect(page).toContain('fixtures/xishuangbanna/survey-2024.xlsx 村（社区）');
  });

  it('names the file in each row when the report has several inputs', async () => {
    const city = path.join(ROOT, 'fixtures', 'batch', '泉州市', '洛江区');
    const two = await evaluateFiles([path.join(city, '万安街道.csv'), path.join(city, '罗溪镇.csv')], { plan: 'quanzhou', maxFindings: 1000, lang: 'zh' });
    const rows = html(two, ctx).match(/<tr class="finding".*<\/tr>/g)!;
    const cellRows = rows.filter((r) => /<\/code><\/td><td>[^<]*\.csv /.test(r));
    // 罗溪镇's two: K5 breaks a rule, A2 heads a column the contract does not know (万安街道's are about its indicators).
    expect(cellRows.map((r) => r.match(/([^/>]+\.csv) ([A-Z]+\d+)/)!.slice(1)).sort()).toEqual([
      ['罗溪镇.csv', 'A2'],
      ['罗溪镇.csv', 'K5'],
    ]);
    // Every row that points into an input names which one.
    expect(rows.filter((r) => /<\/code><\/td><td>[A-Z]+\d+/.test(r))).toEqual([]);
  });

  it('shows plan findings at their plan line, relative to the working directory', () => {
    expect(page).toMatch(/plans\/xishuangbanna\.yaml:\d+:\d+/);
    expect(page).not.toContain(path.join(ROOT, 'plans'));
  });

  it('speaks English with --lang en', () => {
    const en = html(report, { ...ctx, lang: 'en' });
    expect(en.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    for (const label of ['By township', 'Per-community requirements', 'Findings', 'not met', 'target ≥60%']) expect(en).toContain(label);
  });

  it('links back to the batch index when asked to', () => {
    expect(renderReportPage(report, ctx, { indexHref: '../index.html' })).toContain('<a href="../index.html">← 返回汇总</a>');
    expect(page).not.toContain('index.html');
  });
});

describe('no input text becomes markup', () => {
  it('escapes cell values, names and messages everywhere they appear', () => {
    const evil = '<img src=x onerror=alert(1)>&"\'';
    const finding: Finding = { code: 'cell-type', severity: 'error', location: { file: 'a<b>.csv', row: 3, township: evil, community: evil }, messageId: 'usage.error', args: { detail: evil } };
    const hostile: Report = {
      ...report,
      plan: { ...report.plan, name: { zh: evil } },
      indicators: report.indicators.map((r) => ({ ...r, name: { zh: evil }, townships: r.townships.map((t) => ({ ...t, township: evil })) })),
      findings: [finding],
    };
    const out = html(hostile, ctx);
    expect(out).not.toContain('<img');
    expect(out).not.toContain('a<b>');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&apos;');
    expect(count(out, /<script/g)).toBe(1);
  });
});
