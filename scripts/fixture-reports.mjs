#!/usr/bin/env node
// The JSON report of every fixture against every plan, one file each, for diffing a change's
// before and after: `node scripts/fixture-reports.mjs OUT_BEFORE` on the old tree, the same on the
// new tree into OUT_AFTER, then `diff -r OUT_BEFORE OUT_AFTER`. Wall-clock fields are blanked.
// Usage: node scripts/fixture-reports.mjs OUT_DIR [CSCHECK_BIN]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const out = resolve(process.argv[2] ?? 'fixture-reports');
const bin = resolve(process.argv[3] ?? join(root, 'bin/cscheck'));
mkdirSync(out, { recursive: true });

const plans = readdirSync(join(root, 'plans')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort();
const files = [];
(function walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.(csv|xlsx|xls|ods)$/i.test(e.name)) files.push(p);
  }
})(join(root, 'fixtures'));

const TIME = /"(generatedAt|generated|startedAt|finishedAt|elapsedMs|durationMs)":\s*("[^"]*"|[0-9.]+)/g;
function run(name, args) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const body = `exit ${r.status}\n--- stdout\n${r.stdout.replace(TIME, '"$1":"…"')}\n--- stderr\n${r.stderr}`.split(root).join('<root>');
  writeFileSync(join(out, name.replace(/\//g, '__') + '.txt'), body);
}

let n = 0;
for (const f of files) {
  const rel = relative(root, f);
  const isLedger = /ledger/.test(rel);
  if (isLedger) {
    run(`ledger__${rel}`, ['ledger', rel, '--format', 'json']);
    for (const p of plans) run(`ledger__${p}__${rel}`, ['ledger', rel, '--plan', p, '--format', 'json']);
    n += 1 + plans.length;
  } else {
    for (const p of plans) for (const lang of ['zh', 'en']) run(`evaluate__${p}__${lang}__${rel}`, ['evaluate', rel, '--plan', p, '--format', 'json', '--lang', lang]);
    n += plans.length * 2;
  }
}
run('plans-lint', ['plans', 'lint', '--format', 'json']);
run('compare-xianyou', ['compare', 'fixtures/compare/xianyou-2023.csv', 'fixtures/compare/xianyou-2024.xlsx', '--plan', 'xianyou', '--format', 'json']);
const batchDir = join(out, '.batch');
rmSync(batchDir, { recursive: true, force: true });
run('batch', ['batch', 'fixtures/batch', '--plan', 'quanzhou', '--out', batchDir, '--jobs', '1', '--format', 'json']);
try {
  const summary = readFileSync(join(batchDir, 'summary.json'), 'utf8');
  writeFileSync(join(out, 'batch-summary.json.txt'), summary.replace(TIME, '"$1":"…"').split(root).join('<root>'));
} catch (e) {
  writeFileSync(join(out, 'batch-summary.json.txt'), `missing: ${e.message}`);
}
rmSync(batchDir, { recursive: true, force: true });
console.log(`${n + 3} reports in ${out}`);
