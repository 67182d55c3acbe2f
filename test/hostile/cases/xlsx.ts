// Workbooks: merged ranges beyond the sheet, zip bombs in every part the reader inflates, damaged
// packages and parts, XML entity tricks, and the classic hostile files with an .xlsx name.

import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../runner.js';
import type { Cell } from '../workbook.js';
import { oneSheet, sharedStringsXml, sheetXml, workbook } from '../workbook.js';
import { MiB, repeatedDeflate } from '../zip.js';
import type { Case } from './common.js';
import { HEAD, LIMIT, ROWS, evaluate, noise, put } from './common.js';

const ROWS_X: Cell[][] = [HEAD, ...ROWS];
const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const HEADER_ROW = `<row r="1">${HEAD.map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('')}</row>`;

const FIXTURE = path.join(ROOT, 'fixtures', 'luojiang', 'survey-2024.xlsx');

/** A survey workbook with `merges` (the data as ROWS). */
const merged = (merges: string[]): Buffer => oneSheet(ROWS_X, merges);

/** A survey whose data row 2 has cell D2 replaced by raw XML. */
function withCell(raw: string, strings?: string[]): Buffer {
  const rows: Cell[][] = ROWS_X.map((r) => [...r]);
  rows[1][3] = { raw };
  return workbook({ sheets: [{ name: '村（社区）', part: sheetXml(rows) }], sharedStrings: strings && sharedStringsXml(strings) });
}

/** A survey whose community name in row 2 (A2) is a shared string at `index` of `strings`. */
function sharedIndex(index: string, strings = ['塘西社区', '后埭社区', '下洋村']): Buffer {
  const rows: Cell[][] = ROWS_X.map((r) => [...r]);
  rows[1][0] = { t: 's', v: index };
  return workbook({ sheets: [{ name: '村（社区）', part: sheetXml(rows) }], sharedStrings: sharedStringsXml(strings) });
}

/** A survey whose community cell in row 2 carries the reference `ref`. */
function badRef(ref: string): Buffer {
  const rows: Cell[][] = ROWS_X.map((r) => [...r]);
  rows[1][0] = { raw: `<c r="${ref}" t="inlineStr"><is><t>塘西社区</t></is></c>` };
  return workbook({ sheets: [{ name: '村（社区）', part: sheetXml(rows) }] });
}

const spaces = Buffer.alloc(MiB, 0x20);
const GB39 = 3900; // MiB of spaces: 3.9 GiB inflated, under zip's 4 GiB without zip64

/** A sheet part: the header row, then `mib` MiB of blanks inside sheetData (well-formed XML). */
const sheetBomb = (mib: number) => ({ raw: repeatedDeflate(SHEET_HEAD + HEADER_ROW, spaces, mib, '</sheetData></worksheet>') });

const LEDGER_HEAD = ['序号', '工作任务', '具体项目', '主要内容', '责任单位', '完成时限'];
const LEDGER_ROWS: Cell[][] = [
  ['测试区任务清单及工作台账'],
  LEDGER_HEAD,
  [1, '一、完善城乡社区服务格局', '（一）加强党建引领', '1．强化乡镇（街道）党（工）委责任', '区民政局', '持续实施'],
  [2, null, null, '2．推行村（社区）党组织书记“一肩挑”', '区民政局', '2025年'],
];

const bomb = (name: string, bytes: () => Buffer, expect: Case['expect'] = { code: 2, stderr: LIMIT, ms: 10_000 }, more: (f: string) => string[] = (f) => evaluate(f)): Case => ({
  name,
  make: (dir) => ({ args: more(put(dir, 'bomb.xlsx', bytes())) }),
  expect,
});

export const xlsxCases: Case[] = [
  // — controls: the generator writes workbooks cscheck reads —
  {
    name: 'xlsx control: a generated workbook with inline strings is read (3 rows)',
    make: (dir) => ({ args: evaluate(put(dir, 'ok.xlsx', oneSheet(ROWS_X)), '--format', 'json', '--fail-on', 'none') }),
    expect: { code: 0 },
    check: (o) => {
      if (JSON.parse(o.stdout).summary.rows !== 3) throw new Error(`rows ${JSON.parse(o.stdout).summary.rows}, expected 3`);
    },
  },
  {
    name: 'xlsx control: a generated workbook with shared strings is read (3 rows)',
    make: (dir) => ({ args: evaluate(put(dir, 'ok-sst.xlsx', sharedIndex('0')), '--format', 'json', '--fail-on', 'none') }),
    expect: { code: 0 },
    check: (o) => {
      const r = JSON.parse(o.stdout);
      if (r.summary.rows !== 3) throw new Error(`rows ${r.summary.rows}, expected 3`);
    },
  },

  // — merged ranges —
  { name: 'merge A1:ZZZZZZ1 (past the last column) over the header', make: (dir) => ({ args: evaluate(put(dir, 'm.xlsx', merged(['A1:ZZZZZZ1']))) }), expect: { code: 2 } },
  { name: 'merge A10:ZZZZZZ10 below the data: clipped or refused', make: (dir) => ({ args: evaluate(put(dir, 'm.xlsx', merged(['A10:ZZZZZZ10'])), '--fail-on', 'none') }), expect: { code: [0, 2] } },
  { name: 'merge reversed ZZZZZZ1:A1', make: (dir) => ({ args: evaluate(put(dir, 'm.xlsx', merged(['ZZZZZZ1:A1']))) }), expect: { code: 2 } },
  { name: 'merge reversed in range F3:G2', make: (dir) => ({ args: evaluate(put(dir, 'm.xlsx', merged(['G3:F2'])), '--fail-on', 'none') }), expect: { code: [0, 2] } },
  { name: 'merge F10:XFD1048576 (legal, whole sheet past the data) is clipped', make: (dir) => ({ args: evaluate(put(dir, 'm.xlsx', merged(['F10:XFD1048576'])), '--fail-on', 'none') }), expect: { code: 0, ms: 10_000 } },
  { name: 'merge garbage ref A1:FOO', make: (dir) => ({ args: evaluate(put(dir, 'm.xlsx', merged(['A1:FOO']))) }), expect: { code: 2 } },
  { name: 'merge garbage ref F1:F (column only)', make: (dir) => ({ args: evaluate(put(dir, 'm.xlsx', merged(['F1:F'])), '--fail-on', 'none') }), expect: { code: [0, 2] } },
  { name: 'merge garbage ref A0:B1 (row 0)', make: (dir) => ({ args: evaluate(put(dir, 'm.xlsx', merged(['A0:B1']))) }), expect: { code: 2 } },
  { name: 'merge ref with a 30-digit row', make: (dir) => ({ args: evaluate(put(dir, 'm.xlsx', merged(['F1:G999999999999999999999999999999']))) }), expect: { code: [0, 2] } },
  {
    name: '100,001 merged ranges (over the mergedRanges limit)',
    make: (dir) => ({ args: evaluate(put(dir, 'm.xlsx', merged(Array.from({ length: 100_001 }, (_, i) => `G${i + 10}:H${i + 10}`)))) }),
    expect: { code: 2, stderr: LIMIT },
  },
  {
    name: 'ledger with merge A1:XFD1048576',
    make: (dir) => ({ args: ['ledger', put(dir, 'ledger.xlsx', oneSheet(LEDGER_ROWS, ['A1:XFD1048576'])), '--fail-on', 'none'] }),
    expect: { code: [0, 2], ms: 10_000 },
  },
  {
    name: 'ledger with merge G5:XFD1048576 (past the data) is clipped',
    make: (dir) => ({ args: ['ledger', put(dir, 'ledger.xlsx', oneSheet(LEDGER_ROWS, ['G5:XFD1048576'])), '--fail-on', 'none'] }),
    expect: { code: 0, ms: 10_000 },
  },
  {
    name: 'ledger control: the generated ledger workbook is read',
    make: (dir) => ({ args: ['ledger', put(dir, 'ledger.xlsx', oneSheet(LEDGER_ROWS)), '--fail-on', 'none'] }),
    expect: { code: 0 },
  },

  // — zip bombs —
  bomb('zip bomb: sheet XML inflating to 3.9 GiB (sizes honest)', () => workbook({ sheets: [{ name: '村（社区）', part: sheetBomb(GB39) }] })),
  bomb('zip bomb: sheet XML inflating to 200 MiB from 200 KB (ratio 1000)', () => workbook({ sheets: [{ name: '村（社区）', part: sheetBomb(200) }] })),
  bomb('zip bomb: sheet XML of 3.9 GiB whose headers claim 2 KB', () => workbook({ sheets: [{ name: '村（社区）', part: { name: '', raw: repeatedDeflate(SHEET_HEAD + HEADER_ROW, spaces, GB39, '</sheetData></worksheet>'), claimSize: 2048 } }] }), { code: 2, ms: 10_000 }),
  bomb('zip bomb: a stored (uncompressed) sheet claiming 3.9 GiB, truncated', () => workbook({ sheets: [{ name: '村（社区）', part: { name: '', data: SHEET_HEAD + HEADER_ROW, method: 0, claimSize: GB39 * MiB } }] }), { code: 2, ms: 10_000 }),
  bomb('zip bomb: sharedStrings.xml of one 3.9 GiB string', () =>
    workbook({
      sheets: [{ name: '村（社区）', part: sheetXml([HEAD, [{ t: 's', v: '0' }, '城市', '万安街道', 1, '是']]) }],
      sharedStrings: { raw: repeatedDeflate('<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>', Buffer.alloc(MiB, 0x61), GB39, '</t></si></sst>') },
    }),
  ),
  bomb('zip bomb: sharedStrings.xml of 60 million small strings (1 GiB)', () =>
    workbook({
      sheets: [{ name: '村（社区）', part: sheetXml([HEAD, [{ t: 's', v: '0' }, '城市', '万安街道', 1, '是']]) }],
      sharedStrings: { raw: repeatedDeflate('<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', Buffer.from('<si><t>a</t></si>'.repeat(61680)), 1024, '</sst>') },
    }),
  ),
  bomb('zip bomb: sharedStrings.xml of 3.9 GiB whose headers claim 1 KB', () =>
    workbook({
      sheets: [{ name: '村（社区）', part: sheetXml([HEAD, [{ t: 's', v: '0' }, '城市', '万安街道', 1, '是']]) }],
      sharedStrings: { name: '', raw: repeatedDeflate('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>', Buffer.alloc(MiB, 0x61), GB39, '</t></si></sst>'), claimSize: 1024 },
    }),
  { code: 2, ms: 10_000 }),
  bomb('zip bomb: styles.xml of 3.9 GiB', () =>
    workbook({ sheets: [{ name: '村（社区）', part: sheetXml(ROWS_X) }], replace: { 'xl/styles.xml': { raw: repeatedDeflate('<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', spaces, GB39, '</styleSheet>') } } }),
  ),
  bomb('zip bomb: workbook.xml of 3.9 GiB', () =>
    workbook({ sheets: [{ name: '村（社区）', part: sheetXml(ROWS_X) }], replace: { 'xl/workbook.xml': { raw: repeatedDeflate('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets>', spaces, GB39, '</workbook>') } } }),
  ),
  bomb('zip bomb: workbook.xml.rels of 3.9 GiB', () =>
    workbook({ sheets: [{ name: '村（社区）', part: sheetXml(ROWS_X) }], replace: { 'xl/_rels/workbook.xml.rels': { raw: repeatedDeflate('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">', spaces, GB39, '</Relationships>') } } }),
  ),
  bomb('zip bomb: ledger sheet of 3.9 GiB', () => workbook({ sheets: [{ name: '台账', part: sheetBomb(GB39) }] }), { code: 2, stderr: LIMIT, ms: 10_000 }, (f) => ['ledger', f]),
  bomb('zip bomb: --annotate while the sheet inflates to 3.9 GiB', () => workbook({ sheets: [{ name: '村（社区）', part: sheetBomb(GB39) }] }), { code: 2, stderr: LIMIT, ms: 10_000 }, (f) => evaluate(f, '--annotate', path.join(path.dirname(f), 'annotated.xlsx'))),
  {
    name: 'zip bomb: compare against a 3.9 GiB sheet',
    make: (dir) => {
      const f = put(dir, 'bomb.xlsx', workbook({ sheets: [{ name: '村（社区）', part: sheetBomb(GB39) }] }));
      return { args: ['compare', put(dir, 'old.xlsx', oneSheet(ROWS_X)), f, '--plan', 'quanzhou'], names: [f] };
    },
    expect: { code: 2, stderr: LIMIT, ms: 10_000 },
  },
  {
    name: 'zip bomb: batch with a bomb among good files lists it failed and goes on',
    make: (dir) => {
      const inputs = path.join(dir, 'in');
      mkdirSync(inputs);
      put(inputs, 'a-good.xlsx', oneSheet(ROWS_X));
      put(inputs, 'b-bomb.xlsx', workbook({ sheets: [{ name: '村（社区）', part: sheetBomb(GB39) }] }));
      return { args: ['batch', inputs, '--plan', 'quanzhou', '--out', path.join(dir, 'out'), '--quiet', '--fail-on', 'none'] };
    },
    expect: { code: 2, ms: 15_000, stderrFree: true },
    check: (_o, dir) => {
      const s = JSON.parse(readFileSync(path.join(dir, 'out', 'summary.json'), 'utf8'));
      const status = s.files.map((f: any) => `${path.basename(f.input)}:${f.status}`).join(' ');
      if (s.files.length !== 2 || !/a-good\.xlsx:ok/.test(status) || /b-bomb\.xlsx:ok/.test(status)) throw new Error(`summary files: ${status}`);
    },
  },
  {
    name: 'zip with 10,001 entries (over the xlsxEntries limit)',
    make: (dir) => ({
      args: evaluate(put(dir, 'many.xlsx', workbook({ sheets: [{ name: '村（社区）', part: sheetXml(ROWS_X) }], extra: Array.from({ length: 10_001 }, (_, i) => ({ name: `xl/media/x${i}.bin`, data: '', method: 0 })) }))),
    }),
    expect: { code: 2, stderr: LIMIT },
  },

  // — damaged workbooks —
  { name: 'shared-string index 99 of 3', make: (dir) => ({ args: evaluate(put(dir, 'sst.xlsx', sharedIndex('99'))) }), expect: { code: 2, stderr: /A2/ } },
  { name: 'shared-string index -1', make: (dir) => ({ args: evaluate(put(dir, 'sst.xlsx', sharedIndex('-1'))) }), expect: { code: 2, stderr: /A2/ } },
  { name: 'shared-string index "abc"', make: (dir) => ({ args: evaluate(put(dir, 'sst.xlsx', sharedIndex('abc'))) }), expect: { code: 2, stderr: /A2/ } },
  { name: 'shared-string index 1.5', make: (dir) => ({ args: evaluate(put(dir, 'sst.xlsx', sharedIndex('1.5'))) }), expect: { code: 2, stderr: /A2/ } },
  {
    name: 'shared-string cells with no sharedStrings.xml',
    make: (dir) => {
      const rows: Cell[][] = ROWS_X.map((r) => [...r]);
      rows[1][0] = { t: 's', v: '0' };
      return { args: evaluate(put(dir, 'nosst.xlsx', workbook({ sheets: [{ name: '村（社区）', part: sheetXml(rows) }] }))) };
    },
    expect: { code: 2, stderr: /A2/ },
  },
  { name: 'cell ref A0', make: (dir) => ({ args: evaluate(put(dir, 'ref.xlsx', badRef('A0'))) }), expect: { code: 2, notStderr: /NaN/ } },
  { name: 'cell ref B-5', make: (dir) => ({ args: evaluate(put(dir, 'ref.xlsx', badRef('B-5'))) }), expect: { code: 2, notStderr: /NaN/ } },
  { name: 'cell ref ZZZZ99999999', make: (dir) => ({ args: evaluate(put(dir, 'ref.xlsx', badRef('ZZZZ99999999'))) }), expect: { code: 2, notStderr: /NaN/ } },
  { name: 'cell ref XFE2 (column 16,385)', make: (dir) => ({ args: evaluate(put(dir, 'ref.xlsx', badRef('XFE2'))) }), expect: { code: 2, notStderr: /NaN/ } },
  { name: 'cell ref 2A (digits first)', make: (dir) => ({ args: evaluate(put(dir, 'ref.xlsx', badRef('2A'))) }), expect: { code: 2, notStderr: /NaN/ } },
  { name: 'cell ref A1048577 (past the last row): refused or read', make: (dir) => ({ args: evaluate(put(dir, 'ref.xlsx', badRef('A1048577')), '--fail-on', 'none') }), expect: { code: [0, 2], notStderr: /NaN/ } },
  {
    name: 'cell ref B-5 with --annotate writes no workbook',
    make: (dir) => ({ args: evaluate(put(dir, 'ref.xlsx', badRef('B-5')), '--annotate', path.join(dir, 'out.xlsx')) }),
    expect: { code: 2, notStderr: /NaN/ },
    check: (_o, dir) => {
      try {
        readFileSync(path.join(dir, 'out.xlsx'));
      } catch {
        return;
      }
      throw new Error('out.xlsx was written from a damaged workbook');
    },
  },
  { name: 'a workbook with 0 sheets', make: (dir) => ({ args: evaluate(put(dir, 'nosheets.xlsx', workbook({ sheets: [] }))) }), expect: { code: 2, notStderr: /30/ } },
  {
    name: 'a workbook whose sheet part is missing',
    make: (dir) => ({ args: evaluate(put(dir, 'nosheet.xlsx', workbook({ sheets: [{ name: '村（社区）', part: sheetXml(ROWS_X) }], replace: { 'xl/worksheets/sheet1.xml': null } }))) }),
    expect: { code: 2 },
  },
  {
    name: 'a zip without xl/workbook.xml',
    make: (dir) => ({ args: evaluate(put(dir, 'nowb.xlsx', workbook({ sheets: [{ name: '村（社区）', part: sheetXml(ROWS_X) }], replace: { 'xl/workbook.xml': null } }))) }),
    expect: { code: 2 },
  },
  {
    name: 'a sheet relationship pointing outside the package (../../../etc/passwd)',
    make: (dir) => ({
      args: evaluate(
        put(dir, 'rel.xlsx', workbook({ sheets: [{ name: '村（社区）', part: sheetXml(ROWS_X) }], replace: { 'xl/_rels/workbook.xml.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x" Target="../../../../etc/passwd"/></Relationships>' } })),
      ),
    }),
    expect: { code: 2, notStdout: /root:/ },
  },
  { name: 'sheet XML not well-formed', make: (dir) => ({ args: evaluate(put(dir, 'bad.xlsx', workbook({ sheets: [{ name: '村（社区）', part: `${SHEET_HEAD}${HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is>` }] }))) }), expect: { code: 2 } },
  { name: 'sheet XML with a NUL byte', make: (dir) => ({ args: evaluate(put(dir, 'nul.xlsx', workbook({ sheets: [{ name: '村（社区）', part: sheetXml(ROWS_X).replace('塘西社区', '塘西\u0000社区') }] }))) }), expect: { code: [1, 2] } },
  {
    name: 'XXE: an external entity to /etc/passwd in the sheet',
    make: (dir) => ({ args: evaluate(put(dir, 'xxe.xlsx', workbook({ sheets: [{ name: '村（社区）', part: sheetXml(ROWS_X).replace('<worksheet', '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet').replace('塘西社区', '&xxe;') }] }))) }),
    expect: { code: 2, notStdout: /root:/, notStderr: /root:/ },
  },
  {
    name: 'XXE: an external entity in sharedStrings.xml',
    make: (dir) => ({
      args: evaluate(put(dir, 'xxe-sst.xlsx', workbook({ sheets: [{ name: '村（社区）', part: sheetXml([HEAD, [{ t: 's', v: '0' }, '城市', '万安街道', 1, '是']]) }], sharedStrings: '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&xxe;</t></si></sst>' }))),
    }),
    expect: { code: 2, notStdout: /root:/, notStderr: /root:/ },
  },
  {
    name: 'billion laughs in the sheet XML',
    make: (dir) => {
      const ents = ['<!ENTITY l0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`)].join('');
      return { args: evaluate(put(dir, 'laughs.xlsx', workbook({ sheets: [{ name: '村（社区）', part: sheetXml(ROWS_X).replace('<worksheet', `<!DOCTYPE worksheet [${ents}]><worksheet`).replace('塘西社区', '&l9;') }] }))) };
    },
    expect: { code: 2, ms: 10_000 },
  },
  {
    name: 'billion laughs in sharedStrings.xml',
    make: (dir) => {
      const ents = ['<!ENTITY l0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`)].join('');
      return { args: evaluate(put(dir, 'laughs-sst.xlsx', workbook({ sheets: [{ name: '村（社区）', part: sheetXml([HEAD, [{ t: 's', v: '0' }, '城市', '万安街道', 1, '是']]) }], sharedStrings: `<?xml version="1.0"?><!DOCTYPE sst [${ents}]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&l9;</t></si></sst>` }))) };
    },
    expect: { code: 2, ms: 10_000 },
  },
  {
    name: 'an inline-string cell of 1.1 million characters (over cellChars)',
    make: (dir) => {
      const rows: Cell[][] = ROWS_X.map((r) => [...r]);
      rows[1][0] = 'x'.repeat(1_100_000);
      return { args: evaluate(put(dir, 'longcell.xlsx', oneSheet(rows))) };
    },
    expect: { code: 2, stderr: LIMIT },
  },
  { name: 'sheet compressed with an unknown method (12)', make: (dir) => ({ args: evaluate(put(dir, 'method.xlsx', workbook({ sheets: [{ name: '村（社区）', part: { name: '', data: sheetXml(ROWS_X), method: 12 } }] }))) }), expect: { code: 2 } },
  {
    name: 'path traversal names inside the zip are never written anywhere',
    make: (dir) => {
      mkdirSync(path.join(dir, 'w'));
      const extra = ['../../evil-a.txt', '/tmp/evil-b.txt', '..\\..\\evil-c.txt', 'xl/../../evil-d.txt'].map((name) => ({ name, data: 'pwned' }));
      return { args: evaluate(put(path.join(dir, 'w'), 'traversal.xlsx', workbook({ sheets: [{ name: '村（社区）', part: sheetXml(ROWS_X) }], extra })), '--fail-on', 'none'), cwd: path.join(dir, 'w') };
    },
    expect: { code: [0, 2] },
    check: (_o, dir) => {
      for (const p of [path.join(dir, 'evil-a.txt'), path.join(dir, '..', 'evil-a.txt'), '/tmp/evil-b.txt', path.join(dir, 'evil-d.txt')]) {
        try {
          readFileSync(p);
        } catch {
          continue;
        }
        throw new Error(`${p} was written`);
      }
    },
  },
  { name: '--sheet naming a sheet that is not there', make: (dir) => ({ args: evaluate(put(dir, 'ok.xlsx', oneSheet(ROWS_X)), '--sheet', '不存在') }), expect: { code: 2, stderr: /不存在/ } },

  // — non-finite numbers in number cells —
  ...['1e309', '-1e400', 'NaN', 'Infinity', '9'.repeat(309)].map(
    (v): Case => ({
      name: `xlsx number cell <v>${v.length > 20 ? '9×309' : v}</v> is unreadable, never Infinity/NaN`,
      make: (dir) => ({ args: evaluate(put(dir, 'num.xlsx', withCell(`<c r="D2"><v>${v}</v></c>`)), '--format', 'json') }),
      expect: { code: 1 },
      check: (o) => {
        const r = JSON.parse(o.stdout);
        if (!r.findings.some((f: any) => f.code === 'cell-type' && f.location?.cell === 'D2')) throw new Error('no cell-type finding at D2');
      },
    }),
  ),

  // — classic hostile files with an .xlsx name —
  { name: '0-byte .xlsx', make: (dir) => ({ args: evaluate(put(dir, 'empty.xlsx', '')) }), expect: { code: 2 } },
  { name: 'encrypted workbook (CFB signature D0 CF 11 E0) as .xlsx', make: (dir) => ({ args: evaluate(put(dir, 'enc.xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), noise(8192, 7)]))) }), expect: { code: 2, stderr: /复合文档（\.xls）结构已损坏/ } },
  { name: 'CFB signature named .csv', make: (dir) => ({ args: evaluate(put(dir, 'enc.csv', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), noise(8192, 8)]))) }), expect: { code: 2 } },
  { name: 'truncated .xlsx (first half of a fixture)', make: (dir) => ({ args: evaluate(put(dir, 'half.xlsx', readFileSync(FIXTURE).subarray(0, Math.floor(readFileSync(FIXTURE).length / 2)))) }), expect: { code: 2 } },
  { name: 'truncated .xlsx (first 100 bytes)', make: (dir) => ({ args: evaluate(put(dir, 'head.xlsx', readFileSync(FIXTURE).subarray(0, 100))) }), expect: { code: 2 } },
  { name: 'truncated .xlsx (last 10 bytes cut, end record damaged)', make: (dir) => ({ args: evaluate(put(dir, 'tail.xlsx', readFileSync(FIXTURE).subarray(0, readFileSync(FIXTURE).length - 10))) }), expect: { code: 2 } },
  { name: 'random bytes behind a zip signature', make: (dir) => ({ args: evaluate(put(dir, 'noise.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), noise(20_000, 3)]))) }), expect: { code: 2 } },
  { name: 'random bytes named .xlsx', make: (dir) => ({ args: evaluate(put(dir, 'noise2.xlsx', noise(20_000, 4))) }), expect: { code: 2 } },
  { name: 'a CSV named .xlsx', make: (dir) => ({ args: evaluate(put(dir, 'csv.xlsx', 'a,b\n1,2\n')) }), expect: { code: 2, stderr: /zip/ } },
  {
    name: 'central directory claims entries at offsets past the end',
    make: (dir) => {
      const b = oneSheet(ROWS_X);
      const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
      b.writeUInt32LE(0x7fffffff, eocd + 16); // central directory offset
      return { args: evaluate(put(dir, 'offset.xlsx', b)) };
    },
    expect: { code: 2 },
  },
];
