// Damaged and hostile CSV text: over-long fields and records, quotes that never close, too many
// columns, bytes that are not UTF-8, NUL bytes, numbers too large to be true. Each ends in one
// line naming the file and the cell (exit 2), or in the cell's finding — never in a hang.

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { RecordParser } from '../../src/io/csv-records.js';
import { LIMIT_SPECS } from '../../src/schema/limits.js';
import { lines, ROOT, run, runJson, tmpDir } from '../cli/helpers.js';
import { read } from './support.js';

const dir = tmpDir('cscheck-csv-hostile-');
const HEAD = '村（社区）名称,城乡类型,户数,综合服务设施建筑面积\n';
const ROW = '甲社区,城市,100,50\n';
const FIELD = LIMIT_SPECS.csvFieldChars.value;
const RECORD = LIMIT_SPECS.csvRecordChars.value;

function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** Exit 2, one `cscheck: ` line naming the file, no stack trace; the line. */
function oneLine(r: { code: number; stdout: string; stderr: string }, name: string): string {
  expect(r.code, r.stderr).toBe(2);
  const err = lines(r.stderr);
  expect(err, r.stderr).toHaveLength(1);
  expect(err[0]).toMatch(/^cscheck: /);
  expect(err[0]).toContain(name);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  return err[0];
}

const evaluate = (p: string, ...more: string[]) => run(['evaluate', p, '--plan', 'quanzhou', '--lang', 'en', ...more]);

describe('long fields and records', () => {
  it('parses an unfinished record again only as often as its length doubles (linear, not n²)', () => {
    // A 3 MiB record of 1,000-character fields, in 64 Ki pieces: papaparse's own stream front end
    // parses 64 Ki, 128 Ki, … 3 MiB again, 24 times the record in all.
    const record = Array.from({ length: 3 * 1024 }, () => 'x'.repeat(1023)).join(',');
    const original = (Papa as any).ParserHandle;
    let parsed = 0;
    (Papa as any).ParserHandle = function (config: unknown) {
      const handle = new original(config);
      const parse = handle.parse;
      handle.parse = (input: string, base: number, ignore: boolean) => {
        parsed += input.length;
        return parse.call(handle, input, base, ignore);
      };
      return handle;
    };
    const got: number[] = [];
    try {
      const parser = new RecordParser(',', 1, 'x.csv', (cells, n) => got.push(n, cells.length));
      const text = 'a,b\n' + record + '\nc,d\n';
      for (let i = 0; i < text.length; i += 65536) parser.push(text.slice(i, i + 65536));
      parser.end();
    } finally {
      (Papa as any).ParserHandle = original;
    }
    expect(got).toEqual([1, 2, 2, 3 * 1024, 3, 2]);
    expect(parsed).toBeLessThan(3 * record.length);
  });

  it('stops at a field past the field limit, naming its cell', async () => {
    const p = file('long-field.csv', HEAD + ROW + '乙社区,' + 'x'.repeat(FIELD + 10) + ',100,50\n');
    const line = oneLine(await evaluate(p), 'long-field.csv');
    expect(line).toContain(' B3:');
    expect(line).toContain('CSCHECK_MAX_CSV_FIELD_CHARS');
  });

  it('stops at a record past the record limit, though each field is within its own', async () => {
    // Five fields of 900,000 characters: the record passes 4 MiB inside the fifth (E).
    const big = Array.from({ length: 5 }, () => 'y'.repeat(900_000)).join(',');
    const p = file('long-record.csv', HEAD + big + '\n' + ROW);
    const line = oneLine(await evaluate(p), 'long-record.csv');
    expect(line).toContain(' E2:');
    expect(line).toContain('CSCHECK_MAX_CSV_RECORD_CHARS');
    expect(RECORD).toBeLessThan(5 * 900_000);
  });

  it('names a quotation mark that never closes, within bounded text', async () => {
    const p = file('open-quote.csv', HEAD + ROW + '乙社区,城市,"100,50\n' + ROW.repeat(Math.ceil((FIELD + 1000) / ROW.length)));
    const line = oneLine(await evaluate(p), 'open-quote.csv');
    expect(line).toContain(' C3:');
    expect(line).toContain('quotation mark');
  });

  it('reads a long quoted field with line breaks whole, and numbers the records after it', async () => {
    const note = ('第一行\n第二行,""引号""\r\n').repeat(20_000);
    const text = '村（社区）名称,城乡类型,户数,备注\n甲社区,城市,100,"' + note + '"\n乙社区,农村,50,\n';
    const sink = await read(file('long-quoted.csv', text));
    expect(sink.community().map((r) => [r.row, r.v.community])).toEqual([
      [2, '甲社区'],
      [3, '乙社区'],
    ]);
  });

  it('refuses a table wider than the columns limit', async () => {
    const cols = LIMIT_SPECS.columns.value + 10;
    const header = ['村（社区）名称', '城乡类型', ...Array.from({ length: cols - 2 }, (_, i) => `c${i}`)].join(',');
    const line = oneLine(await evaluate(file('wide.csv', header + '\n' + ROW)), 'wide.csv');
    expect(line).toContain(' row 1: ');
    expect(line).toContain(`${cols.toLocaleString('en-US')} columns`);
  });

  it('ends a 30 MB single-line file in a child process within seconds', () => {
    const p = file('line30.csv', HEAD + '乙社区,' + 'z'.repeat(30 << 20) + ',100,50\n');
    const started = Date.now();
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'cscheck'), 'evaluate', p, '--plan', 'quanzhou'], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=512' } });
    expect(r.status, r.stderr).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain('CSCHECK_MAX_CSV_FIELD_CHARS');
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('keeps the record limit when the field limit is raised above it', () => {
    const p = file('raised.csv', HEAD + '乙社区,' + 'v'.repeat(3000) + ',100,50\n');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'cscheck'), 'evaluate', p, '--plan', 'quanzhou'], { encoding: 'utf8', env: { ...process.env, CSCHECK_MAX_CSV_FIELD_CHARS: '100000', CSCHECK_MAX_CSV_RECORD_CHARS: '1000' } });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('CSCHECK_MAX_CSV_RECORD_CHARS');
  });

  it('takes a lowered limit from its environment variable', () => {
    const p = file('env-limit.csv', HEAD + '乙社区,' + 'w'.repeat(300) + ',100,50\n');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'cscheck'), 'evaluate', p, '--plan', 'quanzhou'], { encoding: 'utf8', env: { ...process.env, CSCHECK_MAX_CSV_FIELD_CHARS: '100' } });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain(' B2:');
    expect(r.stderr).toContain('CSCHECK_MAX_CSV_FIELD_CHARS');
  });
});

describe('bytes that are not UTF-8', () => {
  const rows = Array.from({ length: 20 }, (_, i) => `社区${i},城市,${100 + i},50\n`).join('');

  it('names the broken byte, its offset and cell, in a small UTF-8 file without BOM', async () => {
    const before = Buffer.from(HEAD + rows + '丙', 'utf8');
    const bytes = Buffer.concat([before, Buffer.from([0xa0]), Buffer.from('社区,城市,1,2\n', 'utf8')]);
    const line = oneLine(await evaluate(file('broken.csv', bytes)), 'broken.csv');
    // Record 22 (header, 20 rows, then this one), first column.
    expect(line).toContain(' A22:');
    expect(line).toContain('0xA0');
    expect(line).toContain(`offset ${before.length.toLocaleString('en-US')} `);
  });

  it('finds the byte where a read chunk ends, in a file read as a stream', async () => {
    // 262,144 bytes per read: a broken byte just before, at and after the cut.
    for (const shift of [-2, -1, 0, 1, 2]) {
      const filler = '字'.repeat(40) + ',城市,1,2\n';
      let text = HEAD;
      while (Buffer.byteLength(text) < 262_144 + shift - 200) text += filler;
      const prefix = Buffer.from(text + '丁'.repeat(200), 'utf8').subarray(0, 262_144 + shift);
      // Cut inside a 3-byte character: drop its start so the next byte continues nothing.
      let at = prefix.length;
      while ((prefix[at - 1] & 0xc0) === 0x80) at--;
      const head = prefix.subarray(0, at - 1);
      const bytes = Buffer.concat([head, Buffer.from([0xff]), Buffer.from('社区,城市,1,2\n'.repeat(20_000), 'utf8')]);
      const line = oneLine(await evaluate(file(`chunk${shift}.csv`, bytes)), `chunk${shift}.csv`);
      expect(line, `shift ${shift}`).toContain(`offset ${head.length.toLocaleString('en-US')} `);
      expect(line).toContain('0xFF');
      const record = head.toString('utf8').split('\n').length;
      expect(line).toContain(`${record}:`);
    }
  });

  it('reads the broken byte as U+FFFD when the user names the encoding', async () => {
    const bytes = Buffer.concat([Buffer.from(HEAD + '丙', 'utf8'), Buffer.from([0xa0]), Buffer.from('社区,城市,1,2\n', 'utf8')]);
    const sink = await read(file('named.csv', bytes), { encoding: 'utf-8' });
    expect(sink.community()[0].v.community).toBe('丙\uFFFD社区');
  });

  it('keeps a U+FFFD the file holds as a character', async () => {
    const sink = await read(file('fffd.csv', HEAD + '丙\uFFFD社区,城市,1,2\n'));
    expect(sink.community()[0].v.community).toBe('丙\uFFFD社区');
  });

  it('still reads the GBK fixtures as GB18030', async () => {
    for (const f of ['luojiang/survey-2024-gbk.csv', 'xianyou/survey-2024-gbk.csv']) {
      const r = await runJson(['evaluate', path.join(ROOT, 'fixtures', f), '--plan', 'quanzhou']);
      expect(r.report.inputs[0].encoding, f).toBe('gb18030');
    }
  });

  it('names the first GBK byte of a file that is plain ASCII for its first 64 KiB', async () => {
    const ascii = 'community,kind,households\n' + 'A,城市,1\n'.replace('城市', 'urban').repeat(10_000);
    const gbk = Buffer.from([0xd6, 0xd0]); // 中 in GBK
    const bytes = Buffer.concat([Buffer.from(ascii), gbk, Buffer.from(',urban,1\n')]);
    const line = oneLine(await evaluate(file('late-gbk.csv', bytes)), 'late-gbk.csv');
    expect(line).toContain(`offset ${ascii.length.toLocaleString('en-US')} `);
    expect(line).toContain('0xD6');
  });
});

describe('NUL bytes and byte order marks', () => {
  it('refuses a NUL byte past the sniffed sample at its cell', async () => {
    const p = file('nul.csv', HEAD + ROW.repeat(5000) + '乙社区,城市,1\u000000,50\n');
    expect(oneLine(await evaluate(p), 'nul.csv')).toContain(' C5002:');
  });

  it('refuses a NUL byte in a file with a BOM', async () => {
    const p = file('nul-bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HEAD + '乙社区\u0000,城市,1,50\n')]));
    expect(oneLine(await evaluate(p), 'nul-bom.csv')).toContain(' A2:');
  });

  it('lets a byte order mark decide over --encoding', async () => {
    const p = file('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HEAD + ROW)]));
    const sink = await read(p, { encoding: 'gbk' });
    expect(sink.community()[0].v.community).toBe('甲社区');
    const p16 = file('bom16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEAD + ROW, 'utf16le')]));
    expect((await read(p16, { encoding: 'utf8' })).community()[0].v.community).toBe('甲社区');
  });
});

describe('numbers too large to be true', () => {
  it('reports 309 nines as an unreadable cell and never counts the indicator met on it', async () => {
    const p = file('nines.csv', '村（社区）名称,城乡类型,户数,是否建有综合服务设施,综合服务设施建筑面积\n甲社区,城市,100,是,' + '9'.repeat(309) + '\n');
    const { code, report } = await runJson(['evaluate', p, '--plan', 'quanzhou']);
    expect(code).toBe(1);
    const area = report.indicators.find((i: any) => i.id === 'facility_area_per_100_households');
    expect(area.status).not.toBe('met');
    expect(area.value).toBeNull();
    const cell = report.findings.filter((f: any) => f.code === 'cell-type');
    expect(cell.map((f: any) => f.location.cell)).toEqual(['E2']);
    expect(JSON.stringify(report)).not.toMatch(/Infinity|NaN/);
  });
});
