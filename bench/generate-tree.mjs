#!/usr/bin/env node
// Seeded generator of a folder tree of survey files for the `cscheck batch` benchmark: FILES CSV
// files of ROWS rows each, spread over folders (县01/ … 县NN/, 25 files a folder), every file a
// survey of bench/generate.mjs (every contract column, canonical headers) with its own seed, its
// rows in the ten townships of one county — the shape of a county's own export.
//
//   node bench/generate-tree.mjs --files N --rows R [--seed S] [--out DIR]
//
// The same arguments always give the same bytes. Files are written one after another, so memory
// holds one file's text at a time.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs as nodeParseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { HEADERS, surveyRows } from './generate.mjs';

/** Bump when the output for given arguments changes, so bench/run.mjs regenerates cached trees. */
export const TREE_GENERATOR_VERSION = 1;
export const FILES_PER_FOLDER = 25;

const csvCell = (v) => (v === null || v === undefined ? '' : String(v));

/** Path of file i (0-based) inside the tree: 县01/镇0001.csv … */
export function treeFile(i) {
  const folder = String(1 + Math.floor(i / FILES_PER_FOLDER)).padStart(2, '0');
  return path.join(`县${folder}`, `镇${String(i + 1).padStart(4, '0')}.csv`);
}

export function writeTree(dir, files, rows, seed = 42) {
  fs.rmSync(dir, { recursive: true, force: true });
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const file = path.join(dir, treeFile(i));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Generated names and numbers never need quoting (see generate.mjs).
    let text = `${HEADERS.join(',')}\n`;
    for (const row of surveyRows(rows, seed + i, { townships: 10 })) text += `${row.map(csvCell).join(',')}\n`;
    fs.writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

function parseArgs(argv) {
  const { values } = nodeParseArgs({
    args: argv,
    options: { files: { type: 'string', default: '1000' }, rows: { type: 'string', default: '500' }, seed: { type: 'string', default: '42' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log('usage: node bench/generate-tree.mjs --files N --rows R [--seed S] [--out DIR]');
    process.exit(0);
  }
  const o = { files: Number(values.files), rows: Number(values.rows), seed: Number(values.seed), out: values.out ?? null };
  for (const k of ['files', 'rows']) if (!Number.isInteger(o[k]) || o[k] < 1) throw new Error(`--${k} must be a positive integer`);
  if (!Number.isInteger(o.seed)) throw new Error('--seed must be an integer');
  o.out ??= path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', `tree-${o.files}x${o.rows}${o.seed === 42 ? '' : `-s${o.seed}`}`);
  return o;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const o = parseArgs(process.argv.slice(2));
    const t0 = process.hrtime.bigint();
    const bytes = writeTree(o.out, o.files, o.rows, o.seed);
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    console.log(`${o.out}: ${o.files} files × ${o.rows} rows, ${(bytes / 1048576).toFixed(1)} MiB, ${secs.toFixed(2)} s, seed ${o.seed}`);
  } catch (e) {
    console.error(`generate-tree: ${e.message}`);
    process.exit(2);
  }
}
