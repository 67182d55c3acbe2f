// Damaged and hostile workbooks, each built here byte by byte (see xlsx-build.ts): merged ranges
// past the sheet, zip bombs, parts whose headers lie, refs that are no cell, shared-string indexes
// out of range, cells longer than a cell may be. Each must end at once with one error naming the
// limit or the damage and the place, never expand, hang or abort.

import { execFile } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLedger } from '../../src/io/ledger-reader.js';
import { readXlsxTable } from '../../src/io/xlsx-reader.js';
import { CscheckError } from '../../src/schema/errors.js';
import { message } from '../../src/schema/messages.js';
import { read, tmp } from './support.js';
import { book, cell, repeatedDeflate, sharedXml, sheetXml, workbookParts, zip } from './xlsx-build.js';

const ROOT = join(import.meta.dirname, '../..');
const HEAD = ['乡镇（街道）', '村（社区）名称', '城乡类型', '户数'];

function write(name: string, bytes: Buffer): string {
  const file = join(tmp(), name);
  writeFileSync(file, bytes);
  return file;
}

/** The error a read ends in (a CscheckError), and its English line. */
async function failure(p: Promise<unknown>): Promise<{ err: CscheckError; text: string }> {
  const err = await p.then(
    () => {
      throw new Error('expected the read to fail');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CscheckError);
  const e = err as CscheckError;
  return { err: e, text: message(e.messageId, e.args, 'en') };
}

/** Runs the built CLI in a child with `env` added (limits are read once, at start). */
function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'bin/cscheck'), ...args, '--lang', 'en'], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
  });
}

function oneLine(r: { code: number | null; stdout: string; stderr: string }, ...parts: string[]): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  for (const p of parts) expect(lines[0]).toContain(p);
}

describe('merged ranges', () => {
  it('a range past column XFD is a damaged file naming the sheet and the ref', async () => {
    const file = write('wide-merge.xlsx', book([{ name: '调查表', xml: sheetXml([HEAD, ['罗溪镇', '洪四村', '农村', 300]], ['A1:ZZZZZZ1']) }]));
    const { err, text } = await failure(read(file));
    expect(err.messageId).toBe('input.xlsx-damaged');
    expect(err.location).toMatchObject({ file, sheet: '调查表' });
    expect(text).toContain('A1:ZZZZZZ1');
  });

  it.each([['A1:B'], ['foo'], ['A1:B2:C3'], ['A0:B2'], ['A1:B1048577'], ['']])('the ref “%s” is a damaged file', async (ref) => {
    const file = write('bad-merge.xlsx', book([{ name: 'S', xml: sheetXml([HEAD], [ref]) }]));
    const { err } = await failure(read(file));
    expect(err.messageId).toBe('input.xlsx-damaged');
    expect(err.location.sheet).toBe('S');
  });

  it('reversed corners (B5:A1 for A1:B5) are the same range', async () => {
    const rows = [['a', 'b', 'c'], [null, null, 'z'], [null, 'y', null]];
    const normal = write('m1.xlsx', book([{ name: 'S', xml: sheetXml(rows, ['A1:B3']) }]));
    const reversed = write('m2.xlsx', book([{ name: 'S', xml: sheetXml(rows, ['B3:A1']) }]));
    const expected = [
      ['a', 'b', 'c'],
      ['a', 'a', 'z'],
      ['a', 'y', undefined],
    ];
    for (const f of [normal, reversed]) expect((await readXlsxTable(f, f)).rows.map((r) => Array.from({ length: 3 }, (_, i) => r.cells[i]))).toEqual(expected);
  });

  it('A2:XFD1048576 fills only the rows and columns the sheet has', async () => {
    const file = write('huge-merge.xlsx', book([{ name: 'S', xml: sheetXml([['a', 'b', 'c'], ['x', null, 'z'], [null, 'q']], ['A2:XFD1048576']) }]));
    const t0 = Date.now();
    const t = await readXlsxTable(file, file);
    expect(Date.now() - t0).toBeLessThan(5000);
    // Row 3 has cells up to B, but the sheet's rightmost is C: its C is filled too.
    expect(t.rows.map((r) => [r.row, r.cells.length, [...r.cells]])).toEqual([
      [1, 3, ['a', 'b', 'c']],
      [2, 3, ['x', 'x', 'z']],
      [3, 3, ['x', 'q', 'x']],
    ]);
  });

  it('a survey whose township column is merged down to row 1,048,576 reads its rows', async () => {
    const rows = [HEAD, ['罗溪镇', '洪四村', '农村', 300], [null, '前洋村', '农村', 200]];
    const file = write('survey-merge.xlsx', book([{ name: '调查表', xml: sheetXml(rows, ['A2:A1048576']) }]));
    const s = await read(file);
    expect(s.community().map((r) => [r.row, r.v.township, r.v.community])).toEqual([
      [2, '罗溪镇', '洪四村'],
      [3, '罗溪镇', '前洋村'],
    ]);
  });

  it('of two overlapping ranges the first is kept, as Excel repairs it', async () => {
    const file = write('overlap.xlsx', book([{ name: 'S', xml: sheetXml([['a', null, 'c'], [null, null, null, 'w']], ['A1:B2', 'B1:C2']) }]));
    const t = await readXlsxTable(file, file);
    expect(t.rows.map((r) => Array.from({ length: 4 }, (_, i) => r.cells[i]))).toEqual([
      ['a', 'a', 'c', undefined],
      ['a', 'a', undefined, 'w'],
    ]);
  });

  it('a ledger with A1:XFD1048576 ends with its own findings, not a crash', async () => {
    const rows = [
      ['序号', '工作任务', '具体项目', '工作内容', '责任单位', '完成时限'],
      [1, '一、完善服务格局', '（一）设施', '建设综合服务设施', '区民政局', '2025年底'],
    ];
    const file = write('ledger.xlsx', book([{ name: '台账', xml: sheetXml(rows, ['A1:XFD1048576']) }]));
    const t0 = Date.now();
    const ledger = await readLedger(file);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(ledger.headerRow).toBe(1);
    expect(ledger.rows.map((r) => r.content)).toEqual(['建设综合服务设施']);
  });
});

describe('zip bombs and parts that lie', () => {
  const sheetHead = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetXml([HEAD]).match(/<row.*<\/row>/)![0]}`;

  it('a sheet that inflates a thousandfold stops within its first megabytes, naming the ratio', async () => {
    // 1 MiB of blanks a thousand times: a 1 GiB sheet from a file of about a megabyte.
    const bomb = repeatedDeflate(sheetHead, ' '.repeat(1 << 20), 1000, '</sheetData></worksheet>');
    expect(bomb.deflated.length).toBeLessThan(2 << 20);
    const file = write('bomb.xlsx', zip(workbookParts([{ name: '调查表', part: bomb }])));
    const t0 = Date.now();
    const { err, text } = await failure(read(file));
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(err.messageId).toBe('input.limit');
    expect(err.args.env).toBe('CSCHECK_MAX_XLSX_RATIO');
    expect(err.location).toMatchObject({ file, sheet: '调查表' });
    expect(text).toContain('compression ratio');
  });

  it('a shared-strings table that inflates a thousandfold stops the same way', async () => {
    const bomb = repeatedDeflate('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', '<si><t>a</t></si>'.repeat(65536), 200, '</sst>');
    const file = write('sst-bomb.xlsx', zip(workbookParts([{ name: 'S', xml: sheetXml([HEAD]) }], bomb)));
    const { err } = await failure(read(file));
    expect(err.messageId).toBe('input.limit');
    expect(err.args.env).toBe('CSCHECK_MAX_XLSX_RATIO');
  });

  it('a part whose header says it is over the part limit is refused before it is read', async () => {
    // 2,400 MiB claimed (and true): over the 2,048 MiB a part may have.
    const bomb = repeatedDeflate(sheetHead, ' '.repeat(1 << 20), 2400, '</sheetData></worksheet>');
    const file = write('big.xlsx', zip(workbookParts([{ name: 'S', part: bomb }])));
    const { err } = await failure(read(file));
    expect(err.messageId).toBe('input.limit');
    expect(err.args.env).toBe('CSCHECK_MAX_XLSX_PART_BYTES');
  });

  it('a part that inflates to more than its header says is damaged, whatever the header says', async () => {
    const xml = sheetXml([HEAD, ['罗溪镇', '洪四村', '农村', 300]]);
    const file = write('liar.xlsx', zip(workbookParts([{ name: 'S', part: { data: xml, size: 100 } }])));
    const { err, text } = await failure(read(file));
    expect(err.messageId).toBe('input.xlsx-damaged');
    expect(text).toContain('xl/worksheets/sheet1.xml');
    expect(text).toContain('100 bytes');
  });
});

describe('a part that fails while another is read', () => {
  it('ends with its error, the other part\'s read left to finish without a crash', async () => {
    // The sheet is read twice at once (its rows, and its merged ranges); the one that fails first
    // must not take the file away from the other mid-read.
    const sheetHead = sheetXml([HEAD]).replace(/<\/sheetData>.*$/, '');
    const bomb = repeatedDeflate(sheetHead, '<row r="2"><c r="A2"><v>1</v></c></row>'.repeat(30_000), 300, '</sheetData></worksheet>');
    const file = write('liar-bomb.xlsx', zip(workbookParts([{ name: '调查表', part: { deflated: bomb.deflated, size: 4000 } }])));
    for (let i = 0; i < 3; i++) {
      const { err } = await failure(read(file));
      expect(err.messageId).toBe('input.xlsx-damaged');
    }
    await new Promise((r) => setTimeout(r, 200));
  });
});

describe('damaged cells', () => {
  it.each([
    ['A0', '<row r="2"><c r="A0"><v>1</v></c></row>'],
    ['B-5', '<row r="2"><c r="B-5"><v>1</v></c></row>'],
    ['ZZZZ99999999', '<row r="2"><c r="ZZZZ99999999"><v>1</v></c></row>'],
    ['XFE2', '<row r="2"><c r="XFE2"><v>1</v></c></row>'],
    ['A3 in row 2', '<row r="2"><c r="A3"><v>1</v></c></row>'],
    ['row 0', '<row r="0"><c r="A0"><v>1</v></c></row>'],
    ['row -5', '<row r="-5"><c r="B-5"><v>1</v></c></row>'],
    ['row 1048577', '<row r="1048577"><c r="A1048577"><v>1</v></c></row>'],
    ['row abc', '<row r="abc"><c r="Aabc"><v>1</v></c></row>'],
  ])('a cell ref or row number that is no place in a sheet (%s) is a damaged file', async (_, extra) => {
    const file = write('bad-ref.xlsx', book([{ name: '调查表', xml: sheetXml([HEAD], [], extra) }]));
    const { err, text } = await failure(read(file));
    expect(err.messageId).toBe('input.xlsx-damaged');
    expect(err.location).toMatchObject({ file, sheet: '调查表' });
    // The bad ref is in the message, never made into a location of its own.
    expect(err.location.cell).toBeUndefined();
    expect(text).not.toContain('NaN');
  });

  it('a cell past column XFD by position (no refs) is a damaged file', async () => {
    const cells = '<c><v>1</v></c>'.repeat(16_385);
    const file = write('wide-row.xlsx', book([{ name: 'S', xml: sheetXml([HEAD], [], `<row r="2">${cells}</row>`) }]));
    const { err, text } = await failure(read(file));
    expect(err.messageId).toBe('input.xlsx-damaged');
    expect(text).toContain('16385');
  });

  it('a shared-string index past the table is a damaged file naming the cell', async () => {
    const xml = sheetXml([HEAD], [], '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>7</v></c></row>');
    const file = write('sst-index.xlsx', book([{ name: '调查表', xml }], sharedXml(['罗溪镇', '洪四村'])));
    const { err, text } = await failure(read(file));
    expect(err.messageId).toBe('input.xlsx-damaged');
    expect(err.location).toMatchObject({ file, sheet: '调查表', row: 2, cell: 'B2' });
    expect(text).toContain('shared string 7');
    expect(text).toContain('has 2');
  });

  it('a workbook that lists no sheets is a damaged file', async () => {
    const file = write('no-sheets.xlsx', book([]));
    const { err, text } = await failure(read(file));
    expect(err.messageId).toBe('input.xlsx-damaged');
    expect(text).toContain('no sheets');
    const ledger = await failure(readLedger(file));
    expect(ledger.err.messageId).toBe('input.xlsx-damaged');
  });
});

describe('cell text', () => {
  // Varied characters: a text of one character repeated would compress past the ratio limit first.
  let seed = 1;
  const long = Array.from({ length: (1 << 20) + 1 }, () => String.fromCharCode(0x4e00 + (((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % 20_000))).join('');

  it('an inline text over the cell limit names the file, sheet and cell', async () => {
    const xml = sheetXml([HEAD], [], `<row r="2">${cell('A2', '罗溪镇')}${cell('B2', long)}</row>`);
    const file = write('long-inline.xlsx', book([{ name: '调查表', xml }]));
    const { err } = await failure(read(file));
    expect(err.messageId).toBe('input.limit');
    expect(err.args.env).toBe('CSCHECK_MAX_CELL_CHARS');
    expect(err.location).toMatchObject({ file, sheet: '调查表', row: 2, cell: 'B2' });
    expect(message(err.messageId, err.args, 'en')).toContain('1,048,577');
  });

  it('a shared string over the limit is an error in the cell that uses it, and only there', async () => {
    const used = sheetXml([HEAD], [], '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c></row>');
    const file = write('long-shared.xlsx', book([{ name: '调查表', xml: used }], sharedXml(['罗溪镇', long])));
    const { err } = await failure(read(file));
    expect(err.messageId).toBe('input.limit');
    expect(err.location).toMatchObject({ sheet: '调查表', cell: 'C2' });
    expect(message(err.messageId, err.args, 'en')).toContain('1,048,577');

    const unused = sheetXml([HEAD, ['罗溪镇', '洪四村', '农村', 300]]);
    const ok = write('long-unused.xlsx', book([{ name: '调查表', xml: unused }], sharedXml(['罗溪镇', long])));
    expect((await read(ok)).community().map((r) => r.v.community)).toEqual(['洪四村']);
  });
});

describe('limits lowered through the environment (the CLI, in a child)', () => {
  const survey = (name: string, extra: { merges?: string[]; shared?: string[] } = {}) => {
    const rows = [HEAD, ['罗溪镇', '洪四村', '农村', 300], ['罗溪镇', '前洋村', '农村', 200]];
    return write(name, book([{ name: '调查表', xml: sheetXml(rows, extra.merges ?? []) }], extra.shared && sharedXml(extra.shared)));
  };

  it.skipIf(!existsSync(join(ROOT, 'dist/cli/main.js')))('each XLSX limit stops with one line that names it, exit 2', async () => {
    const cases: [string, Record<string, string>, string][] = [
      [survey('entries.xlsx'), { CSCHECK_MAX_XLSX_ENTRIES: '4' }, 'CSCHECK_MAX_XLSX_ENTRIES'],
      [survey('merges.xlsx', { merges: ['A2:A3', 'E1:E2', 'F1:F2'] }), { CSCHECK_MAX_MERGED_RANGES: '2' }, 'CSCHECK_MAX_MERGED_RANGES'],
      [survey('shared.xlsx', { shared: ['a', 'b', 'c'] }), { CSCHECK_MAX_SHARED_STRINGS: '2' }, 'CSCHECK_MAX_SHARED_STRINGS'],
      [survey('sst-bytes.xlsx', { shared: ['a'.repeat(5000)] }), { CSCHECK_MAX_SHARED_STRINGS_BYTES: '1000' }, 'CSCHECK_MAX_SHARED_STRINGS_BYTES'],
      [survey('part-bytes.xlsx'), { CSCHECK_MAX_XLSX_PART_BYTES: '500' }, 'CSCHECK_MAX_XLSX_PART_BYTES'],
      [survey('cell.xlsx'), { CSCHECK_MAX_CELL_CHARS: '2' }, 'CSCHECK_MAX_CELL_CHARS'],
    ];
    const results = await Promise.all(cases.map(([file, env]) => cli(['evaluate', file, '--plan', 'quanzhou'], env)));
    cases.forEach(([file, , name], i) => oneLine(results[i], file, name));
  }, 120_000);

  it.skipIf(!existsSync(join(ROOT, 'dist/cli/main.js')))('a damaged workbook under --annotate leaves nothing behind', async () => {
    const dir = tmp();
    const file = write('ann.xlsx', book([{ name: '调查表', xml: sheetXml([HEAD, ['罗溪镇', '洪四村', '农村', 300]], ['A1:ZZZZZZ1']) }]));
    const out = join(dir, 'out.xlsx');
    oneLine(await cli(['evaluate', file, '--plan', 'quanzhou', '--annotate', out]), file, 'ZZZZZZ');
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);
});
