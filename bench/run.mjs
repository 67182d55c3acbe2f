#!/usr/bin/env node
// Benchmark runner: cscheck against pandas and Miller on a generated survey.
//
//   node bench/run.mjs [--rows 1000000] [--xlsx-rows 100000] [--runs 3] [--only cscheck|pandas|mlr[,…]]
//                      [--seed 42] [--plan quanzhou] [--regen] [--timeout 900] [--python /usr/bin/python3]
//
// Each command runs as a child process under GNU time (`/usr/bin/time -f '%e %M'`) for its peak RSS;
// wall time is measured here around the child. A failing command is reported, never fatal.
// Results: a Markdown table on stdout and in bench/results/latest.md (with the environment and the
// exact commands); the last run's outputs of every command are kept in bench/results/.

import { spawnSync } from 'node:child_process';
import { parseArgs as nodeParseArgs } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATOR_VERSION } from './generate.mjs';
import { TREE_GENERATOR_VERSION } from './generate-tree.mjs';
import { FLOOR_TOOLS, floorBenchmarks, floorLines } from './csv-floor.mjs';
import { xlsxBenchmarks, xlsxRatios } from './xlsx.mjs';
import { townshipBenchmarks, townshipLines } from './townships.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
const DATA = path.join(BENCH, 'data');
const RESULTS = path.join(BENCH, 'results');
const TOOLS = ['cscheck', 'pandas', 'mlr', 'batch', 'annotate', 'xlsx', 'townships', ...FLOOR_TOOLS];

// The bars the project aims for (bench/README.md).
const BARS = [
  { id: 'cscheck-csv', rows: 1_000_000, seconds: 4, rssMB: 300, text: '1,000,000-row CSV, plan quanzhou: ≤ 4 s, ≤ 300 MB peak RSS' },
  { id: 'cscheck-xlsx', rows: 100_000, seconds: 6, rssMB: null, text: '100,000-row XLSX, plan quanzhou: ≤ 6 s' },
  { id: 'annotate-xlsx', rows: 100_000, seconds: 10, rssMB: 400, text: 'evaluate --annotate, 100,000-row XLSX: ≤ 10 s, ≤ 400 MB peak RSS' },
  { id: 'annotate-csv', rows: 100_000, seconds: 10, rssMB: 400, text: 'evaluate --annotate, 100,000-row CSV: ≤ 10 s, ≤ 400 MB peak RSS' },
  { id: 'cscheck-batch-1000', rows: 1000 * 500, seconds: 15, rssMB: null, text: 'batch of 1,000 CSV files × 500 rows, --jobs 2: ≤ 15 s (memory: compare the peak RSS with the 250-file run)' },
];

function usage() {
  return `usage: node bench/run.mjs [options]
  --rows N          rows of the CSV benchmark (default 1000000)
  --xlsx-rows N     rows of the XLSX benchmark (default 100000)
  --runs N          runs per command; the median is reported (default 3)
  --only LIST       cscheck, pandas, mlr, batch, annotate, townships (1M rows over 1K, 10K, 100K
                    townships, grouped and interleaved, against the bare loop), xlsx (evaluate, --annotate and the
                    exceljs visit of the XLSX), csv (cscheck's CSV run, the bare loop and DuckDB),
                    csv-parsers (the parser shoot-out), bare and/or duckdb, comma-separated
                    (default: all)
  --annotate-rows N rows of the CSV the annotate benchmark writes back (default 100000; its XLSX
                    is the XLSX benchmark's file)
  --batch-files L   file counts of the batch benchmark, comma-separated (default 250,1000)
  --batch-rows N    rows per file of the batch benchmark (default 500)
  --batch-jobs N    cscheck batch --jobs (default 2)
  --seed S          generator seed (default 42)
  --plan ID         plan for cscheck (default quanzhou)
  --regen           regenerate the data files even if cached
  --timeout SECS    per-run time limit (default 900)
  --python PATH     interpreter with pandas (default $PYTHON or /usr/bin/python3)`;
}

function parseArgs(argv) {
  const o = {
    rows: 1_000_000, xlsxRows: 100_000, runs: 3, only: TOOLS, seed: 42, plan: 'quanzhou', regen: false,
    timeout: 900, python: process.env.PYTHON || '/usr/bin/python3',
    batchFiles: [250, 1000], batchRows: 500, batchJobs: 2, annotateRows: 100_000,
  };
  const text = { type: 'string' };
  let parsed;
  try {
    parsed = nodeParseArgs({
      args: argv,
      options: {
        rows: text, 'xlsx-rows': text, runs: text, seed: text, timeout: text, plan: text, 'batch-rows': text, 'annotate-rows': text,
        'batch-jobs': text, 'batch-files': text, python: text, only: text, regen: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (err) {
    throw new Error(`${err.message}\n${usage()}`, { cause: err });
  }
  if (parsed.help) {
    console.log(usage());
    process.exit(0);
  }
  const int = (name) => {
    const n = Number(parsed[name]);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} needs a positive integer`);
    return n;
  };
  const set = { rows: 'rows', 'xlsx-rows': 'xlsxRows', runs: 'runs', timeout: 'timeout', 'batch-rows': 'batchRows', 'annotate-rows': 'annotateRows', 'batch-jobs': 'batchJobs' };
  for (const [name, key] of Object.entries(set)) if (parsed[name] !== undefined) o[key] = int(name);
  if (parsed.seed !== undefined) {
    o.seed = Number(parsed.seed);
    if (!Number.isInteger(o.seed)) throw new Error('--seed needs an integer');
  }
  if (parsed.plan !== undefined) o.plan = parsed.plan;
  if (parsed.python !== undefined) o.python = parsed.python;
  if (parsed.regen) o.regen = true;
  if (parsed['batch-files'] !== undefined) {
    o.batchFiles = parsed['batch-files'].split(',').map(Number);
    if (!o.batchFiles.length || o.batchFiles.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--batch-files takes positive integers, comma-separated');
  }
  if (parsed.only !== undefined) {
    o.only = parsed.only.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = o.only.filter((t) => !TOOLS.includes(t));
    if (bad.length || !o.only.length) throw new Error(`--only takes ${TOOLS.join(', ')} (got ${bad.join(', ') || 'nothing'})`);
  }
  return o;
}

const shq = (s) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${String(s).replaceAll("'", "'\\''")}'`);
const shell = (argv) => argv.map(shq).join(' ');
const rel = (p) => path.relative(ROOT, p) || '.';

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${shq(cmd)}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function firstLine(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  return (r.stdout || r.stderr).trim().split('\n')[0];
}

// ---- data -------------------------------------------------------------------------------------

function dataFile(format, rows, seed) {
  return path.join(DATA, `survey-${rows}${seed === 42 ? '' : `-s${seed}`}.${format}`);
}

/** The cached file for (format, rows, seed), generated when missing or stale. Null when generation failed. */
function ensureData(format, rows, seed, regen) {
  const file = dataFile(format, rows, seed);
  const metaFile = `${file}.meta.json`;
  const want = { generator: GENERATOR_VERSION, format, rows, seed };
  if (!regen && fs.existsSync(file) && fs.existsSync(metaFile)) {
    try {
      const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
      const same = Object.keys(want).every((k) => meta[k] === want[k]) && meta.bytes === fs.statSync(file).size;
      if (same) {
        console.log(`reusing ${rel(file)} (${rows} rows, seed ${seed}, ${(meta.bytes / 1048576).toFixed(1)} MiB)`);
        return file;
      }
    } catch {
      // stale or broken meta: regenerate
    }
  }
  console.log(`generating ${rel(file)} …`);
  fs.rmSync(metaFile, { force: true });
  const r = spawnSync(process.execPath, [path.join(BENCH, 'generate.mjs'), '--rows', String(rows), '--format', format,
    '--seed', String(seed), '--out', file], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`FAILED to generate ${rel(file)} (exit ${r.status ?? r.signal}); benchmarks on it are skipped`);
    return null;
  }
  fs.writeFileSync(metaFile, JSON.stringify({ ...want, bytes: fs.statSync(file).size }, null, 1) + '\n');
  return file;
}

/** The cached tree of `files` CSV files × `rows` rows for the batch benchmark, generated when missing or stale. */
function ensureTree(files, rows, seed, regen) {
  const dir = path.join(DATA, `tree-${files}x${rows}${seed === 42 ? '' : `-s${seed}`}`);
  const metaFile = `${dir}.meta.json`;
  const want = { generator: GENERATOR_VERSION, tree: TREE_GENERATOR_VERSION, files, rows, seed };
  if (!regen && fs.existsSync(dir) && fs.existsSync(metaFile)) {
    try {
      const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
      if (Object.keys(want).every((k) => meta[k] === want[k])) {
        console.log(`reusing ${rel(dir)} (${files} files × ${rows} rows, seed ${seed})`);
        return dir;
      }
    } catch {
      // stale or broken meta: regenerate
    }
  }
  console.log(`generating ${rel(dir)} …`);
  fs.rmSync(metaFile, { force: true });
  const r = spawnSync(process.execPath, [path.join(BENCH, 'generate-tree.mjs'), '--files', String(files), '--rows', String(rows),
    '--seed', String(seed), '--out', dir], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`FAILED to generate ${rel(dir)} (exit ${r.status ?? r.signal}); the batch benchmark on it is skipped`);
    return null;
  }
  fs.writeFileSync(metaFile, JSON.stringify(want, null, 1) + '\n');
  return dir;
}

// ---- measuring --------------------------------------------------------------------------------

// Fallback when GNU time is missing: a Python wrapper that reads the child's rusage with os.wait4.
const PY_TIMER = [
  'import os, subprocess, sys, time',
  't = time.time(); p = subprocess.Popen(sys.argv[2:])',
  '_, status, ru = os.wait4(p.pid, 0)',
  'open(sys.argv[1], "w").write("%.2f %d\\n" % (time.time() - t, ru.ru_maxrss))',
  'sys.exit(os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status))',
].join('\n');

function detectTimer() {
  if (fs.existsSync('/usr/bin/time')) {
    const r = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' });
    if (r.status === 0 && /^\d+\s*$/m.test(r.stderr)) return { kind: 'gnu', text: "GNU time: /usr/bin/time -f '%e %M'" };
  }
  const py = which('python3');
  if (py) return { kind: 'python', py, text: `no GNU time (apt-get install -y time); using a ${py} os.wait4 wrapper` };
  return { kind: 'none', text: 'no GNU time and no python3: peak RSS not measured (apt-get install -y time)' };
}

function measure(timer, cmd, { stdoutFile, timeoutSecs, tmp }) {
  const timeFile = path.join(tmp, 'time.txt');
  fs.rmSync(timeFile, { force: true });
  let argv;
  if (timer.kind === 'gnu') argv = ['/usr/bin/time', '-f', '%e %M', '-o', timeFile, ...cmd];
  else if (timer.kind === 'python') argv = [timer.py, '-c', PY_TIMER, timeFile, ...cmd];
  else argv = cmd;
  // coreutils timeout signals its whole process group, so the measured grandchild dies with it.
  if (timer.timeoutCmd) argv = [timer.timeoutCmd, '-k', '10', String(timeoutSecs), ...argv];
  const out = fs.openSync(stdoutFile, 'w');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), {
    cwd: ROOT, stdio: ['ignore', out, 'pipe'], maxBuffer: 64 * 1048576,
    timeout: timer.timeoutCmd ? 0 : timeoutSecs * 1000, killSignal: 'SIGKILL',
  });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  fs.closeSync(out);
  let rssKB = null;
  if (fs.existsSync(timeFile)) {
    const lines = fs.readFileSync(timeFile, 'utf8').trim().split('\n');
    const m = /^([\d.]+) (\d+)$/.exec(lines[lines.length - 1].trim());
    if (m) rssKB = Number(m[2]);
  }
  const stderr = r.stderr ? r.stderr.toString('utf8') : '';
  let error = null;
  if (r.error) error = r.error.code === 'ETIMEDOUT' ? `timed out after ${timeoutSecs} s` : r.error.message;
  else if (timer.timeoutCmd && r.status === 124) error = `timed out after ${timeoutSecs} s`;
  else if (r.signal) error = `killed by ${r.signal}`;
  return { secs, rssKB, status: r.status, error, stderr };
}

/** The telling part of a failed command's stderr: its error lines (not a stack trace), else its tail. */
function excerpt(s, n = 6) {
  const lines = s.split('\n').filter((l) => l.trim() && !/^Command (exited with non-zero status|terminated by signal)/.test(l));
  const errors = lines.filter((l) => /error|cannot|not found|usage|unknown/i.test(l) && !/^\s+at /.test(l));
  const pick = errors.length ? errors.slice(0, n) : lines.slice(-n);
  return pick.map((l) => `    ${l.length > 300 ? l.slice(0, 300) + '…' : l}`).join('\n');
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ---- benchmarks -------------------------------------------------------------------------------

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** A baseline succeeded when it exited 0 and printed JSON that counted every row. */
function baselineCheck(rows) {
  return ({ status, stdoutFile }) => {
    const j = readJson(stdoutFile);
    if (status !== 0) return { ok: false, why: `exit ${status}` };
    if (!j) return { ok: false, why: 'printed no JSON' };
    if (j.rows !== rows) return { ok: false, why: `counted ${j.rows} rows, expected ${rows}` };
    return { ok: true, result: j };
  };
}

/** cscheck batch succeeded when it exited 0 or 1 (findings) and its summary counts every file as read. */
function batchCheck(outDir, files) {
  return ({ status }) => {
    const j = readJson(path.join(outDir, 'summary.json'));
    if (status !== 0 && status !== 1) return { ok: false, why: `exit ${status}` };
    if (!j) return { ok: false, why: 'no summary.json written' };
    if (j.totals?.ok !== files) return { ok: false, why: `${j.totals?.ok} of ${files} files read` };
    return { ok: true, note: status ? `exit ${status}, summary written` : undefined, result: { totals: j.totals } };
  };
}

/** cscheck succeeded when it exited 0, or exited non-zero (targets missed) but still wrote its JSON report. */
function cscheckCheck(outFile) {
  return ({ status }) => {
    const j = fs.existsSync(outFile) && fs.statSync(outFile).size > 0 ? readJson(outFile) : undefined;
    if (status === 0 && j !== undefined) return { ok: true, result: j };
    if (status === 0) return { ok: false, why: 'exit 0 but no JSON report in --output' };
    if (j !== undefined) return { ok: true, note: `exit ${status}, report written`, result: j };
    return { ok: false, why: `exit ${status}, no report written` };
  };
}

function planBenchmarks(o, tmp, files) {
  const list = [];
  const python = o.python;
  if (o.only.includes('cscheck') || o.only.includes('csv')) {
    for (const [format, rows] of [['csv', o.rows], ['xlsx', o.xlsxRows]].filter(([f]) => f === 'csv' || o.only.includes('cscheck'))) {
      const input = files[format];
      const out = path.join(tmp, `cscheck-${format}.json`);
      list.push({
        id: `cscheck-${format}`, tool: 'cscheck', format, rows, input,
        cmd: input && ['bin/cscheck', 'evaluate', rel(input), '--plan', o.plan, '--format', 'json', '--output', out],
        shown: input && shell(['bin/cscheck', 'evaluate', rel(input), '--plan', o.plan, '--format', 'json', '--output', '<tmpfile>']),
        before: () => fs.rmSync(out, { force: true }),
        check: cscheckCheck(out),
        keep: out,
        hint: fs.existsSync(path.join(ROOT, 'dist/cli/main.js')) ? null : 'dist/cli/main.js is missing: is the CLI written and built (npm run build)?',
      });
    }
  }
  if (o.only.includes('batch')) {
    for (const [n, dir] of files.trees ?? []) {
      const out = path.join(tmp, `batch-${n}`);
      const argv = (shownOut) => ['bin/cscheck', 'batch', rel(dir), '--plan', o.plan, '--out', shownOut, '--jobs', String(o.batchJobs), '--quiet', '--format', 'json'];
      list.push({
        id: `cscheck-batch-${n}`, tool: 'cscheck batch', format: 'csv tree', rows: n * o.batchRows, input: dir,
        cmd: argv(out), shown: shell(argv('<tmpdir>')),
        // Each run writes into an empty folder, and the previous run's gigabyte of reports is flushed
        // to disk before the clock starts. It is moved aside, not deleted (the temporary folder goes
        // at the end): for minutes after 2,000 files are deleted, ext4 passes over their inodes each
        // time it allocates one (recently_deleted in perf), and every report the timed run created
        // waited for it (open() 0.6 ms instead of 0.03).
        before: () => {
          if (fs.existsSync(out)) fs.renameSync(out, `${out}.${Date.now()}`);
          spawnSync('sync');
        },
        check: batchCheck(out, n),
        hint: fs.existsSync(path.join(ROOT, 'dist/cli/batch-worker.js')) ? null : 'dist/cli/batch-worker.js is missing: npm run build',
      });
    }
  }
  if (o.only.includes('annotate')) {
    // The annotated workbook (evaluate --annotate), checked to exist and to be a zip.
    for (const [format, input] of [['xlsx', files.xlsx], ['csv', files.annotateCsv]]) {
      const out = path.join(tmp, `annotate-${format}.json`);
      const book = path.join(tmp, `annotate-${format}.xlsx`);
      const argv = (o1, b1) => ['bin/cscheck', 'evaluate', rel(input), '--plan', o.plan, '--format', 'json', '--output', o1, '--annotate', b1];
      const report = cscheckCheck(out);
      list.push({
        id: `annotate-${format}`, tool: 'cscheck --annotate', format, rows: format === 'xlsx' ? o.xlsxRows : o.annotateRows, input,
        cmd: input && argv(out, book), shown: input && shell(argv('<tmpfile>.json', '<tmpfile>.xlsx')),
        before: () => [out, book].forEach((f) => fs.rmSync(f, { force: true })),
        check: (r) => {
          const head = fs.existsSync(book) ? fs.readFileSync(book).subarray(0, 4) : null;
          if (!head || head.readUInt32LE(0) !== 0x04034b50) return { ok: false, why: 'no workbook written' };
          const c = report(r);
          return c.ok ? { ...c, note: `${c.note ? `${c.note}; ` : ''}workbook ${(fs.statSync(book).size / 1048576).toFixed(1)} MiB` } : c;
        },
      });
    }
  }
  if (o.only.includes('xlsx')) list.push(...xlsxBenchmarks(o, tmp, files.xlsx, { rel, shell, readJson, cscheckCheck }));
  if (o.only.includes('townships')) list.push(...townshipBenchmarks(o, tmp, DATA, { rel, shell, cscheckCheck }));
  if (o.only.includes('pandas')) {
    const input = files.csv;
    const cmd = input && [python, 'bench/pandas_baseline.py', rel(input)];
    let skip = null;
    if (!fs.existsSync(python) && !which(python)) skip = `${python} not found`;
    else if (spawnSync(python, ['-c', 'import pandas'], { stdio: 'ignore' }).status !== 0) {
      skip = `pandas is missing for ${python}: apt-get update && apt-get install -y python3-pandas (Debian package; run with /usr/bin/python3)`;
    }
    list.push({ id: 'pandas-csv', tool: 'pandas', format: 'csv', rows: o.rows, input, cmd, shown: cmd && shell(cmd), skip, check: baselineCheck(o.rows) });
  }
  if (o.only.includes('mlr')) {
    const input = files.csv;
    const cmd = input && ['mlr', '--icsv', '--ojsonl', 'put', '-q', '-f', 'bench/mlr_baseline.mlr', rel(input)];
    const skip = which('mlr') ? null : 'Miller is missing: apt-get install -y miller';
    list.push({ id: 'mlr-csv', tool: 'mlr', format: 'csv', rows: o.rows, input, cmd, shown: cmd && shell(cmd), skip, check: baselineCheck(o.rows) });
  }
  list.push(...floorBenchmarks(o, files, { baselineCheck, readJson, shell, rel }));
  return list;
}

function runBenchmark(b, o, timer, tmp) {
  const label = `${b.tool} ${b.format} ${b.rows} rows`;
  if (!b.input) return { ...b, status: 'failed: no input file' };
  if (b.skip) {
    console.log(`\n== ${label}: SKIPPED — ${b.skip}`);
    return { ...b, status: `skipped: ${b.skip}` };
  }
  console.log(`\n== ${label}\n   ${b.shown}`);
  const stdoutFile = path.join(RESULTS, `${b.id}.stdout`);
  fs.rmSync(path.join(RESULTS, `${b.id}.json`), { force: true }); // no stale report from an earlier run
  const runs = [];
  let result;
  let note;
  for (let k = 1; k <= o.runs; k++) {
    b.before?.();
    const m = measure(timer, b.cmd, { stdoutFile, timeoutSecs: o.timeout, tmp });
    const c = m.error ? { ok: false, why: m.error } : b.check({ status: m.status, stdoutFile });
    if (!c.ok) {
      console.log(`   run ${k}: FAILED (${c.why}) after ${m.secs.toFixed(2)} s`);
      if (m.stderr.trim()) console.log(excerpt(m.stderr));
      if (b.hint) console.log(`   hint: ${b.hint}`);
      // A failure is reported, not retried: the remaining runs would fail the same way.
      return { ...b, runs, status: `FAILED: ${c.why}${b.hint ? ` (${b.hint})` : ''}`, stderr: m.stderr };
    }
    runs.push(m);
    result = c.result;
    note = c.note;
    const rss = m.rssKB == null ? 'n/a' : `${(m.rssKB / 1024).toFixed(0)} MiB`;
    console.log(`   run ${k}: ${m.secs.toFixed(2)} s, peak RSS ${rss}${c.note ? ` (${c.note})` : ''}`);
  }
  if (b.keep && fs.existsSync(b.keep)) fs.copyFileSync(b.keep, path.join(RESULTS, `${b.id}.json`));
  const secs = runs.map((r) => r.secs);
  const rss = runs.map((r) => r.rssKB).filter((x) => x != null);
  return {
    ...b, runs, result, status: note ? `ok (${note})` : 'ok',
    median: median(secs), min: Math.min(...secs), max: Math.max(...secs),
    rssMB: rss.length ? Math.max(...rss) / 1024 : null,
  };
}

// ---- report -----------------------------------------------------------------------------------

const fmt = (x, d = 2) => (x == null ? '—' : x.toFixed(d));
const thousands = (n) => Math.round(n).toLocaleString('en-US');

function table(results) {
  const head = '| tool | input | rows | median s | min–max s | peak RSS MB | rows/s | status |\n|---|---|---:|---:|---:|---:|---:|---|';
  const lines = results.map((r) => {
    const input = r.input ? path.basename(r.input) : r.format;
    const range = r.median == null ? '—' : `${fmt(r.min)}–${fmt(r.max)}`;
    const rate = r.median ? thousands(r.rows / r.median) : '—';
    return `| ${r.tool} | ${input} | ${thousands(r.rows)} | ${fmt(r.median)} | ${range} | ${fmt(r.rssMB, 0)} | ${rate} | ${r.status.replaceAll('|', '\\|')} |`;
  });
  return [head, ...lines].join('\n');
}

function barLines(results) {
  const out = [];
  for (const bar of BARS) {
    const r = results.find((x) => x.id === bar.id);
    if (!r) continue;
    let verdict;
    if (r.median == null) verdict = 'not measured';
    else if (r.rows !== bar.rows) verdict = `n/a (measured ${thousands(r.rows)} rows; the bar is for ${thousands(bar.rows)})`;
    else {
      const okT = r.median <= bar.seconds;
      const okM = bar.rssMB == null || (r.rssMB != null && r.rssMB <= bar.rssMB);
      verdict = `${okT && okM ? 'MET' : 'MISSED'} (${fmt(r.median)} s${bar.rssMB ? `, ${fmt(r.rssMB, 0)} MB` : ''})`;
    }
    out.push(`- ${bar.text}: ${verdict}`);
  }
  return out;
}

/** The three aggregates from a cscheck JSON report, shaped like the baselines' output (null if absent). */
function cscheckAggregates(j) {
  const ind = (id) => (Array.isArray(j?.indicators) ? j.indicators.find((x) => x.id === id) : undefined);
  const cov = ind('facility_coverage_rural');
  const share = ind('activity_area_share');
  const per = ind('facility_area_per_100_households');
  if (cov?.value == null && share?.value == null) return null;
  const values = {};
  // cscheck names a township "县 乡镇"; the baselines group by 乡镇（街道） alone (unique in generated data).
  for (const t of Array.isArray(per?.townships) ? per.townships : []) values[String(t.township).split(' ').pop()] = t.value;
  return {
    facility_coverage_rural: { value: cov?.value },
    activity_area_share: { value: share?.value },
    facility_area_per_100_households: { townships: Object.keys(values).length, values },
  };
}

function resultLines(results) {
  const out = [];
  const sets = [];
  for (const r of results) {
    // The aggregates of the 1,000,000-row CSV, as cscheck, pandas and Miller each compute them.
    if (!r.result || r.format !== 'csv' || r.id.startsWith('annotate-')) continue;
    const j = r.tool === 'cscheck' ? cscheckAggregates(r.result) : r.result;
    if (!j) {
      out.push(`- ${r.tool}: the three indicators were not found in its JSON report`);
      continue;
    }
    sets.push([r.tool, j]);
    const tw = j.facility_area_per_100_households;
    out.push(
      `- ${r.tool}: rural facility coverage ${fmt(j.facility_coverage_rural?.value, 4)} %, ` +
        `activity area share ${fmt(j.activity_area_share?.value, 4)} %, ` +
        `facility area per 100 households for ${tw?.townships ?? 0} townships`,
    );
  }
  const close = (a, b) => a != null && b != null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  const [ref, ...others] = sets;
  for (const [tool, j] of others) {
    const diffs = [];
    if (!close(ref[1].facility_coverage_rural.value, j.facility_coverage_rural.value)) diffs.push('rural facility coverage');
    if (!close(ref[1].activity_area_share.value, j.activity_area_share.value)) diffs.push('activity area share');
    const a = ref[1].facility_area_per_100_households.values;
    const b = j.facility_area_per_100_households.values;
    const bad = Object.keys(a).filter((k) => !close(a[k], b[k])).length + Object.keys(b).filter((k) => !(k in a)).length;
    if (bad) diffs.push(`facility area per 100 households in ${bad} townships`);
    out.push(`- ${tool} ${diffs.length ? `DIFFERS from ${ref[0]} on ${diffs.join(', ')}` : `agrees with ${ref[0]} on all three aggregates`}`);
  }
  return out;
}

// ---- main -------------------------------------------------------------------------------------

function main() {
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`bench: ${e.message}`);
    process.exit(2);
  }
  fs.mkdirSync(DATA, { recursive: true });
  fs.mkdirSync(RESULTS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cscheck-bench-'));
  try {
    const timer = detectTimer();
    timer.timeoutCmd = which('timeout');
    console.log(`timing: ${timer.text}`);

    const files = {};
    if (o.only.some((t) => !['batch', 'annotate', 'xlsx', 'townships'].includes(t))) files.csv = ensureData('csv', o.rows, o.seed, o.regen);
    if (['cscheck', 'annotate', 'xlsx'].some((t) => o.only.includes(t))) files.xlsx = ensureData('xlsx', o.xlsxRows, o.seed, o.regen);
    if (o.only.includes('annotate')) files.annotateCsv = ensureData('csv', o.annotateRows, o.seed, o.regen);
    if (o.only.includes('batch')) files.trees = o.batchFiles.map((n) => [n, ensureTree(n, o.batchRows, o.seed, o.regen)]).filter(([, d]) => d);

    const results = planBenchmarks(o, tmp, files).map((b) => runBenchmark(b, o, timer, tmp));

    const cpus = os.cpus();
    const env = [
      `- date: ${new Date().toISOString()}`,
      `- node: ${process.version}; CPUs: ${os.availableParallelism?.() ?? cpus.length} (${cpus[0]?.model?.trim() ?? 'unknown'}); ` +
        `memory: ${(os.totalmem() / 1073741824).toFixed(1)} GiB; ${os.type()} ${os.release()} ${os.arch()}`,
      `- tools: ${[
        o.only.includes('pandas') && `pandas ${firstLine(o.python, ['-c', 'import pandas; print(pandas.__version__)']) ?? 'missing'} (${o.python})`,
        o.only.includes('mlr') && (firstLine('mlr', ['--version']) ?? 'mlr missing'),
      ].filter(Boolean).join('; ') || '—'}`,
      `- data: seed ${o.seed}, generator v${GENERATOR_VERSION}; ` +
        [
          ...[...new Set([files.csv, files.xlsx, files.annotateCsv])].filter(Boolean).map((f) => `${rel(f)} ${(fs.statSync(f).size / 1048576).toFixed(1)} MiB`),
          ...(files.trees ?? []).map(([n, d]) => `${rel(d)} (${n} files × ${o.batchRows} rows)`),
        ].join(', '),
      `- runs: ${o.runs} per command, median wall time (measured around the child process); peak RSS = max over runs of the child's max resident set size (${timer.text})`,
    ];
    const commands = results.filter((r) => r.shown).map((r) => r.shown);
    const md = [
      '# cscheck benchmark',
      '',
      ...env,
      '',
      table(results),
      '',
      ...(barLines(results).length ? ['Bars:', '', ...barLines(results), ''] : []),
      ...(resultLines(results).length ? ['Results:', '', ...resultLines(results), ''] : []),
      ...(floorLines(results).length ? ['CSV floor:', '', ...floorLines(results), ''] : []),
      ...(xlsxRatios(results).length ? ['XLSX ratios (medians of the same run):', '', ...xlsxRatios(results), ''] : []),
      ...(townshipLines(results).length ? ['Townships at scale (medians of the same run):', '', ...townshipLines(results), ''] : []),
      'Commands (run from the repository root; each wrapped as `/usr/bin/time -f \'%e %M\' -o FILE …`):',
      '',
      '```sh',
      ...commands,
      '```',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(RESULTS, 'latest.md'), md);
    console.log(`\n${md}`);
    console.log(`written to ${rel(path.join(RESULTS, 'latest.md'))}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main();
