// A CSV file read on two threads gives the report a single pass gives: the same values, the same
// findings at the same rows. The file has quoted fields with newlines, blank lines, a bad cell
// and a ragged row spread through it, so a cut in the wrong place would show.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { evaluate as evaluateFiles } from '../../src/api/evaluate.js';
import { workerPath } from '../../src/workers/worker-file.js';
import type { Report } from '../../src/schema/results.js';
import { splitAtRecords } from '../../src/io/csv-split.js';
import { planCsvParts } from '../../src/io/csv-reader.js';
import { writeText } from '../io/support.js';

const root = resolve(__dirname, '../..');
const base = readFileSync(resolve(root, 'fixtures/luojiang/survey-2024.csv'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
const header = base[0];
const rows = base.slice(1);

function bigCsv(copies: number): string {
  const out = [header];
  for (let c = 0; c < copies; c++) {
    rows.forEach((line, i) => {
      let l = line.replace(/^[^,]*,([^,]*)/, (m, town) => m.replace(town, `${town}${c % 7}`));
      if (i === 3) l = l.replace(/,([^,]*社区|[^,]*村),/, ',"$1\n（原""$1""）",'); // a quoted name spanning two lines
      if (i === 5 && c % 3 === 0) l = l.replace(/,(\d+),/, ',"1,2x",'); // an unreadable number
      out.push(l);
      if (i === 8 && c % 4 === 1) out.push(''); // a blank line
      if (i === 9 && c % 5 === 2) out.push(l.split(',').slice(0, 5).join(',')); // a ragged row
    });
  }
  return `${out.join('\n')}\n`;
}

let path: string;
let one: Report;
let two: Report;

beforeAll(async () => {
  path = writeText('big.csv', bigCsv(120), 'utf8');
  const opts = { plan: 'quanzhou', lang: 'zh' as const, maxFindings: 0 };
  one = await evaluateFiles([path], { ...opts, jobs: 1 });
  two = await evaluateFiles([path], { ...opts, jobs: 2, parallelMinBytes: 0 });
}, 60_000);

describe('parallel CSV evaluation', () => {
  it('runs the worker from the sources under test, on a file it can cut', async () => {
    expect(workerPath('evaluate-worker')).toBe(resolve(root, 'src/workers/evaluate-worker.ts'));
    expect(existsSync(workerPath('evaluate-worker'))).toBe(true);
    const parts = await planCsvParts(path, path, {}, 2);
    expect(parts?.ranges).toHaveLength(2);
  });

  it('gives the same indicator values as one pass', () => {
    expect(two.summary.rows).toBe(one.summary.rows);
    expect(two.inputs[0].rows).toBe(one.inputs[0].rows);
    expect(two.inputs[0].blankRows).toBe(one.inputs[0].blankRows);
    for (const [i, a] of one.indicators.entries()) {
      const b = two.indicators[i];
      expect(b.id).toBe(a.id);
      expect(b.status).toBe(a.status);
      expect([b.withData, b.inScope]).toEqual([a.withData, a.inScope]);
      if (a.value === null) expect(b.value).toBeNull();
      else expect(b.value).toBeCloseTo(a.value, 9);
      expect(b.townships.map((t) => [t.township, t.withData])).toEqual(a.townships.map((t) => [t.township, t.withData]));
    }
    expect(two.requirements).toEqual(one.requirements);
  });

  it('gives the same findings at the same rows, in the same order', () => {
    const key = (r: Report) => r.findings.map((f) => `${f.code}|${f.ruleId ?? ''}|${f.location.row ?? ''}|${f.location.cell ?? ''}`);
    expect(key(two)).toEqual(key(one));
    expect(one.findings.some((f) => f.code === 'ragged-row')).toBe(true);
    expect(one.findings.some((f) => f.code === 'cell-type')).toBe(true);
  });

  it('cuts only after a record’s newline, never inside quotes', async () => {
    const text = 'a,b\n1,"x\ny"\n2,"p\n\nq"\n3,z\n4,w\n';
    const file = writeText('quoted.csv', text);
    const start = text.indexOf('1,');
    const ranges = (await splitAtRecords(file, start, Buffer.byteLength(text), 2, 3))!;
    expect(ranges).not.toBeNull();
    const pieces = ranges.map((r) => text.slice(r.start, r.end));
    expect(pieces.join('')).toBe(text.slice(start));
    for (const p of pieces) expect(p).toMatch(/^\d,/);
    // Record numbers: 1,"x\ny" is record 2; 2,"p\n\nq" record 3; 3,z record 4; 4,w record 5.
    for (const r of ranges) expect(Number(text.slice(r.start, r.start + 1)) + 1).toBe(r.firstRecord);
  });
});

describe('files the byte split cannot follow', () => {
  it('reads a file with a quote inside an unquoted field in one stream', async () => {
    const text = 'a,b\n1,屏幕55"寸\n2,"p\nq"\n3,z\n';
    const file = writeText('stray.csv', text);
    expect(await splitAtRecords(file, text.indexOf('1,'), Buffer.byteLength(text), 2, 2)).toBeNull();
  });
});

describe('CSCHECK_PARALLEL_MIN_BYTES', () => {
  // The module reads the variable once, when it is loaded: each value needs a fresh copy.
  async function threshold(value: string | undefined): Promise<number> {
    vi.resetModules();
    vi.stubEnv('CSCHECK_PARALLEL_MIN_BYTES', value);
    try {
      return (await import('../../src/workers/parallel-csv.js')).PARALLEL_MIN_BYTES;
    } finally {
      vi.unstubAllEnvs();
    }
  }

  it('moves the size from which a CSV is read on several threads; 16 MiB without it or with no size', async () => {
    expect(await threshold('262144')).toBe(262_144);
    expect(await threshold('0')).toBe(0);
    for (const bad of [undefined, '', '-1', '1.5', 'many']) expect(await threshold(bad), String(bad)).toBe(16 * 1024 * 1024);
  });
});
