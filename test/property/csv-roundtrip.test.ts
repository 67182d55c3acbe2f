// Any table, written as a correct CSV (RFC 4180 quoting) in any encoding the data contract names,
// reads back cell for cell: quotes, commas, line breaks inside cells, CJK text, a BOM, GBK and
// UTF-16, rows of different lengths, both line-end conventions. The reader under test is the
// lowest one that gives raw cell strings (readCsvTable); the writer is written here, independently.

import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readCsvTable } from '../../src/io/csv-reader.js';
import { tmpDir, writeFile } from '../cli/helpers.js';
import { propertyRuns } from '../support/property-runs.js';

const dir = tmpDir('cscheck-prop-csv-');
let n = 0;

/** One CSV field: quoted when it holds a quote, the delimiter, a line break, or edge spaces. */
const field = (s: string): string => (/[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const toCsv = (rows: string[][], eol: string): string => rows.map((r) => r.map(field).join(',')).join(eol) + eol;

// Characters every encoding here can carry (GBK included): ASCII that matters to CSV, CJK of the
// surveys, full-width forms. `;` and tab are left out: they would compete with `,` in the
// delimiter sniffing, which is not what these properties are about.
const GBK_CHARS = ['a', 'Z', '0', '9', ' ', ',', '"', '\n', '\r\n', '村', '社', '区', '镇', '街', '道', '（', '）', '是', '否', '％', '３', '—', '“', '”', '·', '、', '。', '='];
const WIDE_CHARS = [...GBK_CHARS, '😀', '𠀀', 'é', '\u00a0', '\u3000'];

const cell = (chars: string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 12 }).map((a) => a.join(''));
// Ragged: rows of 1 to 6 cells. A row of one empty cell is a blank line, which reads back as [''].
const table = (chars: string[]) =>
  fc.array(fc.array(cell(chars), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 15 }).filter((rows) => rows.some((r) => r.some((c) => c !== '')));

async function readBack(bytes: Buffer, encoding?: string): Promise<string[][]> {
  const file = writeFile(dir, `t${n++}.csv`, bytes);
  return readCsvTable(file, file, encoding ? { encoding } : {});
}

describe('property: CSV tables read back to the same values', () => {
  it('UTF-8, with or without BOM, LF or CRLF, encoding detected', async () => {
    await fc.assert(
      fc.asyncProperty(table(WIDE_CHARS), fc.boolean(), fc.constantFrom('\n', '\r\n'), async (rows, bom, eol) => {
        const text = toCsv(rows, eol);
        const bytes = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
        expect(await readBack(bytes)).toEqual(rows);
      }),
      { numRuns: propertyRuns(200) },
    );
  }, 60_000);

  it('GBK and GB18030 (named with --encoding)', async () => {
    await fc.assert(
      fc.asyncProperty(table(GBK_CHARS), fc.constantFrom('gbk', 'gb18030'), fc.constantFrom('\n', '\r\n'), async (rows, encoding, eol) => {
        expect(await readBack(iconv.encode(toCsv(rows, eol), encoding), encoding)).toEqual(rows);
      }),
      { numRuns: propertyRuns(150) },
    );
  }, 60_000);

  it('GBK detected: tables with Chinese text in the first cell', async () => {
    await fc.assert(
      fc.asyncProperty(table(GBK_CHARS), async (rows) => {
        const withCjk = rows.map((r, i) => (i === 0 ? ['村（社区）名称' + r[0], ...r.slice(1)] : r));
        expect(await readBack(iconv.encode(toCsv(withCjk, '\r\n'), 'gbk'))).toEqual(withCjk);
      }),
      { numRuns: propertyRuns(150) },
    );
  }, 60_000);

  it('UTF-16LE with BOM (Excel “Unicode text”), detected', async () => {
    await fc.assert(
      fc.asyncProperty(table(WIDE_CHARS), async (rows) => {
        const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(toCsv(rows, '\r\n'), 'utf16le')]);
        expect(await readBack(bytes)).toEqual(rows);
      }),
      { numRuns: propertyRuns(100) },
    );
  }, 60_000);
});
