// Issue 17.6 and 17.12, report side: units and gaps in English, rows of a CSV named as rows in each
// language, the batch page's time in local time with its offset. Expected values worked out by hand.

import { describe, expect, it } from 'vitest';
import { localTime } from '../../src/report/local-time.js';
import { locationText } from '../../src/report/render.js';
import { CscheckError } from '../../src/schema/errors.js';
import { message, yamlProblem, zipProblem } from '../../src/schema/messages.js';
import { formatAgainst, formatTarget, gapText, unitText } from '../../src/schema/quantity.js';
import { ROOT } from './support.js';

describe('units in English', () => {
  it('every unit of the bundled plans has English words', () => {
    expect(unitText('人/万人', 'en')).toBe(' people per 10,000 residents');
    expect(unitText('张', 'en')).toBe(' beds');
    expect(unitText('平方米/百户', 'en')).toBe(' m² per 100 households');
    expect(unitText('个/千人', 'en')).toBe(' per 1,000 people');
    expect(unitText('次/年', 'en')).toBe(' times a year');
    expect(unitText('人次/年', 'en')).toBe(' visits a year');
    expect(unitText('个/年', 'en')).toBe(' a year');
    expect(unitText('元/人·月', 'en')).toBe(' yuan per person a month');
    expect(unitText('万元', 'en')).toBe(' × 10,000 yuan');
    expect(unitText('户', 'en')).toBe(' households');
    expect(unitText('门', 'en')).toBe(' courses');
    expect(unitText('%', 'en')).toBe('%');
    // Chinese as the plan writes it; a unit of a user's own plan stays as written.
    expect(unitText('人/万人', 'zh')).toBe('人/万人');
    expect(unitText('台', 'en')).toBe('台');
    expect(unitText('台/年', 'en')).toBe('台/年');
  });

  it('targets, values and gaps', () => {
    expect(formatTarget({ op: '>=', value: 18 }, '人/万人', 'en')).toBe('≥18 people per 10,000 residents');
    expect(formatTarget({ op: '>=', value: 18 }, '人/万人', 'zh')).toBe('≥18人/万人');
    expect(formatTarget({ op: '>=', value: 30 }, '张', 'en')).toBe('≥30 beds');
    expect(formatTarget({ op: '>=', value: 1 }, '次/年', 'en')).toBe('≥1 times a year');
    // 17.15 against 18: one decimal (17.2) already tells them apart.
    expect(formatAgainst(17.15, 18, '人/万人', 'en')).toBe('17.2 people per 10,000 residents');
    expect(gapText(0.8, '>=', '人/万人', 'en')).toBe('0.8 people short per 10,000 residents');
    expect(gapText(0.8, '>=', '人/万人', 'zh')).toBe('每万人还差 0.8 人');
    expect(gapText(0.2, '>=', '个/千人', 'en')).toBe('0.2 short per 1,000 people');
    expect(gapText(5, '>=', '张', 'en')).toBe('5 beds short');
    expect(gapText(20, '<=', '个', 'en')).toBe('20 over');
    expect(gapText(4.2, '>=', '%', 'en')).toBe('4.2 percentage points short');
  });
});

describe('a row of a CSV file', () => {
  it('reads 第 4 行 in Chinese and row 4 in English; cells and plan lines are unchanged', () => {
    expect(locationText({ file: 'values.csv', row: 4 }, 'zh')).toBe('values.csv 第 4 行');
    expect(locationText({ file: 'values.csv', row: 4 }, 'en')).toBe('values.csv row 4');
    expect(locationText({ file: 'a.xlsx', sheet: '村（社区）', cell: 'K53', row: 53 }, 'en')).toBe('a.xlsx 村（社区）!K53');
    expect(locationText({ file: 'plans/q.yaml', line: 12, col: 5 }, 'en')).toBe('plans/q.yaml:12:5');
  });
});

describe('local time with its offset', () => {
  it('adds the offset east of UTC, rolling the date over', () => {
    expect(localTime('2026-12-08T01:30:00.000Z', 480)).toBe('2026-12-08 09:30 +08:00');
    expect(localTime('2026-12-07T20:15:00.000Z', 480)).toBe('2026-12-08 04:15 +08:00');
    expect(localTime('2026-12-08T01:30:00.000Z', -300)).toBe('2026-12-07 20:30 -05:00');
    expect(localTime('2026-12-08T01:30:00.000Z', 330)).toBe('2026-12-08 07:00 +05:30');
    expect(localTime('2026-12-08T01:30:00.000Z', 0)).toBe('2026-12-08 01:30 +00:00');
  });

  it('by default in this machine’s zone; a time it cannot read stays as written', () => {
    expect(localTime('2026-12-08T01:30:00.000Z')).toMatch(/^2026-12-0[78] \d\d:\d\d [+-]\d\d:\d\d$/);
    expect(localTime('not a time')).toBe('not a time');
  });
});

describe('library errors in the catalogue', () => {
  it('a zip reader’s error by name; one without a name keeps its text', () => {
    expect(zipProblem('End of central directory record signature not found. Either not a zip file, or file is truncated.')).toEqual({
      zh: '找不到 zip 目录：不是 zip 文件，或文件不完整',
      en: 'no zip directory: not a zip file, or the file is cut short',
    });
    expect(zipProblem('invalid local file header signature: 0x0')).toEqual({ zh: '压缩数据已损坏', en: 'its compressed data is damaged' });
    expect(zipProblem('xl/workbook.xml missing')).toBe('xl/workbook.xml missing');
  });

  it('a YAML error by its code; an unknown code keeps the text inside a catalogue message', () => {
    expect(yamlProblem('DUPLICATE_KEY', 'Map keys must be unique')).toEqual({ zh: '同一个键出现了两次', en: 'a key appears twice' });
    expect(yamlProblem('TAB_AS_INDENT', 'Tabs are not allowed as indentation')).toEqual({ zh: '用制表符缩进（YAML 只能用空格缩进）', en: 'a tab used for indentation (YAML indents with spaces only)' });
    expect(yamlProblem('SOMETHING_NEW', 'Odd thing')).toEqual({ zh: '语法错误（Odd thing）', en: 'syntax error (Odd thing)' });
  });

  it('the bundled corrupt workbook reads in Chinese without the library’s English', async () => {
    const { evaluate } = await import('../../src/api/evaluate.js');
    const err = await evaluate([`${ROOT}/fixtures/batch/泉州市/泉港区/南埔镇.xlsx`], { plan: 'quanzhou', maxFindings: 10, lang: 'zh' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CscheckError);
    expect(message((err as CscheckError).messageId, (err as CscheckError).args, 'zh')).toBe('.xlsx 文件已损坏或不完整：找不到 zip 目录：不是 zip 文件，或文件不完整');
  });
});
