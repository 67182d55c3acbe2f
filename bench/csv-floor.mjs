// The CSV floor benchmarks of bench/run.mjs (issue 15): the parser shoot-out (--only csv-parsers)
// and the end-to-end references for cscheck's CSV read (--only csv: cscheck on the CSV, the bare
// loop, DuckDB), with the same-run ratios between them.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PARSER_NAMES } from './csv-parsers.mjs';

export const FLOOR_TOOLS = ['csv', 'csv-parsers', 'bare', 'duckdb'];

const hasDuckdb = () => {
  try {
    createRequire(import.meta.url).resolve('@duckdb/node-api');
    return true;
  } catch {
    return false;
  }
};

export function floorBenchmarks(o, files, { baselineCheck, shell, rel }) {
  const input = files.csv;
  const list = [];
  const node = process.execPath;
  if (o.only.includes('csv-parsers')) {
    for (const name of PARSER_NAMES) {
      const cmd = input && [node, 'bench/csv-parsers.mjs', name, rel(input)];
      list.push({
        id: `parse-${name}`, tool: `parse: ${name}`, format: 'csv parse', rows: o.rows, input, cmd,
        shown: cmd && shell(['node', ...cmd.slice(1)]), check: baselineCheck(o.rows),
        skip: name === 'papaparse-cscheck' && !fs.existsSync(path.join(path.dirname(import.meta.dirname), 'dist/io/csv-records.js')) ? 'dist/ is missing: npm run build' : null,
      });
    }
  }
  if (o.only.includes('csv') || o.only.includes('bare')) {
    const cmd = input && [node, 'bench/bare_baseline.mjs', rel(input)];
    list.push({ id: 'bare-csv', tool: 'bare loop', format: 'csv', rows: o.rows, input, cmd, shown: cmd && shell(['node', ...cmd.slice(1)]), check: baselineCheck(o.rows) });
  }
  if (o.only.includes('csv') || o.only.includes('duckdb')) {
    const cmd = input && [node, 'bench/duckdb_baseline.mjs', rel(input)];
    const skip = hasDuckdb() ? null : '@duckdb/node-api is missing: npm ci (it is a devDependency)';
    list.push({ id: 'duckdb-csv', tool: 'duckdb', format: 'csv', rows: o.rows, input, cmd, shown: cmd && shell(['node', ...cmd.slice(1)]), skip, check: baselineCheck(o.rows) });
  }
  return list;
}

/** Lines for the report: the parsers' agreement and the same-run ratios to the bare loop. */
export function floorLines(results) {
  const out = [];
  const parsed = results.filter((r) => r.id.startsWith('parse-') && r.result);
  if (parsed.length > 1) {
    const sums = new Set(parsed.map((r) => r.result.sum));
    out.push(`- parsers: ${sums.size === 1 ? `all ${parsed.length} counted the same rows and the same 户数 sum (${[...sums][0]})` : `DISAGREE on the 户数 sum: ${parsed.map((r) => `${r.tool} ${r.result.sum}`).join(', ')}`}`);
  }
  const ref = results.find((r) => r.id === 'bare-csv' && r.median != null) ?? results.find((r) => r.id === 'parse-bare-split' && r.median != null);
  if (ref) {
    for (const r of results) {
      if (r === ref || r.median == null || !(r.format === 'csv' || r.format === 'csv parse')) continue;
      out.push(`- ${r.tool}: ${(r.median / ref.median).toFixed(2)}× the ${ref.tool}'s time (same run)`);
    }
  }
  return out;
}
