// Whatever bytes a file holds, cscheck answers with an exit code of 0, 1 or 2 and, for 2, one
// `cscheck:` line without a stack: nothing throws past the CLI boundary. Arbitrary bytes are tried
// as .csv and as .xlsx, and byte-level damage to a valid workbook (bytes changed, cut, inserted)
// reaches the zip and XML readers behind a valid signature.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROOT, lines, run, tmpDir, writeFile } from '../cli/helpers.js';
import { propertyRuns } from '../support/property-runs.js';

const dir = tmpDir('cscheck-prop-bytes-');
let n = 0;

const CRASH = /^\s+at |Maximum call stack|FATAL ERROR|std::bad_alloc|Invalid string length|native code/m;

/** Runs `evaluate` on `bytes` written as a file named `ext`, and checks the CLI's contract. */
async function holdsContract(bytes: Uint8Array, ext: string, more: string[] = []): Promise<void> {
  const file = writeFile(dir, `f${n++}${ext}`, bytes);
  const r = await run(['evaluate', file, '--plan', 'quanzhou', '--format', 'json', ...more]);
  expect([0, 1, 2]).toContain(r.code);
  expect(r.stderr).not.toMatch(CRASH);
  if (r.code === 2) {
    const err = lines(r.stderr);
    expect(err, r.stderr).toHaveLength(1);
    expect(err[0]).toMatch(/^cscheck: /);
    expect(err[0]).toContain(file);
  } else {
    // A readable file gives a JSON report; Infinity or NaN in it (in a message, say "Infinity平方米")
    // can only come from the input's own text.
    const input = Buffer.from(bytes).toString('utf8');
    const words = ['Infinity', 'NaN'].filter((w) => !input.includes(w));
    const shown = words.find((w) => r.stdout.includes(w));
    expect(shown, `${shown} in the report of ${JSON.stringify(input.slice(0, 200))}`).toBeUndefined();
  }
}

// A valid survey workbook (the bundled 洛江区 sample) to damage.
const FIXTURE = readFileSync(path.join(ROOT, 'fixtures', 'luojiang', 'survey-2024.xlsx'));

/** Byte damage to a buffer: some bytes changed, a cut, an insertion. */
const damage = fc.record({
  edits: fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { maxLength: 20 }),
  cut: fc.option(fc.nat(), { nil: undefined }),
  insert: fc.option(fc.record({ at: fc.nat(), bytes: fc.uint8Array({ maxLength: 64 }) }), { nil: undefined }),
});

function damaged(base: Buffer, d: { edits: { at: number; byte: number }[]; cut?: number; insert?: { at: number; bytes: Uint8Array } }): Buffer {
  let b = Buffer.from(base);
  for (const e of d.edits) b[e.at % b.length] = e.byte;
  if (d.insert) {
    const at = d.insert.at % b.length;
    b = Buffer.concat([b.subarray(0, at), d.insert.bytes, b.subarray(at)]);
  }
  if (d.cut !== undefined) b = b.subarray(0, d.cut % (b.length + 1));
  return b;
}

// Text that looks like a survey: the contract's header (or a shuffled part of it) above rows of
// values the readers must handle — quotes, huge and odd numbers, units, NUL, BOM, lone CR.
const HEADERS = ['村（社区）名称', '城乡类型', '乡镇（街道）', '户数', '综合服务设施建筑面积（平方米）', '居民活动区域面积（平方米）', '是否建有综合服务设施'];
const value = fc.oneof(
  fc.constantFrom('是', '否', '城市', '农村', '"', '""', '9'.repeat(400), '1e309', '-1e309', 'NaN', 'Infinity', '-0', '0x10', '３０平方米', '1,234', '\u0000', '\uFEFF', '\r', '=1+1', '合计', 'toString', '__proto__'),
  fc.string({ maxLength: 8 }),
  fc.double().map(String),
);
const surveyish = fc
  .tuple(fc.oneof(fc.constant(HEADERS), fc.shuffledSubarray(HEADERS, { minLength: 1 })), fc.array(fc.array(value, { maxLength: 9 }), { maxLength: 12 }))
  .map(([head, rows]) => Buffer.from([head, ...rows].map((r) => r.join(',')).join('\n')));

describe('property: no input throws past the CLI boundary', () => {
  it('arbitrary bytes as .csv', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), (b) => holdsContract(b, '.csv')), { numRuns: propertyRuns(120) });
  }, 60_000);

  it('survey-like text as .csv (headers, quotes, huge and odd numbers)', async () => {
    await fc.assert(fc.asyncProperty(surveyish, (b) => holdsContract(b, '.csv')), { numRuns: propertyRuns(120) });
  }, 60_000);

  it('arbitrary bytes behind a zip signature as .xlsx', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), (b) => holdsContract(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), b]), '.xlsx')), { numRuns: propertyRuns(100) });
  }, 60_000);

  it('a valid workbook with bytes changed, cut or inserted', async () => {
    await fc.assert(fc.asyncProperty(damage, (d) => holdsContract(damaged(FIXTURE, d), '.xlsx')), { numRuns: propertyRuns(80) });
  }, 120_000);
});
