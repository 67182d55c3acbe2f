// Text from a hostile survey in every report format: control characters, bidi overrides and `|` in a
// community name and a cell value must reach no output raw, and 100,000-character township and
// community names must render in linear time (a bound of seconds: quadratic work took minutes), cut to LIMITS.labelChars where a format shows
// them (the JSON report is data: it keeps them whole).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateReport as evaluateFiles } from '../../src/api/evaluate.js';
import { CHECKS } from '../../src/rules/checks/index.js';
import { LIMITS } from '../../src/schema/limits.js';
import type { Report } from '../../src/schema/results.js';
import { fromReport } from '../../src/report/formats/finding-list.js';
import { CI_FORMATS } from '../../src/report/formats/findings-formats.js';
import { findingsTable } from '../../src/report/formats/findings-table.js';
import { FORMATS } from '../../src/report/formats/index.js';
import { mdCell } from '../../src/report/formats/markdown.js';
import { cjkTable } from '../../src/report/formats/cjk-table.js';
import { wrapByWidth, wrapWords } from '../../src/report/formats/wrap-width.js';
import { escapeData } from '../../src/report/formats/github.js';
import { boundedArgs, cutLabel, label, visible } from '../../src/report/safe-text.js';
import { run, tmpDir, writeFile } from '../cli/helpers.js';
import { compareInputs } from '../../src/cli/compare.js';
import { table as compareTable } from '../../src/report/compare/table.js';
import { markdown as compareMarkdown } from '../../src/report/compare/markdown.js';
import { html as compareHtml } from '../../src/report/compare/html.js';
import { CSV, ctx } from './support.js';
import { readZip } from './zip-entries.js';

// ESC [31m (red), BEL, CR, RIGHT-TO-LEFT OVERRIDE, a pipe; and a C1 control (CSI, U+009B).
const HOSTILE = 'evil\u001b[31mRED\u0007bell\rOVER\u202eabc|pipe\u009b2J';
const HOSTILE_SHOWN = 'evil\\u001b[31mRED\\u0007bell';
const VALUE = '12\u001b[2J\u0007\r\u2066|x';
const VALUE_SHOWN = '12\\u001b[2J\\u0007';
const LONG_TOWNSHIP = '长'.repeat(100_000);
const LONG_COMMUNITY = '远'.repeat(100_000);
const cutOf = (ch: string) => `${ch.repeat(LIMITS.labelChars - 1)}…`;

/** Raw characters no display output may hold: ESC, BEL, CR, C1, bidi controls. */
// eslint-disable-next-line no-control-regex
const RAW = /[\u0007\u001b\r\u0080-\u009f\u202a-\u202e\u2066-\u2069]/;

let dir: string;
let input: string;
let report: Report;

beforeAll(async () => {
  // The Luojiang survey with three rows changed: a hostile community name and households value, a
  // township of 100,000 characters, a community of 100,000 characters (each with an unreadable value,
  // so a finding names its place).
  const rows = Papa.parse<string[]>(readFileSync(CSV, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const head = rows[0];
  const col = (name: string) => head.indexOf(name);
  rows[1][col('村（社区）名称')] = HOSTILE;
  rows[1][col('户数')] = VALUE;
  rows[2][col('乡镇（街道）')] = LONG_TOWNSHIP;
  rows[2][col('户数')] = 'x';
  rows[3][col('村（社区）名称')] = LONG_COMMUNITY;
  rows[3][col('户数')] = 'y';
  dir = tmpDir('cscheck-hostile-text-');
  input = writeFile(dir, 'survey.csv', Papa.unparse(rows, { newline: '\r\n' }) + '\r\n');
  report = await evaluateFiles([input], { plan: 'quanzhou', maxFindings: 1000, lang: 'zh' });
}, 60_000);

/** Every --format of evaluate, rendered as the CLI renders it, with the time it took (once: each test reads them). */
let rendered: { name: string; text: string; ms: number }[] | undefined;
const renderAll = (): { name: string; text: string; ms: number }[] => (rendered ??= render());

function render(): { name: string; text: string; ms: number }[] {
  const list = fromReport(report, CHECKS);
  const out: { name: string; text: string; ms: number }[] = [];
  for (const [name, format] of Object.entries(FORMATS)) {
    const t0 = performance.now();
    const text = format(report, ctx());
    out.push({ name, text, ms: performance.now() - t0 });
  }
  for (const [name, format] of Object.entries(CI_FORMATS)) {
    const t0 = performance.now();
    const text = format(list, ctx());
    out.push({ name, text, ms: performance.now() - t0 });
  }
  // The table of plans lint and ledger, over the findings of the changed rows (over all of them it
  // takes most of a second on its own, long names or not).
  const changed = { ...list, findings: list.findings.filter((f) => f.location.row !== undefined && f.location.row <= 4) };
  const t0 = performance.now();
  out.push({ name: 'findings-table', text: findingsTable(changed, ctx()), ms: performance.now() - t0 });
  return out;
}

describe('safe-text', () => {
  it('shows control and bidi characters as \\u escapes and keeps TAB and LF', () => {
    expect(visible('a\u001b[31mb\u0007c\rd\u202ee\u2066f\u009bg\u007fh\ti\nj')).toBe('a\\u001b[31mb\\u0007c\\u000dd\\u202ee\\u2066f\\u009bg\\u007fh\ti\nj');
    expect(visible('a\rb\u001b', true)).toBe('a\rb\\u001b');
    const plain = '洛江区 万安街道 “12人”';
    expect(visible(plain)).toBe(plain);
  });

  it('cuts a label to LIMITS.labelChars characters, the last of them …, never half a pair', () => {
    expect(cutLabel('a'.repeat(LIMITS.labelChars))).toBe('a'.repeat(LIMITS.labelChars));
    expect(cutLabel('a'.repeat(LIMITS.labelChars + 1))).toBe(`${'a'.repeat(LIMITS.labelChars - 1)}…`);
    // 𠀀 is two UTF-16 units: labelChars of them are within the limit, one more is cut.
    expect(cutLabel('𠀀'.repeat(LIMITS.labelChars))).toBe('𠀀'.repeat(LIMITS.labelChars));
    expect(cutLabel('𠀀'.repeat(LIMITS.labelChars + 1))).toBe(`${'𠀀'.repeat(LIMITS.labelChars - 1)}…`);
    expect(label(`\u001b${'x'.repeat(500)}`)).toBe(`\\u001b${'x'.repeat(LIMITS.labelChars - 2)}…`);
  });

  it('cuts long message arguments, text and localized text, and leaves short ones as they are', () => {
    const args = { name: 'n', n: 3 };
    expect(boundedArgs(args)).toBe(args);
    const long = boundedArgs({ community: 'c'.repeat(1000), expected: { zh: '甲'.repeat(300), en: 'e' }, n: 3 });
    expect(long).toEqual({ community: `${'c'.repeat(LIMITS.labelChars - 1)}…`, expected: { zh: `${'甲'.repeat(LIMITS.labelChars - 1)}…`, en: 'e' }, n: 3 });
  });

  it('markdown cells escape pipes, backticks and links, and show control characters', () => {
    expect(mdCell('a|b `c` [x](http://t.example/p.png) \u001b[31m\r\nz')).toBe('a\\|b \\`c\\` [x]\\(http://t.example/p.png) \\u001b[31m<br>z');
  });

  it('GitHub data escapes %, CR and LF as the runner reads them, and shows ESC', () => {
    expect(escapeData('50% a\r\n::warning::x\u001b[31m')).toBe('50%25 a%0D%0A::warning::x\\u001b[31m');
  });
});

describe('a hostile survey in every format', () => {
  it('no display format prints a control or bidi character raw; each shows the value as its escape', () => {
    for (const { name, text } of renderAll()) {
      if (name === 'json') continue;
      expect(RAW.exec(text)?.[0], name).toBeUndefined();
      // JSON-based formats escape the backslash of the shown escape once more.
      const shown = name === 'sarif' || name === 'codeclimate' ? VALUE_SHOWN.replace(/\\/g, '\\\\') : VALUE_SHOWN;
      expect(text, name).toContain(shown);
    }
  });

  it('the formats that name the community show it with its escapes', () => {
    const out = Object.fromEntries(renderAll().map((r) => [r.name, r.text]));
    expect(out.html).toContain(HOSTILE_SHOWN);
    expect(out.sarif).toContain(HOSTILE_SHOWN.replace(/\\/g, '\\\\'));
  });

  it('markdown keeps every finding row one row of the table: the pipe in the value is escaped', () => {
    const md = renderAll().find((r) => r.name === 'markdown')!.text;
    const row = md.split('\n').find((l) => l.includes(VALUE_SHOWN))!;
    expect(row).toContain('\\|x');
    // Cells: severity, location, message — four unescaped pipes around three cells.
    expect(row.match(/(?<!\\)\|/g)).toHaveLength(4);
  });

  it('GitHub annotations stay one workflow command per finding', () => {
    const gh = renderAll().find((r) => r.name === 'github')!.text;
    const lines = gh.split('\n').filter(Boolean);
    const findings = report.findings.length;
    expect(lines).toHaveLength(findings);
    for (const l of lines) expect(l).toMatch(/^::(error|warning|notice)( [^:]+)?::/);
  });

  it('JUnit XML and the HTML page stay well-formed', () => {
    const out = Object.fromEntries(renderAll().map((r) => [r.name, r.text]));
    expect(XMLValidator.validate(out.junit)).toBe(true);
    // The page's SVG charts are XML on their own.
    for (const svg of out.html.match(/<svg[^]*?<\/svg>/g) ?? []) expect(XMLValidator.validate(svg)).toBe(true);
  });

  it('the JSON report keeps the names whole and as the input holds them', () => {
    const json = JSON.parse(FORMATS.json(report, ctx()));
    const places = json.findings.map((f: any) => f.location);
    expect(places.some((l: any) => l.community === HOSTILE)).toBe(true);
    expect(places.some((l: any) => l.township === LONG_TOWNSHIP)).toBe(true);
    expect(places.some((l: any) => l.community === LONG_COMMUNITY)).toBe(true);
  });
});

describe('100,000-character names', () => {
  it('every format renders in linear time: seconds at most, where quadratic work took minutes', () => {
    // A bound with room for a loaded machine (about 1 s there); the quadratic renderer took over 200 s.
    for (const { name, ms } of renderAll()) expect(ms, name).toBeLessThan(10_000);
  });

  it('no display format prints a whole long name; HTML and SARIF show each cut to LIMITS.labelChars', () => {
    for (const { name, text } of renderAll()) {
      if (name === 'json') continue;
      expect(text.includes('长'.repeat(LIMITS.labelChars)), name).toBe(false);
      expect(text.includes('远'.repeat(LIMITS.labelChars)), name).toBe(false);
    }
    const out = Object.fromEntries(renderAll().map((r) => [r.name, r.text]));
    for (const name of ['html', 'sarif']) {
      expect(out[name], name).toContain(cutOf('长'));
      expect(out[name], name).toContain(cutOf('远'));
    }
  });
});

describe('wrapping by display width', () => {
  it('is linear: 100,000 characters wrap in seconds at most (quadratic work took minutes)', () => {
    const t0 = performance.now();
    const ascii = wrapWords('a'.repeat(100_000), 30).split('\n');
    const cjk = wrapByWidth('长'.repeat(100_000), 30).split('\n');
    const mixed = wrapWords('长a'.repeat(50_000), 30).split('\n');
    expect(performance.now() - t0).toBeLessThan(10_000);
    // 30 columns: 30 Latin letters or 15 Chinese characters a line.
    expect(ascii).toHaveLength(Math.ceil(100_000 / 30));
    expect(ascii[0]).toBe('a'.repeat(30));
    expect(cjk).toHaveLength(Math.ceil(100_000 / 15));
    expect(cjk[0]).toBe('长'.repeat(15));
    // 长a is three columns: ten of them a line.
    expect(mixed[0]).toBe('长a'.repeat(10));
    expect(mixed).toHaveLength(5000);
  });

  it('a table cell takes at most the lines it is given, the last ending in …', () => {
    expect(wrapByWidth('长'.repeat(100), 10, 4).split('\n')).toEqual(['长长长长长', '长长长长长', '长长长长长', '长长长长…']);
    expect(wrapByWidth('长'.repeat(20), 10, 4).split('\n')).toEqual(['长长长长长', '长长长长长', '长长长长长', '长长长长长']);
  });

  it('the compare tables show long and hostile names cut and escaped, in seconds at most (quadratic work took minutes)', async () => {
    const cmp = await compareInputs(CSV, input, { plan: 'quanzhou', lang: 'zh', format: 'table', failOn: 'none', color: false });
    for (const lang of ['zh', 'en'] as const) {
      const outs = [compareTable, compareMarkdown, compareHtml].map((format) => {
        const t0 = performance.now();
        const text = format(cmp, ctx(lang));
        // Before: the zh table took 9 s (cli-table3 measures a cell's whole text for each of its lines).
        // The en table of the plain survey alone takes half a second on a busy two-core machine.
        expect(performance.now() - t0, `${format.name} ${lang}`).toBeLessThan(15_000);
        return text;
      });
      for (const text of outs) {
        expect(RAW.exec(text)?.[0]).toBeUndefined();
        expect(text.includes('长'.repeat(LIMITS.labelChars))).toBe(false);
      }
      expect(outs[1]).toContain(cutOf('长'));
    }
  }, 60_000);

  it('the plan and batch tables show control characters as escapes', () => {
    const text = cjkTable(['名称'], [20], [['a\u001b[31mb\u202ec']]);
    expect(RAW.test(text)).toBe(false);
    expect(text).toContain('a\\u001b[31mb');
  });
});

describe('the annotated workbook', () => {
  it('is well-formed OOXML with the hostile and long values in it', async () => {
    const file = path.join(dir, 'annotated.xlsx');
    const r = await run(['evaluate', input, '--plan', 'quanzhou', '--annotate', file, '--format', 'json']);
    expect(r.code).toBe(1);
    const parts = (await readZip(file)).filter((e) => e.name.endsWith('.xml'));
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) {
      const xml = part.data.toString('utf8');
      expect(XMLValidator.validate(xml), part.name).toBe(true);
      // eslint-disable-next-line no-control-regex
      expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(xml), part.name).toBe(false);
    }
    // The rows are copied: the visible part of the hostile name is there, its controls dropped.
    const texts = parts.map((p) => p.data.toString('utf8')).join('');
    expect(texts).toContain('evil[31mREDbell');
  }, 60_000);
});
