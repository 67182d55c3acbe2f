// Issue 17.6: under --lang en the tool's own words are English. Chinese may appear only where it is
// data: a value, header, sheet or file name of the input, or text of the plan (names without English,
// section numbers, document numbers such as 泉政办〔2022〕54号). Every format is rendered in English
// over fixtures and each token holding a CJK character must occur verbatim in the inputs or plans.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { compareInputs } from '../../src/cli/compare.js';
import { evaluate } from '../../src/api/evaluate.js';
import { checkLedger } from '../../src/api/ledger.js';
import { CHECKS } from '../../src/rules/checks/index.js';
import { LEDGER_CODES } from '../../src/rules/ledger/index.js';
import { COMPARE_FORMATS } from '../../src/report/compare/index.js';
import { fromReport } from '../../src/report/formats/finding-list.js';
import { FINDING_FORMATS } from '../../src/report/formats/findings-formats.js';
import { FORMATS } from '../../src/report/formats/index.js';
import { BOOLEAN_WORDS } from '../../src/io/values.js';
import type { Finding } from '../../src/schema/finding.js';
import { TOOL_VERSION } from '../../src/schema/tool.js';
import { ROOT, lintList } from './support.js';

/** Han characters, CJK symbols and punctuation (、。〔〕《》), full-width forms (：，；（）). */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
/** Where a token ends: spaces, ASCII punctuation, quotes, box drawing and ellipses the tool puts between words. */
const BREAK = /[\s<>"'`()[\]{},;:|=*#!?&/\\“”‘’·—…\u2500-\u257f]+/u;

function inputText(file: string): string {
  const buf = readFileSync(file);
  if (/\.(csv|txt|tsv)$/i.test(file)) {
    const utf8 = buf.toString('utf8');
    return utf8.includes('\ufffd') ? iconv.decode(buf, 'gb18030') : utf8;
  }
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(buf, { type: 'buffer' });
  } catch {
    return ''; // a damaged fixture: only its path is data
  }
  return wb.SheetNames.map((s) => `${s}\n${XLSX.utils.sheet_to_csv(wb.Sheets[s])}`).join('\n');
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/**
 * Everything the outputs may quote as data: the plans (with their sources), every input with its
 * path, the column names the reader composed from the inputs' headers (a two-row header joins its
 * cells), and the yes/no words the reader accepts (an English message says which to type).
 */
function dataCorpus(inputs: string[], findings: Finding[] = []): string {
  const plans = walk(path.join(ROOT, 'plans')).filter((f) => /\.(ya?ml|md|txt)$/.test(f));
  return [
    ...plans.map((f) => readFileSync(f, 'utf8')),
    ...inputs.map((f) => `${path.relative(ROOT, f)}\n${inputText(f)}`),
    ...findings.map((f) => f.location.column ?? ''),
    ...BOOLEAN_WORDS,
  ].join('\n');
}

/**
 * The tokens of `output` holding CJK that the data does not contain. GitHub annotations escape % as
 * %25; an HTML page's style sheet holds the column labels of both languages (its lang attribute
 * picks one), so it is not text the reader sees.
 */
function toolChinese(output: string, corpus: string): string[] {
  const text = output.replace(/%25/g, '%').replace(/<style>[^]*?<\/style>/g, '');
  const tokens = text.split(BREAK).map((t) => t.replace(/\.+$/, ''));
  return [...new Set(tokens.filter((t) => CJK.test(t) && !corpus.includes(t)))];
}

const LUOJIANG = path.join(ROOT, 'fixtures/luojiang/survey-2024.xlsx');
const XIANYOU = path.join(ROOT, 'fixtures/xianyou/survey-2024-gbk.csv');
const LEDGER = path.join(ROOT, 'fixtures/ledger/luojiang-2025-faulty.xlsx');
const OLD = path.join(ROOT, 'fixtures/compare/xianyou-2023.csv');
const NEW = path.join(ROOT, 'fixtures/compare/xianyou-2024.xlsx');
const en = { lang: 'en' as const, color: false, cwd: ROOT };

describe('--lang en: no Chinese but data', () => {
  it('the scan itself finds tool Chinese: a unit glued to a number, a full-width colon after English', () => {
    const corpus = dataCorpus([LUOJIANG]);
    expect(toolChinese('Gap mostly from：双阳街道 8%', corpus)).toEqual(['from：双阳街道']);
    expect(toolChinese('17.2人/万人, target ≥18人/万人', corpus)).toEqual(['17.2人', '≥18人']);
    expect(toolChinese('双阳街道 双阳社区: Grid workers = 9', corpus)).toEqual([]);
  });

  it.each([
    ['luojiang', LUOJIANG, { asOf: '2023-06-30' }],
    ['xianyou', XIANYOU, {}],
  ])('evaluate against %s: every report and CI format', async (plan, file, extra) => {
    const report = await evaluate([file], { plan, maxFindings: 1000, lang: 'en', ...extra });
    const list = fromReport(report, CHECKS);
    const corpus = dataCorpus([file], list.findings);
    const leaks: Record<string, string[]> = {};
    for (const [name, f] of Object.entries(FORMATS)) if (name !== 'json') leaks[name] = toolChinese(f(report, en), corpus);
    for (const [name, f] of Object.entries(FINDING_FORMATS)) if (name !== 'json') leaks[`findings ${name}`] = toolChinese(f(list, en), corpus);
    expect(leaks).toEqual(Object.fromEntries(Object.keys(leaks).map((k) => [k, []])));
  });

  it('ledger and plans lint findings in every format', async () => {
    const { findings } = await checkLedger([LEDGER], { plan: 'luojiang', asOf: '2024-06-30' });
    const ledger = { tool: { name: 'cscheck', version: TOOL_VERSION }, files: [LEDGER], findings, rules: LEDGER_CODES };
    const corpus = dataCorpus([LEDGER], findings);
    const leaks: Record<string, string[]> = {};
    for (const [name, f] of Object.entries(FINDING_FORMATS)) {
      if (name === 'json') continue;
      leaks[`ledger ${name}`] = toolChinese(f(ledger, en), corpus);
      leaks[`lint ${name}`] = toolChinese(f(lintList(), en), corpus);
    }
    expect(leaks).toEqual(Object.fromEntries(Object.keys(leaks).map((k) => [k, []])));
  });

  it('compare in every text format', async () => {
    const cmp = await compareInputs(OLD, NEW, { plan: 'xianyou', format: 'table', lang: 'en', failOn: 'none', color: false });
    const corpus = dataCorpus([OLD, NEW]);
    const leaks = Object.fromEntries(
      Object.entries(COMPARE_FORMATS)
        .filter(([name]) => name !== 'json')
        .map(([name, f]) => [name, toolChinese(f(cmp, en), corpus)]),
    );
    expect(leaks).toEqual({ table: [], markdown: [], html: [] });
  });

  it('batch: the terminal summary, summary.md and index.html', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'cscheck-en-'));
    try {
      const dir = path.join(ROOT, 'fixtures/batch');
      const { stdout } = spawnSync(process.execPath, [path.join(ROOT, 'bin/cscheck'), 'batch', dir, '--plan', 'quanzhou', '--out', out, '--jobs', '1', '--lang', 'en', '--fail-on', 'none'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, COLUMNS: '200', NO_COLOR: '1' },
      });
      // The reports are named after their inputs (崇武镇.json, 崇武镇-2.json for a second 崇武镇).
      const corpus = `${dataCorpus(walk(dir).filter((f) => /\.(csv|xlsx)$/.test(f)))}\n${walk(out).map((f) => path.relative(out, f)).join('\n')}`;
      expect({
        stdout: toolChinese(stdout, corpus),
        md: toolChinese(readFileSync(path.join(out, 'summary.md'), 'utf8'), corpus),
        html: toolChinese(readFileSync(path.join(out, 'index.html'), 'utf8'), corpus),
      }).toEqual({ stdout: [], md: [], html: [] });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
