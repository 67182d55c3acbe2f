// Where batch writes each report: the input's relative path mirrored with the extension dropped,
// every segment safe on every file system, never outside the report directory, collisions
// (compared as Windows and macOS compare names) resolved with -2, -3, ….
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportNames, reportStem, safeSegment } from '../../src/report/safe-names.js';

describe('reportStem', () => {
  it('mirrors the folders, drops the extension and keeps Chinese names as written', () => {
    expect(reportStem('泉州市/洛江区/万安街道.csv')).toBe('泉州市/洛江区/万安街道');
    expect(reportStem('泉州市/惠安县/崇武镇.xlsx')).toBe('泉州市/惠安县/崇武镇');
    expect(reportStem('仙游县 2024（终稿）.v2.csv')).toBe('仙游县 2024（终稿）.v2');
  });

  it('never leads out of the report directory', () => {
    for (const nasty of ['../../etc/passwd.csv', '..\\..\\Windows\\win.ini', '/etc/shadow.csv', 'C:\\Users\\x\\调查.xlsx', 'a/./../../b.csv', '....//x.csv', '..', '.', '']) {
      const stem = reportStem(nasty);
      const parts = stem.split('/');
      expect(parts.every((p) => p !== '' && p !== '.' && p !== '..'), `${nasty} → ${stem}`).toBe(true);
      expect(path.isAbsolute(stem), `${nasty} → ${stem}`).toBe(false);
      const out = path.resolve('/reports', ...parts);
      expect(out.startsWith(`${path.resolve('/reports')}${path.sep}`), `${nasty} → ${out}`).toBe(true);
    }
    expect(reportStem('../../etc/passwd.csv')).toBe('_/_/etc/passwd');
    expect(reportStem('/etc/shadow.csv')).toBe('etc/shadow');
    expect(reportStem('C:\\Users\\x\\调查.xlsx')).toBe('C_/Users/x/调查');
  });

  it('replaces NUL, control and Windows-reserved characters', () => {
    expect(reportStem('a\u0000b.csv')).toBe('a_b');
    expect(reportStem('县<1>:"2"|3?*.csv')).toBe('县_1___2__3__');
    expect(reportStem('tab\there\nnewline.csv')).toBe('tab_here_newline');
  });

  it('renames Windows device names, hidden names and trailing dots or spaces', () => {
    expect(reportStem('CON.csv')).toBe('_CON');
    expect(reportStem('nul.txt.csv')).toBe('_nul.txt');
    expect(reportStem('com1/lpt9.xlsx')).toBe('_com1/_lpt9');
    expect(reportStem('console.csv')).toBe('console');
    expect(reportStem('.hidden/.x.csv')).toBe('_hidden/_x');
    expect(reportStem('名单. . /x.csv')).toBe('名单/x');
    expect(safeSegment('   ')).toBe('_');
  });

  it('gives a folder named like a report another name, so it cannot clash with one', () => {
    expect(reportStem('万安街道.json/x.csv')).toBe('万安街道.json_/x');
    expect(reportStem('a.XLSX/b.csv')).toBe('a.XLSX_/b');
  });

  it('cuts over-long segments to 200 bytes, at a character boundary', () => {
    const long = '很'.repeat(100); // 300 bytes in UTF-8
    const stem = reportStem(`${long}.csv`);
    expect(Buffer.byteLength(stem)).toBe(198); // 66 characters of 3 bytes
    expect(stem).toBe('很'.repeat(66));
  });
});

describe('ReportNames', () => {
  it('resolves collisions with a suffix, in the order names are claimed', () => {
    const names = new ReportNames();
    expect(names.claim('泉州市/惠安县/崇武镇')).toBe('泉州市/惠安县/崇武镇');
    expect(names.claim('泉州市/惠安县/崇武镇')).toBe('泉州市/惠安县/崇武镇-2');
    expect(names.claim('泉州市/惠安县/崇武镇')).toBe('泉州市/惠安县/崇武镇-3');
    // A real input named like a suffixed one moves on.
    expect(names.claim('泉州市/惠安县/崇武镇-2')).toBe('泉州市/惠安县/崇武镇-2-2');
  });

  it('compares names case-insensitively and in one Unicode form', () => {
    const names = new ReportNames();
    expect(names.claim('Data/Survey')).toBe('Data/Survey');
    expect(names.claim('data/SURVEY')).toBe('data/SURVEY-2');
    const nfc = '\u00e9t\u00e9';
    const nfd = 'e\u0301te\u0301';
    expect(names.claim(nfc)).toBe(nfc);
    expect(names.claim(nfd)).toBe(`${nfd}-2`);
  });

  it('keeps summary and index for the summary files', () => {
    const names = new ReportNames();
    expect(names.claim('summary')).toBe('summary-2');
    expect(names.claim('INDEX')).toBe('INDEX-2');
    expect(names.claim('泉州市/summary')).toBe('泉州市/summary');
  });
});
