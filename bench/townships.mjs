// Townships at scale (`node bench/run.mjs --only townships`): issue 15's national files — 1,000,000
// rows over 1,000, 10,000 and 100,000 townships, grouped (a township's rows in one run) and
// interleaved (row i to township i mod N) — each evaluated to a JSON report and read by the bare
// loop (bench/bare_baseline.mjs) in the same run. The bars are ratios to that loop and peak RSS
// (bench/README.md, "Townships at scale").

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { GENERATOR_VERSION } from './generate.mjs';

export const TOWNSHIP_COUNTS = [1_000, 10_000, 100_000];
const SHAPES = ['grouped', 'interleaved'];

/** The generated file of `n` townships in `shape`, cached beside the runner's others (null when generating failed). */
function townshipFile(dir, rows, n, shape, seed) {
  const file = path.join(dir, `survey-${rows}-t${n}-${shape}${seed === 42 ? '' : `-s${seed}`}.csv`);
  const metaFile = `${file}.meta.json`;
  const want = { generator: GENERATOR_VERSION, rows, townships: n, shape, seed };
  try {
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
    if (Object.keys(want).every((k) => meta[k] === want[k]) && meta.bytes === fs.statSync(file).size) return file;
  } catch {
    // missing or stale: generate
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.rmSync(metaFile, { force: true });
  const args = ['bench/generate.mjs', '--rows', String(rows), '--townships', String(n), '--seed', String(seed), '--out', file, ...(shape === 'interleaved' ? ['--interleave'] : [])];
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) return null;
  fs.writeFileSync(metaFile, `${JSON.stringify({ ...want, bytes: fs.statSync(file).size }, null, 1)}\n`);
  return file;
}

/** evaluate and the bare loop on each file, in the runner's benchmark shape; `h` holds the runner's helpers. */
export function townshipBenchmarks(o, tmp, dataDir, h) {
  return TOWNSHIP_COUNTS.flatMap((n) =>
    SHAPES.flatMap((shape) => {
      const input = townshipFile(dataDir, o.rows, n, shape, o.seed);
      if (!input) return [];
      const out = path.join(tmp, `townships-${n}-${shape}.json`);
      const evaluate = (report) => ['bin/cscheck', 'evaluate', h.rel(input), '--plan', o.plan, '--format', 'json', '--output', report];
      const bare = ['node', 'bench/bare_baseline.mjs', h.rel(input)];
      return [
        {
          id: `townships-${n}-${shape}`, tool: `cscheck, ${n} townships ${shape}`, format: 'csv', rows: o.rows, input,
          cmd: evaluate(out), shown: h.shell(evaluate('<tmpfile>')),
          before: () => fs.rmSync(out, { force: true }), check: h.cscheckCheck(out),
        },
        {
          id: `townships-${n}-${shape}-bare`, tool: `bare loop, ${n} townships ${shape}`, format: 'csv', rows: o.rows, input,
          cmd: bare, shown: h.shell(bare), check: ({ status }) => (status === 0 ? { ok: true } : { ok: false, why: `exit ${status}` }),
        },
      ];
    }),
  );
}

/** evaluate / bare loop for each file, its peak RSS, and the cost of each township past the first 1,000. */
export function townshipLines(results) {
  const by = Object.fromEntries(results.map((r) => [r.id, r]));
  const lines = [];
  for (const shape of SHAPES) {
    for (const n of TOWNSHIP_COUNTS) {
      const e = by[`townships-${n}-${shape}`];
      const b = by[`townships-${n}-${shape}-bare`];
      if (!e?.median || !b?.median) continue;
      lines.push(`- ${shape}, ${n} townships: evaluate / bare loop ${(e.median / b.median).toFixed(2)} (bar ≤ 1.5), peak RSS ${e.rssMB == null ? 'n/a' : `${e.rssMB.toFixed(0)} MB`} (bar ≤ 300 MB)`);
    }
    const [lo, hi] = [TOWNSHIP_COUNTS[0], TOWNSHIP_COUNTS.at(-1)].map((n) => by[`townships-${n}-${shape}`]?.median);
    if (lo && hi) lines.push(`- ${shape}: ${(((hi - lo) / (TOWNSHIP_COUNTS.at(-1) - TOWNSHIP_COUNTS[0])) * 1e6).toFixed(1)} µs per extra township`);
  }
  return lines;
}
