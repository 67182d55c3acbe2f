// Delimited text: records too long to parse, quotes never closed, numbers that are not finite,
// invalid UTF-8, prototype names as headers, and the data contract's edge cases (encodings, title
// rows, two-row headers, duplicate and unknown columns, ragged and total rows, full-width digits),
// plus the classic hostile paths given as a CSV: directories, FIFOs, devices, binary files.

import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Outcome } from '../runner.js';
import type { Case } from './common.js';
import { HEAD, LIMIT, ROWS, SURVEY, csv, evaluate, noise, put } from './common.js';

const json = (o: Outcome): any => JSON.parse(o.stdout);
const findings = (o: Outcome, code: string): any[] => json(o).findings.filter((f: any) => f.code === code);
const rowsRead = (n: number) => (o: Outcome) => {
  const rows = json(o).summary.rows;
  if (rows !== n) throw new Error(`summary.rows ${rows}, expected ${n}`);
};
const noFinding = (code: string) => (o: Outcome) => {
  const f = findings(o, code);
  if (f.length) throw new Error(`unexpected ${code}: ${JSON.stringify(f[0].args)} at ${JSON.stringify(f[0].location)}`);
};
const all = (...checks: ((o: Outcome) => void)[]) => (o: Outcome) => checks.forEach((c) => c(o));

/** A case reading `bytes` as name, `--format json --fail-on none`, expecting exit 0 and `check`. */
const accepted = (name: string, file: string, bytes: () => string | Buffer, check: (o: Outcome) => void, more: string[] = []): Case => ({
  name,
  make: (dir) => ({ args: evaluate(put(dir, file, bytes()), '--format', 'json', '--fail-on', 'none', ...more) }),
  expect: { code: 0 },
  check,
});

/** A case whose file must be refused: exit 2, one line naming it (and matching `stderr`). */
const refused = (name: string, file: string, bytes: () => string | Buffer, stderr?: RegExp, ms?: number): Case => ({
  name,
  make: (dir) => ({ args: evaluate(put(dir, file, bytes())) }),
  expect: { code: 2, stderr, ms },
});

/** The survey with cell D2 (户数 of the first community) replaced by `value`. */
const withHouseholds = (value: string) => csv([HEAD, [ROWS[0][0], ROWS[0][1], ROWS[0][2], value, ROWS[0][4]], ...ROWS.slice(1)]);

/** A non-finite or overflowing number must be a cell-type error at D2, never Infinity in any output. */
const nonFinite = (label: string, value: string, format: 'json' | 'table' | 'markdown'): Case => ({
  name: `number ${label} in a number cell (${format}) is an unreadable cell, never Infinity`,
  make: (dir) => ({ args: evaluate(put(dir, 'num.csv', withHouseholds(value)), '--format', format) }),
  // Where the cell itself says Infinity or NaN, the finding quotes it; otherwise the words never appear.
  expect: { code: 1, ...(/Infinity|NaN/.test(value) ? {} : { notStdout: /Infinity|NaN/ }) },
  check:
    format === 'json'
      ? (o) => {
          const bad = findings(o, 'cell-type');
          if (!bad.some((f) => f.location?.cell === 'D2')) throw new Error(`no cell-type finding at D2 (found ${bad.map((f) => f.location?.cell).join(',') || 'none'})`);
          const report = JSON.parse(o.stdout) as { indicators: { id: string; status: string; value: unknown }[] };
          const hollow = report.indicators.filter((i) => i.status === 'met' && (typeof i.value !== 'number' || !Number.isFinite(i.value)));
          if (hollow.length) throw new Error(`met without a finite value: ${hollow.map((i) => i.id).join(', ')}`);
        }
      : undefined,
});

const utf8WithByte = (bytes: number[], at: 'data' | 'header' | 'end'): Buffer => {
  const text = SURVEY;
  const b = Buffer.from(text, 'utf8');
  if (at === 'end') return Buffer.concat([b.subarray(0, b.length - 1), Buffer.from(bytes)]);
  const anchor = Buffer.from(at === 'data' ? '后埭' : '户数', 'utf8');
  const i = b.indexOf(anchor);
  return Buffer.concat([b.subarray(0, i), Buffer.from(bytes), b.subarray(i)]);
};

export const csvCases: Case[] = [
  // — records too long —
  refused('one unquoted field of 10 MB', 'longfield.csv', () => SURVEY + `超长村,农村,万安街道,${'9'.repeat(10 * 1024 * 1024)},是\n`, LIMIT, 10_000),
  refused('one quoted field of 20 MB with newlines', 'longquoted.csv', () => SURVEY + `"${'长\n'.repeat(10 * 1024 * 1024)}",农村,万安街道,1,是\n`, LIMIT, 10_000),
  refused('a 5 MB record of short fields', 'longrecord.csv', () => SURVEY + `${'abcdefghij,'.repeat(500_000)}\n`, LIMIT, 10_000),
  refused('an unterminated quote followed by 8 MB of lines', 'unterminated-big.csv', () => SURVEY + '"未闭合,农村,万安街道,1,是\n' + '下洋村,农村,万安街道,600,是\n'.repeat(8 * 1024 * 1024 / 30), undefined, 10_000),
  refused('an unterminated quote in the last record', 'unterminated.csv', () => csv([HEAD, ROWS[0]]) + '后埭社区,城市,万安街道,"2000,是\n', /记录|record/),
  refused('a header of 20,000 columns', 'wide.csv', () => csv([[...HEAD, ...Array.from({ length: 20_000 }, (_, i) => `列${i}`)], ...ROWS]), LIMIT),
  refused('one line of 1,000,000 commas', 'commas.csv', () => ','.repeat(1_000_000) + '\n', undefined, 10_000),
  refused('100,000 blank lines before the header', 'blank-top.csv', () => '\n'.repeat(100_000) + SURVEY, undefined, 10_000),
  {
    name: '100,000 communities are read within time (no stack growth per row)',
    make: (dir) => {
      const lines = [HEAD.join(',')];
      for (let i = 0; i < 100_000; i++) lines.push(`社区${i},${i % 2 ? '城市' : '农村'},镇${i % 50},${100 + (i % 900)},${i % 3 ? '是' : '否'}`);
      return { args: evaluate(put(dir, 'big.csv', lines.join('\n') + '\n'), '--fail-on', 'none', '--format', 'json', '--max-findings', '10') };
    },
    expect: { code: 0, ms: 30_000 },
    check: rowsRead(100_000),
  },

  // — numbers —
  nonFinite('of 309 nines', '9'.repeat(309), 'json'),
  nonFinite('of 309 nines', '9'.repeat(309), 'table'),
  nonFinite('of 309 nines', '9'.repeat(309), 'markdown'),
  nonFinite('of 309 full-width nines', '９'.repeat(309), 'json'),
  nonFinite('1e309', '1e309', 'json'),
  nonFinite('Infinity', 'Infinity', 'json'),
  nonFinite('-Infinity', '-Infinity', 'json'),
  nonFinite('NaN', 'NaN', 'json'),
  {
    name: 'number of 309 nines in 综合服务设施建筑面积 never shows as a met Infinity',
    make: (dir) => {
      const head = [...HEAD, '综合服务设施建筑面积（平方米）', '居民活动区域面积（平方米）'];
      const rows = [[...ROWS[0], '9'.repeat(309), 200], [...ROWS[1], 300, 200], [...ROWS[2], 400, 250]];
      return { args: evaluate(put(dir, 'area.csv', csv([head, ...rows])), '--format', 'json') };
    },
    expect: { code: 1, notStdout: /Infinity|NaN/ },
    check: (o) => {
      const r = json(o);
      if (!findings(o, 'cell-type').some((f) => f.location?.cell === 'F2')) throw new Error('no cell-type finding at F2');
      for (const i of r.indicators) if (i.status === 'met' && (i.value === null || i.value === undefined)) throw new Error(`${i.id} met with value ${i.value}`);
    },
  },

  // — invalid UTF-8 —
  refused('one 0xFF byte in a UTF-8 data row', 'ff.csv', () => utf8WithByte([0xff], 'data'), /FF/i),
  refused('a lone continuation byte 0x80 in the UTF-8 header', 'x80.csv', () => utf8WithByte([0x80], 'header'), /80/),
  refused('an overlong encoding C0 AF in a UTF-8 data row', 'overlong.csv', () => utf8WithByte([0xc0, 0xaf], 'data'), /C0/i),
  {
    name: 'a UTF-8 sequence cut at the end of the file',
    make: (dir) => ({ args: evaluate(put(dir, 'cut.csv', utf8WithByte([0xe4, 0xb8], 'end')), '--fail-on', 'none') }),
    expect: { code: [0, 2], stderr: /E4|B8|UTF-8/i },
  },

  // — data contract: encodings and shapes that must be read —
  accepted('contract: UTF-8 with BOM', 'bom.csv', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SURVEY)]), rowsRead(3)),
  accepted('contract: GBK', 'gbk.csv', () => iconv.encode(SURVEY, 'gbk'), rowsRead(3)),
  accepted('contract: GB18030 with a four-byte character', 'gb18030.csv', () => iconv.encode(csv([HEAD, ['𠀀村', '农村', '万安街道', 600, '是'], ...ROWS.slice(1)]), 'gb18030'), all(rowsRead(3), noFinding('cell-type'))),
  accepted('contract: UTF-16LE with BOM, tab-separated (Excel Unicode text)', 'u16.txt', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([HEAD, ...ROWS].map((r) => r.join('\t')).join('\r\n') + '\r\n', 'utf16le')]), rowsRead(3)),
  accepted('contract: UTF-16BE with BOM', 'u16be.csv', () => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(SURVEY, 'utf16le').swap16()]), rowsRead(3)),
  accepted('contract: two title rows above the header', 'title.csv', () => csv([['2024年城乡社区服务体系建设情况调查表'], ['填报单位：洛江区民政局'], HEAD, ...ROWS]), rowsRead(3)),
  accepted(
    'contract: a two-row header with a group cell',
    'tworow.csv',
    () => csv([[...HEAD, '综合服务设施', ''], [...HEAD.map(() => ''), '建筑面积（平方米）', '居民活动区域面积（平方米）'], [...ROWS[0], 300, 200], [...ROWS[1], 300, 200], [...ROWS[2], 300, 200]]),
    all(rowsRead(3), noFinding('unknown-column'), noFinding('cell-type')),
  ),
  accepted('contract: unknown columns are reported once each', 'unknown.csv', () => csv([[...HEAD, '备注', '联系人'], ...ROWS.map((r) => [...r, '无', '张三'])]), (o) => {
    const cols = findings(o, 'unknown-column').map((f) => f.args.column).sort();
    if (JSON.stringify(cols) !== JSON.stringify(['备注', '联系人'].sort())) throw new Error(`unknown columns ${JSON.stringify(cols)}`);
  }),
  accepted('contract: a 合计 row is skipped, not counted', 'total.csv', () => csv([HEAD, ...ROWS, ['合计', '', '', 5800, '']]), all(rowsRead(3), (o) => {
    if (findings(o, 'skipped-row').length !== 1) throw new Error('no skipped-row finding for 合计');
  })),
  accepted('contract: full-width digits, thousands separators and units', 'numbers.csv', () => csv([HEAD, ['塘西社区', '城市', '万安街道', '３２００', '是'], ['后埭社区', '城市', '万安街道', '2,000', '是'], ['下洋村', '农村', '万安街道', '600户', '是']]), noFinding('cell-type')),
  accepted('contract: yes/no words 有 √ ✓ Y 否 × N', 'bools.csv', () => csv([HEAD, ...['有', '√', 'Y', '×', 'N', '否'].map((b, i) => [`社区${i}`, '城市', '万安街道', 100, b])]), all(rowsRead(6), noFinding('cell-type'))),
  accepted('contract: semicolon delimiter', 'semi.csv', () => [HEAD, ...ROWS].map((r) => r.join(';')).join('\n') + '\n', rowsRead(3)),
  accepted('contract: tab-separated .tsv', 'tab.tsv', () => [HEAD, ...ROWS].map((r) => r.join('\t')).join('\n') + '\n', rowsRead(3)),
  accepted('contract: CRLF line ends', 'crlf.csv', () => SURVEY.replace(/\n/g, '\r\n'), rowsRead(3)),
  accepted('contract: lone CR line ends (old Mac)', 'cr.csv', () => SURVEY.replace(/\n/g, '\r'), rowsRead(3)),
  accepted('contract: blank lines between rows', 'blanks.csv', () => csv([HEAD, ROWS[0], [], [], ROWS[1], [], ROWS[2]]), rowsRead(3)),
  accepted('contract: headers spelled with spaces, quotes and a unit', 'spelled.csv', () => csv([['村（社区）名称', '城乡类型', '乡镇（街道）', '户 数', '综合服务设施建筑面积(㎡)'], ['塘西社区', '城市', '万安街道', 3200, 300], ['后埭社区', '城市', '万安街道', 2000, 200]]), all(rowsRead(2), noFinding('unknown-column'))),
  accepted('contract: empty cells are missing, not errors', 'empty-cells.csv', () => csv([HEAD, ['塘西社区', '城市', '万安街道', '', ''], ...ROWS.slice(1)]), all(rowsRead(3), noFinding('cell-type'))),
  accepted('headers __proto__, constructor, toString, valueOf, hasOwnProperty are unknown columns', 'proto.csv', () => csv([[...HEAD, '__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'], ...ROWS.map((r) => [...r, 1, 2, 3, 4, 5])]), (o) => {
    const cols = findings(o, 'unknown-column').map((f) => f.args.column).sort();
    if (JSON.stringify(cols) !== JSON.stringify(['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf'])) throw new Error(`unknown columns ${JSON.stringify(cols)}`);
  }),
  accepted('communities named __proto__, constructor and toString', 'proto-names.csv', () => csv([HEAD, ['__proto__', '城市', 'constructor', 100, '是'], ['toString', '城市', 'valueOf', 100, '是'], ['constructor', '农村', '__proto__', 100, '否']]), rowsRead(3)),
  {
    name: 'contract: ragged rows are errors at their rows and still counted',
    make: (dir) => ({ args: evaluate(put(dir, 'ragged.csv', csv([HEAD, ROWS[0].slice(0, 4), [...ROWS[1], '多余'], ROWS[2]])), '--format', 'json') }),
    expect: { code: 1 },
    check: (o) => {
      const rows = findings(o, 'ragged-row').map((f) => f.location.row);
      if (JSON.stringify(rows) !== '[2,3]') throw new Error(`ragged rows ${JSON.stringify(rows)}`);
      rowsRead(3)(o);
    },
  },

  // — data contract: what must be refused —
  refused('contract: an empty file', 'empty.csv', () => ''),
  refused('contract: a header and no rows', 'header-only.csv', () => csv([HEAD])),
  refused('contract: a BOM and nothing else', 'bom-only.csv', () => Buffer.from([0xef, 0xbb, 0xbf])),
  refused('contract: only blank lines and spaces', 'blank.csv', () => '\n \n\t\n\n'),
  refused('contract: duplicate columns 户数 and 总户数', 'dup.csv', () => csv([[...HEAD, '总户数'], ...ROWS.map((r) => [...r, 1])]), /总户数/),
  refused('contract: the same header twice', 'dup2.csv', () => csv([[...HEAD, '户数'], ...ROWS.map((r) => [...r, 1])]), /户数/),
  refused('contract: required column 城乡类型 missing', 'nokind.csv', () => csv([HEAD.filter((h) => h !== '城乡类型'), ...ROWS.map((r) => r.filter((_, i) => i !== 1))]), /城乡类型/),
  refused('contract: no recognisable header', 'noheader.csv', () => csv([['a', 'b', 'c'], [1, 2, 3]])),
  { name: '--encoding naming no encoding', make: (dir) => ({ args: evaluate(put(dir, 'ok.csv', SURVEY), '--encoding', 'klingon-8') }), expect: { code: 2, stderr: /klingon-8/ } },

  // — classic hostile paths —
  refused('NUL bytes only, named .csv', 'nul.csv', () => Buffer.alloc(4096)),
  refused('a PNG named .csv', 'picture.csv', () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise(2048, 5)])),
  refused('random bytes named .csv', 'noise.csv', () => noise(100_000, 6)),
  refused('a zip named .csv', 'zip.csv', () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), noise(512, 9)])),
  refused('a .pdf extension', 'survey.pdf', () => '%PDF-1.4\n'),
  {
    name: 'a directory named x.csv',
    make: (dir) => {
      mkdirSync(path.join(dir, 'x.csv'));
      return { args: evaluate(path.join(dir, 'x.csv')) };
    },
    expect: { code: 2 },
  },
  {
    name: 'a FIFO named x.csv (no writer) is refused, not waited on',
    make: (dir) => {
      execFileSync('mkfifo', [path.join(dir, 'x.csv')]);
      return { args: evaluate(path.join(dir, 'x.csv')) };
    },
    expect: { code: 2, ms: 10_000 },
  },
  { name: '/dev/zero as the input', make: () => ({ args: evaluate('/dev/zero'), names: ['/dev/zero'] }), expect: { code: 2, ms: 10_000 } },
  { name: '/dev/urandom as the input', make: () => ({ args: evaluate('/dev/urandom'), names: ['/dev/urandom'] }), expect: { code: 2, ms: 10_000 } },
  {
    name: 'a symlink zero.csv → /dev/zero',
    make: (dir) => {
      symlinkSync('/dev/zero', path.join(dir, 'zero.csv'));
      return { args: evaluate(path.join(dir, 'zero.csv')) };
    },
    expect: { code: 2, ms: 10_000 },
  },
  { name: 'a file that does not exist', make: (dir) => ({ args: evaluate(path.join(dir, '不存在.csv')) }), expect: { code: 2 } },
];
