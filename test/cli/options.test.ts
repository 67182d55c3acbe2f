// One reading of each kind of option value, the same in every command and in the library.

import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { CscheckError } from '../../src/schema/errors.js';
import { pickText } from '../../src/schema/messages.js';
import { parseDate, parseInteger, parseLang } from '../../src/api/parse.js';
import { EVALUATE_FORMAT_NAMES, FINDING_FORMAT_NAMES, parseJobs } from '../../src/cli/options.js';
import { EVALUATE_FORMAT_NAMES as FORMATTERS_EVALUATE } from '../../src/report/formats/index.js';
import { FORMAT_NAMES as FORMATTERS_FINDINGS } from '../../src/report/formats/findings-formats.js';
import { fixture, lines, run, tmpDir } from './helpers.js';

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return err instanceof CscheckError ? { id: err.messageId, args: err.args } : err;
  }
  return null;
};

describe('parseInteger: decimal digits only', () => {
  it.each([
    ['0', 0],
    ['7', 7],
    [' 12 ', 12],
    ['007', 7],
  ])('%j is %d', (v, n) => expect(parseInteger(v, '--n')).toBe(n));

  it.each(['1e3', '0x10', '0b1', '0o7', '1.0', '1.5', '-1', '+1', '', ' ', '1_000', 'Infinity', '9007199254740993'])('refuses %j naming the option and the value', (v) => {
    expect(refusal(() => parseInteger(v, '--max-warnings'))).toEqual({ id: 'usage.not-integer', args: { option: '--max-warnings', min: 0, value: v } });
  });

  it('a minimum: --jobs 0 is refused, and counts above the cores are clamped', () => {
    expect(refusal(() => parseJobs('0'))).toEqual({ id: 'usage.not-integer', args: { option: '--jobs', min: 1, value: '0' } });
    expect(parseJobs('1')).toBe(1);
    expect(parseJobs('100000')).toBe(availableParallelism());
  });
});

describe('parseDate and parseLang', () => {
  it('calendar dates that exist', () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    for (const v of ['2025-02-29', '2025-13-01', '2025-6-30', '20250630', '2025-06-30T00:00']) expect(refusal(() => parseDate(v))).toEqual({ id: 'ledger.bad-date', args: { value: v, option: '--as-of' } });
  });

  it('zh and en only', () => {
    expect(parseLang('zh')).toBe('zh');
    expect(parseLang('en')).toBe('en');
    for (const v of ['EN', 'fr', '']) expect(refusal(() => parseLang(v))).toEqual({ id: 'usage.bad-lang', args: { option: '--lang', value: v } });
  });
});

describe('one zh/en text picker', () => {
  it('English when there is English, else the Chinese', () => {
    expect(pickText({ zh: '中', en: 'mid' }, 'en')).toBe('mid');
    expect(pickText({ zh: '中', en: '' }, 'en')).toBe('中');
    expect(pickText({ zh: '中' }, 'en')).toBe('中');
    expect(pickText({ zh: '中', en: 'mid' }, 'zh')).toBe('中');
  });
});

describe('the --format names the command line states', () => {
  it('are the formatters’ own', () => {
    expect([...FINDING_FORMAT_NAMES]).toEqual(FORMATTERS_FINDINGS);
    expect([...EVALUATE_FORMAT_NAMES]).toEqual(FORMATTERS_EVALUATE);
  });
});

describe('on the command line: the same refusal everywhere, one line, exit 2, in the chosen language', () => {
  const survey = fixture('survey-2024.csv');
  it.each([
    [['evaluate', survey, '-p', 'luojiang', '--max-warnings', '1e3'], '--max-warnings', '1e3'],
    [['batch', survey, '-p', 'luojiang', '--out', '@OUT', '--max-warnings', '1e3'], '--max-warnings', '1e3'],
    [['evaluate', survey, '-p', 'luojiang', '--max-findings', '0x10'], '--max-findings', '0x10'],
    [['batch', survey, '-p', 'luojiang', '--out', '@OUT', '--max-findings', '0x10'], '--max-findings', '0x10'],
    [['ledger', survey, '--max-warnings', '1.0'], '--max-warnings', '1.0'],
    [['template', '-p', 'luojiang', '-k', 'survey', '-o', '@OUT.xlsx', '--rows', '1e3'], '--rows', '1e3'],
  ])('%j', async (args, option, value) => {
    const out = tmpDir();
    const argv = args.map((a) => a.replace('@OUT', `${out}/o`));
    const zh = await run(argv);
    expect(zh.code).toBe(2);
    expect(lines(zh.stderr)).toEqual([`cscheck: ${option} 需要不小于 0 的十进制整数：“${value}”`]);
    const en = await run([...argv, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(lines(en.stderr)).toEqual([`cscheck: ${option} needs a decimal whole number ≥ 0: “${value}”`]);
    expect(zh.stdout + en.stdout).toBe('');
  });

  it('--as-of is one check in evaluate, ledger and batch', async () => {
    const out = tmpDir();
    for (const args of [['evaluate', survey, '-p', 'luojiang'], ['ledger', survey], ['batch', survey, '-p', 'luojiang', '--out', out]]) {
      const r = await run([...args, '--as-of', '2025-02-30', '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(lines(r.stderr)).toEqual(['cscheck: --as-of needs a date such as 2025-06-30: “2025-02-30”']);
    }
  });

  it('a bad --lang is said in Chinese, for every command', async () => {
    for (const args of [['evaluate', survey, '-p', 'luojiang'], ['plans', 'list'], ['explain', 'x']]) {
      const r = await run([...args, '--lang', 'fr']);
      expect(r.code).toBe(2);
      expect(lines(r.stderr)).toEqual(['cscheck: --lang 只能是 zh 或 en：“fr”']);
    }
  });
});
