// The JSON report is written as chunks (json-stream.ts) instead of one string: what they join to
// must be exactly JSON.stringify(…, null, 2) — for every fixture survey, and for values shaped to hit
// each of the serializer's paths (long arrays cut into slices, large values inside small ones,
// values JSON leaves out, lazily made arrays).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeJoinedSync } from '../../src/output/write-output.js';
import { jsonChunks } from '../../src/report/formats/json-stream.js';
import { lazyArray } from '../../src/rules/evaluation/lazy-arrays.js';
import { json, jsonStream } from '../../src/report/formats/json.js';
import { CscheckError } from '../../src/schema/errors.js';
import { tmpDir } from '../cli/helpers.js';
import { ROOT, ctx, evaluateReport } from './support.js';

const streamed = (v: unknown, indent?: number) => [...jsonChunks(v, indent)].join('');

function surveys(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === 'ledger' ? [] : surveys(p);
    return /\.(csv|xlsx)$/.test(name) ? [p] : [];
  });
}

describe('jsonChunks', () => {
  it.each(surveys(path.join(ROOT, 'fixtures')).map((f) => [path.relative(ROOT, f)]))('%s: the streamed report is json()', async (file) => {
    // The batch tree holds deliberately broken files, which give an input error and no report.
    const report = await evaluateReport(path.join(ROOT, file)).catch((err: unknown) => {
      if (err instanceof CscheckError) return null;
      throw err;
    });
    if (!report) return;
    const chunks = [...jsonStream(report, ctx())];
    expect(chunks.join('')).toBe(json(report, ctx()));
  });

  it('cuts long arrays into slices and keeps the bytes', () => {
    const row = (i: number) => ({ township: `镇${i}`, value: i % 7 === 0 ? null : i / 3, status: 'met', nested: { a: [i, 'x\ny'], b: {} }, skip: undefined });
    const big = { schemaVersion: 1, empty: [], emptyObj: {}, indicators: [{ id: 'a', townships: Array.from({ length: 1000 }, (_, i) => row(i)), worst: [] }, { id: 'b', townships: [] }], findings: Array.from({ length: 513 }, (_, i) => ({ code: 'c', row: i })) };
    const chunks = [...jsonChunks(big)];
    expect(chunks.join('')).toBe(JSON.stringify(big, null, 2));
    // The 1,000 townships take four slices, and no chunk holds more than one of them.
    const total = chunks.join('').length;
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(total / 3);
    expect(chunks.filter((c) => c.includes('"镇999"'))).toHaveLength(1);
  });

  it('writes what JSON.stringify writes for values it leaves out or turns to null', () => {
    const odd = { a: undefined, f: () => 1, s: Symbol('s'), d: new Date(0), list: [undefined, () => 1, ...Array.from({ length: 300 }, (_, i) => (i % 2 ? i : undefined))], deep: [[Array.from({ length: 400 }, (_, i) => i)]], n: null };
    expect(streamed(odd)).toBe(JSON.stringify(odd, null, 2));
    expect(streamed(odd, 4)).toBe(JSON.stringify(odd, null, 4));
    for (const v of [1, 'x', null, [], {}, [1, [2]], Array.from({ length: 600 }, () => [])]) expect(streamed(v)).toBe(JSON.stringify(v, null, 2));
    expect(streamed(undefined)).toBe('');
  });

  it('takes a lazy array from its slices without making it, and reads it as the array it stands for', () => {
    let made = 0;
    const slices = function* () {
      made++;
      for (let i = 0; i < 600; i += 256) yield Array.from({ length: Math.min(256, 600 - i) }, (_, k) => ({ t: i + k }));
    };
    const owner = { id: 'x', townships: [] as { t: number }[], tail: 1 };
    lazyArray(owner, 'townships', slices);
    const text = streamed({ list: [owner] });
    expect(made).toBe(1);
    const expected = `{\n  "list": [\n    {\n      "id": "x",\n      "townships": [\n${Array.from({ length: 600 }, (_, t) => `        {\n          "t": ${t}\n        }`).join(',\n')}\n      ],\n      "tail": 1\n    }\n  ]\n}`;
    expect(text).toBe(expected);
    // Read as a property it is the whole array, in its place among the keys, made once.
    expect(Object.keys(owner)).toEqual(['id', 'townships', 'tail']);
    expect(owner.townships).toHaveLength(600);
    expect(owner.townships).toBe(owner.townships);
    expect(JSON.stringify({ list: [owner] }, null, 2)).toBe(expected);
    // Assigned, the new array is what is streamed.
    owner.townships = [{ t: -1 }];
    expect(streamed(owner)).toBe(JSON.stringify({ id: 'x', townships: [{ t: -1 }], tail: 1 }, null, 2));
    const none = { id: 'y', townships: [] as unknown[] };
    lazyArray(none, 'townships', () => []);
    expect(streamed([none])).toBe('[\n  {\n    "id": "y",\n    "townships": []\n  }\n]');
  });

  it('lands on disk as the one string would', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'r.json');
    const big = { list: Array.from({ length: 20000 }, (_, i) => ({ name: `社区${i}`, i })) };
    writeJoinedSync(out, jsonChunks(big));
    expect(readFileSync(out, 'utf8')).toBe(JSON.stringify(big, null, 2));
    expect(readdirSync(dir)).toEqual(['r.json']);
  });
});
