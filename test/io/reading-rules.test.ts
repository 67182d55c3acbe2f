// Data contract §1.4, rule by rule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMUNITY_FIELDS } from '../../src/schema/contract.js';
import { CscheckError } from '../../src/schema/errors.js';
import { HeaderMatcher, normalizeHeader } from '../../src/io/header-match.js';
import { INVALID, quickNumber, parseArea, parseBoolean, parseCode, parseCount, parseHours, parseKind, parsePercent, parseReported, parseText } from '../../src/io/values.js';
import iconv from 'iconv-lite';
import { decodeSample, sniffDelimiter, sniffSampleDelimiter } from '../../src/io/text-sniff.js';
import type { Collect } from './support.js';
import { read, writeText } from './support.js';
import { readInput } from '../../src/io/read-input.js';

const matcher = new HeaderMatcher(COMMUNITY_FIELDS);
const fieldOf = (header: string) => {
  const i = matcher.match(header);
  return i < 0 ? null : COMMUNITY_FIELDS[i].id;
};

describe('header matching', () => {
  it('compares after NFKC, trimming, removing white space and quotation marks, and dropping a trailing unit', () => {
    for (const h of ['综合服务设施建筑面积(㎡)', '综合服务设施建筑面积 （平方米）', '综合服务设施建筑面积', ' 综合服务设施建筑面积（平方米） ', '综合服务设施建筑面积[平方米]']) {
      expect(fieldOf(h), h).toBe('facility_area');
    }
    expect(fieldOf('“法律明白人”人数')).toBe('legal_literates');
    expect(fieldOf('法律明白人人数')).toBe('legal_literates');
    expect(fieldOf('每日开放服务时长（小时）')).toBe('daily_open_hours');
    expect(normalizeHeader('户 数')).toBe('户数');
  });

  it('matches the field id itself and the common short forms', () => {
    expect(fieldOf('facility_area')).toBe('facility_area');
    expect(fieldOf('FACILITY_AREA')).toBe('facility_area');
    expect(fieldOf('社区名称')).toBe('community');
    expect(fieldOf('村名')).toBe('community');
    expect(fieldOf('户 数')).toBe('households');
    expect(fieldOf('家长学校')).toBe('has_parent_school');
  });

  it('takes text that NFKC, trimming and lower-casing leave alone as it is (the quick path)', () => {
    // The characters normalizeHeader passes through untouched: each one must be its own NFKC form,
    // its own lower case, and no white space, quotation mark or bracket.
    const plain: number[] = [0x2d, 0x2e, 0x5f];
    for (let c = 0x30; c <= 0x39; c++) plain.push(c);
    for (let c = 0x61; c <= 0x7a; c++) plain.push(c);
    for (let c = 0x4e00; c <= 0x9fff; c++) plain.push(c);
    const changed = plain.map((c) => String.fromCharCode(c)).filter((ch) => ch.normalize('NFKC') !== ch || ch.toLowerCase() !== ch || /[\s"'“”‘’「」『』《》〈〉()[\]【】]/.test(ch));
    expect(changed).toEqual([]);
    expect(normalizeHeader('东街社区')).toBe('东街社区');
    expect(normalizeHeader('12.5')).toBe('12.5');
    // One character outside that set sends the whole text through normalisation.
    expect(normalizeHeader('东街社区（城区）')).toBe('东街社区');
    expect(normalizeHeader('Ｆacility_area')).toBe('facility_area');
    expect(normalizeHeader('户数\u200b')).toBe('户数');
  });

  it('keeps an unknown header unmatched', () => {
    expect(fieldOf('序号')).toBeNull();
    expect(fieldOf('__proto__')).toBeNull();
    expect(fieldOf('constructor')).toBeNull();
  });
});

describe('cell values', () => {
  it('reads the contract’s yes and no words; empty is missing', () => {
    for (const w of ['是', '有', '已建', '已设立', '√', '✓', 'Y', 'yes', 'TRUE', '1', 1, true]) expect(parseBoolean(w), String(w)).toBe(true);
    for (const w of ['否', '无', '未建', '未设立', '×', '✗', 'N', 'no', 'false', '0', 0, false]) expect(parseBoolean(w), String(w)).toBe(false);
    expect(parseBoolean('')).toBeNull();
    expect(parseBoolean('  ')).toBeNull();
    expect(parseBoolean(null)).toBeNull();
    expect(parseBoolean('待建')).toBe(INVALID);
    expect(parseBoolean(2)).toBe(INVALID);
  });

  it('reads plain digits (with at most one inner point, at most 15 characters) as the number they write', () => {
    expect(quickNumber('0')).toBe(0);
    expect(quickNumber('007')).toBe(7);
    expect(quickNumber('2631')).toBe(2631);
    expect(quickNumber('999999999999999')).toBe(999_999_999_999_999);
    expect(quickNumber('445.1')).toBe(445.1);
    expect(quickNumber('0.1')).toBe(0.1);
    for (const s of ['', '1234567890123456', '-1', '1.', '.5', '1.2.3', '1e3', '0x10', ' 1', '1,000', '１２']) expect(quickNumber(s), s).toBeNaN();
    // Any digit string the quick path takes reads as JavaScript's own conversion reads it.
    const digits = fc.stringMatching(/^\d{1,15}$/);
    const decimals = fc.stringMatching(/^\d{1,7}\.\d{1,7}$/);
    fc.assert(fc.property(fc.oneof(digits, decimals), (s) => Object.is(quickNumber(s), Number(s))));
  });

  it('reads numbers with full-width digits, thousands separators and unit suffixes', () => {
    expect(parseCount('１２')).toBe(12);
    expect(parseCount('1,234')).toBe(1234);
    expect(parseCount('12人')).toBe(12);
    expect(parseCount('3,000户')).toBe(3000);
    expect(parseArea('30平方米')).toBe(30);
    expect(parseArea('30㎡')).toBe(30);
    expect(parseArea('320.5 平方米')).toBe(320.5);
    expect(parseArea(45.5)).toBe(45.5);
    expect(parseHours('8小时')).toBe(8);
    expect(parseHours('7.5')).toBe(7.5);
  });

  it('refuses what it cannot read for sure', () => {
    expect(parseArea('约300')).toBe(INVALID);
    expect(parseArea('30人')).toBe(INVALID); // a head count is not an area
    expect(parseCount('12.5人')).toBe(INVALID); // people come whole
    expect(parseCount('1,23')).toBe(INVALID); // not a thousands separator
    expect(parseCount('-3')).toBe(INVALID);
    expect(parseHours('25')).toBe(INVALID); // a day has 24 hours
    expect(parseArea('#DIV/0!')).toBe(INVALID);
  });

  it('refuses numbers that are not finite or past 2^53 − 1, as text and as XLSX numbers', () => {
    const nines = '9'.repeat(309); // Number() of it is Infinity
    expect(parseArea(nines)).toBe(INVALID);
    expect(parseCount(nines + '人')).toBe(INVALID);
    expect(parseCount('999,' + '999,'.repeat(120) + '999')).toBe(INVALID);
    expect(parsePercent(nines + '%')).toBe(INVALID);
    expect(parseReported(nines, false, false)).toBe(INVALID);
    for (const s of ['Infinity', '-Infinity', '1e999', 'NaN']) expect(parseArea(s), s).toBe(INVALID);
    // XLSX numeric cells arrive as numbers.
    for (const n of [Infinity, -Infinity, NaN, 1e300, 2 ** 53]) {
      expect(parseArea(n), String(n)).toBe(INVALID);
      expect(parseCount(n), String(n)).toBe(INVALID);
      expect(parsePercent(n), String(n)).toBe(INVALID);
      expect(parseReported(n, false, false), String(n)).toBe(INVALID);
    }
    expect(parsePercent(1e308, true)).toBe(INVALID); // ×100 overflows
    expect(parseArea(2 ** 53 - 1)).toBe(2 ** 53 - 1);
    expect(parseText(new Date(NaN))).toBe(INVALID); // an XLSX date serial out of range
  });

  it('reads percent-typed values as 75%, 75, or an Excel percent cell holding 0.75', () => {
    expect(parsePercent('75%')).toBe(75);
    expect(parsePercent('75')).toBe(75);
    expect(parsePercent(0.75, true)).toBe(75);
    expect(parsePercent(75)).toBe(75);
    expect(parsePercent('７５％')).toBe(75);
  });

  it('reads 城乡类型 spellings as 城市 or 农村', () => {
    for (const w of ['城市', '城镇', '社区', '居委会']) expect(parseKind(w)).toBe('城市');
    for (const w of ['农村', '乡村', '村', '村委会', ' 农 村 ']) expect(parseKind(w)).toBe('农村');
    expect(parseKind('郊区')).toBe(INVALID);
  });

  it('keeps the leading zeros of 统计用区划代码 and refuses a code Excel has rounded', () => {
    expect(parseCode('050504001001')).toBe('050504001001');
    expect(parseCode(50504001001)).toBe('050504001001');
    expect(parseCode('3.50504E+11')).toBe(INVALID);
    expect(parseCode('35050400100')).toBe(INVALID);
  });
});

const HEADER = '乡镇（街道）,村（社区）名称,城乡类型,户数,综合服务设施建筑面积（平方米）,是否建有综合服务设施';

describe('reading a CSV export', () => {
  it('treats an empty cell as missing, not zero', async () => {
    const s = await read(writeText('a.csv', `${HEADER}\n万安街道,塘西社区,城市,,320,是\n万安街道,万安社区,城市,0,,否\n`));
    expect(s.community()).toHaveLength(2);
    expect(s.rows[0].v.households).toBeUndefined();
    expect(s.rows[1].v.households).toBe(0);
    expect(s.rows[1].v.facility_area).toBeUndefined();
    expect(s.findings).toEqual([]);
  });

  it('reports an unreadable cell with file, row, column, cell and value, and keeps the rest of the row', async () => {
    const path = writeText('b.csv', `${HEADER}\n罗溪镇,柏山村,农村,410,约300,是\n`);
    const s = await read(path);
    expect(s.findings).toHaveLength(1);
    const f = s.findings[0];
    expect(f.code).toBe('cell-type');
    expect(f.severity).toBe('error');
    expect(f.location).toMatchObject({ file: path, row: 2, column: '综合服务设施建筑面积（平方米）', cell: 'E2', township: '罗溪镇', community: '柏山村' });
    expect(f.args.value).toBe('约300');
    expect(s.rows[0].v).toMatchObject({ households: 410, has_service_facility: true, kind: '农村' });
    expect(s.rows[0].v.facility_area).toBeUndefined();
  });

  it('finds the header below title rows', async () => {
    const text = `洛江区2024年城乡社区服务体系建设情况调查表,,,,,\n填报单位：洛江区民政局,,,,,\n${HEADER}\n河市镇,河市村,农村,600,280,是\n`;
    const s = await read(writeText('c.csv', text));
    expect(s.community()).toHaveLength(1);
    expect(s.rows[0].row).toBe(4);
    expect(s.rows[0].v.community).toBe('河市村');
  });

  it('joins a header that spans two rows (a group cell above its columns)', async () => {
    const text = [
      '乡镇（街道）,村（社区）名称,城乡类型,综合服务设施,,志愿者,',
      ',,,建筑面积（平方米）,居民活动区域面积（平方米）,注册志愿者人数,有服务时间记录的志愿者人数',
      '双阳街道,侨光社区,城市,340,200,900,600',
    ].join('\n');
    const s = await read(writeText('d.csv', text));
    expect(s.rows[0].v).toMatchObject({ facility_area: 340, activity_area: 200, registered_volunteers: 900, volunteers_with_hours: 600 });
    expect(s.rows[0].row).toBe(3);
    expect(s.findings).toEqual([]);
  });

  it('reports an unknown column once, never as an error', async () => {
    const s = await read(writeText('e.csv', `序号,${HEADER}\n1,万安街道,塘西社区,城市,500,320,是\n2,万安街道,万安社区,城市,400,300,是\n`));
    const unknown = s.findings.filter((f) => f.code === 'unknown-column');
    expect(unknown).toHaveLength(1);
    expect(unknown[0].severity).toBe('info');
    expect(unknown[0].args.column).toBe('序号');
  });

  it('refuses two columns that map to the same field', async () => {
    const err = await read(writeText('f.csv', `${HEADER},总户数\n万安街道,塘西社区,城市,500,320,是,500\n`)).catch((e) => e);
    expect(err).toBeInstanceOf(CscheckError);
    expect(err.messageId).toBe('input.duplicate-column');
    expect(err.args).toMatchObject({ first: '户数', second: '总户数', field: 'households' });
  });

  it('refuses a table without the required 城乡类型 column', async () => {
    const err = await read(writeText('g.csv', '乡镇（街道）,村（社区）名称,户数\n万安街道,塘西社区,500\n')).catch((e) => e);
    expect(err.messageId).toBe('input.missing-column');
    expect(err.args.column).toBe('城乡类型');
  });
});

describe('small files read whole, large ones streamed', () => {
  // A small file is read in one call and parsed from memory; one over 256 KiB is streamed in
  // pieces. The same lines must give the same rows and findings either way.
  const lines = [
    '万安街道,塘西社区,城市,1200,320,是',
    '罗溪镇,"柏山村\n（原柏山大队）",农村,410,约300,是',
    '罗溪镇,洪四村,农村,380,150',
    '',
    '双阳街道,侨光社区,城市,2100,450,否',
  ];
  const copies = 2600; // 5 lines of ~40 bytes each: about 500 KiB
  const rowsOf = (s: Collect) => s.rows.map((r) => [r.row, r.v.community, r.v.households, r.v.has_service_facility]);
  const findingsOf = (s: Collect) => s.findings.map((f) => [f.code, f.location.row]);

  it('gives the same rows and findings', async () => {
    const small = await read(writeText('small.csv', `${HEADER}\n${lines.join('\n')}\n`));
    const bigText = `${HEADER}\n${Array.from({ length: copies }, () => lines.join('\n')).join('\n')}\n`;
    expect(Buffer.byteLength(bigText)).toBeGreaterThan(256 * 1024);
    const big = await read(writeText('big.csv', bigText));
    // Rows are numbered by record (the quoted name's line break is inside one): 5 records a copy,
    // the blank one counted, not a row; copy k (from 0) holds records 2 + 5k … 6 + 5k.
    expect(big.rows).toHaveLength(4 * copies);
    expect(rowsOf(big).slice(0, 4)).toEqual(rowsOf(small));
    expect(rowsOf(big).at(-1)).toEqual([6 + 5 * (copies - 1), '侨光社区', 2100, false]);
    // Each copy: 约300 unreadable (record 3 + 5k) and the short 洪四村 row (record 4 + 5k) ragged.
    expect(findingsOf(small)).toEqual([['cell-type', 3], ['ragged-row', 4]]);
    expect(findingsOf(big)).toHaveLength(2 * copies);
    expect(findingsOf(big).slice(-2)).toEqual([['cell-type', 3 + 5 * (copies - 1)], ['ragged-row', 4 + 5 * (copies - 1)]]);
  });

  it('counts a blank line as blank, and the line end that closes the file as nothing, either way', async () => {
    const sink = () => ({ onRow() {}, onFinding() {}, onReported() {} });
    const small = writeText('blank-small.csv', `${HEADER}\n${lines.join('\n')}\n`);
    const crlf = writeText('blank-crlf.csv', `${HEADER}\r\n${lines.join('\r\n')}\r\n`);
    const big = writeText('blank-big.csv', `${HEADER}\n${Array.from({ length: copies }, () => lines.join('\n')).join('\n')}\n`);
    // One blank line in each copy of the five lines; none after the last.
    for (const file of [small, crlf]) {
      const [table] = await readInput(file, sink());
      expect([table.rows, table.blankRows]).toEqual([4, 1]);
    }
    const [many] = await readInput(big, sink());
    expect([many.rows, many.blankRows]).toEqual([4 * copies, copies]);
  });

  it('reports an unclosed quotation mark at its row either way', async () => {
    const bad = '罗溪镇,"柏山村,农村,410,300,是';
    const small = writeText('quote-small.csv', `${HEADER}\n${lines[0]}\n${bad}\n`);
    const big = writeText('quote-big.csv', `${HEADER}\n${Array.from({ length: 8000 }, () => lines[0]).join('\n')}\n${bad}\n`);
    for (const [path, row] of [[small, 3], [big, 8002]] as const) {
      const err = await read(path).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CscheckError);
      expect((err as CscheckError).messageId).toBe('input.csv-syntax');
      expect((err as CscheckError).location.row).toBe(row);
    }
  });
});

describe('encodings and delimiters', () => {
  const text = `${HEADER}\n虹山乡,虹山村,农村,320,150,有\n万安街道,塘西社区,社区,1,234,800,√\n`;
  const quoted = `${HEADER}\n虹山乡,虹山村,农村,320,150,有\n万安街道,塘西社区,社区,"1,234",800,√\n`;

  it.each(['utf8', 'utf8bom', 'gbk', 'gb18030', 'utf16le'] as const)('reads %s', async (enc) => {
    const s = await read(writeText(`enc-${enc}.csv`, quoted, enc));
    expect(s.community().map((r) => r.v.community)).toEqual(['虹山村', '塘西社区']);
    expect(s.rows[1].v).toMatchObject({ kind: '城市', households: 1234, facility_area: 800, has_service_facility: true });
  });

  it('reads a GB18030 character outside GBK', async () => {
    const s = await read(writeText('gb.csv', `${HEADER}\n虹山乡,𠀾村,农村,320,150,有\n`, 'gb18030'));
    expect(s.rows[0].v.community).toBe('𠀾村');
  });

  it('forces an encoding with --encoding', async () => {
    const s = await read(writeText('forced.csv', quoted, 'gbk'), { encoding: 'gbk' });
    expect(s.rows[0].v.township).toBe('虹山乡');
  });

  it.each([
    [';', 'semicolon'],
    ['\t', 'tab'],
  ])('detects the %s delimiter (%s)', async (d) => {
    const s = await read(writeText('delim.csv', text.replace('1,234', '1234').replace(/,/g, d)));
    expect(s.rows[1].v.households).toBe(1234);
  });

  it.each(['utf8', 'gb18030', 'utf16le'] as const)('judges the delimiter on the first 20 non-blank lines, however far into the sample they run (%s)', (enc) => {
    // 8 long lines with two semicolons (scores 8×1000+2), a blank line, then 12 with three commas
    // (12×1000+3): the comma wins. The semicolon lines fill the first 8 KiB piece on their own,
    // where the semicolon would win; the 30 tab lines after line 20 would win if counted.
    const long = '社区服务'.repeat(300);
    const lines = [
      ...Array.from({ length: 8 }, () => `${long};b;c`),
      '',
      ...Array.from({ length: 12 }, () => `${long},b,c,d`),
      ...Array.from({ length: 30 }, () => 'a\tb\tc\td\te'),
    ];
    const sample = iconv.encode(lines.join('\r\n'), enc).subarray(0, 64 * 1024);
    expect(iconv.encode(lines.slice(0, 8).join('\r\n'), enc).length).toBeGreaterThan(8 * 1024);
    expect(sniffSampleDelimiter(sample, enc, 0, '\t')).toBe(',');
    expect(sniffDelimiter(decodeSample(sample, enc, 0), '\t')).toBe(',');
    // Without the comma lines the semicolon wins; with no lines at all, the fallback.
    expect(sniffSampleDelimiter(iconv.encode(lines.slice(0, 8).join('\n'), enc), enc, 0, '\t')).toBe(';');
    expect(sniffSampleDelimiter(iconv.encode('\n\n', enc), enc, 0, '\t')).toBe('\t');
  });
});

describe('forgiving about form', () => {
  it('reads a yes/no word followed by a remark in brackets', () => {
    expect(parseBoolean('有（2个）')).toBe(true);
    expect(parseBoolean('否(在建)')).toBe(false);
    expect(parseBoolean('待定（在建）')).toBe(INVALID);
  });

  it('matches more spellings of the community name column', () => {
    for (const h of ['社区（村）名称', '村(居)委会名称', '行政村名称']) expect(fieldOf(h), h).toBe('community');
  });
});

describe('rows that are not communities', () => {
  it('reports 合计/小计 rows and footnotes as skipped and does not count them', async () => {
    const text = [
      HEADER,
      '万安街道,塘西社区,城市,500,320,是',
      '万安街道小计,,,500,320,',
      '河市镇,河市村,农村,600,280,是',
      '合  计,,,1100,600,',
      '填报人：张三    联系电话：0595-22345678,,,,,',
    ].join('\n');
    const s = await read(writeText('totals.csv', text));
    expect(s.community().map((r) => r.v.community)).toEqual(['塘西社区', '河市村']);
    const skipped = s.findings.filter((f) => f.code === 'skipped-row');
    expect(skipped.map((f) => [f.location.row, f.messageId])).toEqual([
      [3, 'data.total-row'],
      [5, 'data.total-row'],
      [6, 'data.note-row'],
    ]);
    expect(skipped.every((f) => f.severity === 'info')).toBe(true);
    expect(s.findings.filter((f) => f.code === 'missing-value')).toEqual([]);
  });
});

describe('reported values', () => {
  it('reads a value column headed 2024年数值 or 实际值（%）', async () => {
    const { readValues } = await import('../../src/io/read-input.js');
    for (const header of ['2024年数值', '实际值（%）']) {
      const s = new (await import('./support.js')).Collect();
      await readValues(writeText('values.csv', `指标名称,${header}\n居民心理健康素养水平,16.5%\n`), s);
      expect(s.reported.map((r) => [r.name, r.raw])).toEqual([['居民心理健康素养水平', '16.5%']]);
    }
  });

  it('reads 居民委员会 / 村民委员会 as the kind', () => {
    expect(parseKind('居民委员会')).toBe('城市');
    expect(parseKind('村民委员会')).toBe('农村');
  });
});

describe('review findings', () => {
  it('does not count a 小计 row that names itself in the community column', async () => {
    const s = await read(writeText('sub.csv', `${HEADER}\n马甲镇,溪东村,农村,300,200,是\n马甲镇,小计,农村,300,200,\n`));
    expect(s.community().map((r) => r.v.community)).toEqual(['溪东村']);
    expect(s.findings.map((f) => f.code)).toEqual(['skipped-row']);
  });

  it('reads only plain decimals on the quick path, and keeps a multiplier from being dropped', async () => {
    const { parseReported } = await import('../../src/io/values.js');
    expect(parseCount('1e3')).toBe(INVALID);
    expect(parseArea('9e999')).toBe(INVALID);
    expect(parseCount('0b101')).toBe(INVALID);
    expect(parseReported('1.2万', false, false)).toBe(INVALID);
    expect(parseReported('12个', false, false)).toBe(12);
  });

  it('ignores zero-width characters pasted into headers and cells', () => {
    expect(fieldOf('村（社区）名称\u200b')).toBe('community');
    expect(parseKind('农村\u200b')).toBe('农村');
  });
});
