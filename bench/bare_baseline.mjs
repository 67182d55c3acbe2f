#!/usr/bin/env node
// The bare loop: the floor a hand-written Node script sets for cscheck on the survey CSV. It reads
// the file in 256 KiB pieces, splits the text at line ends and each line at commas (no quoting, no
// encodings, no checks) and computes the three aggregates of bench/pandas_baseline.py, with the same
// missing-value rule. Prints one JSON object shaped like the pandas baseline's.
//
//   node bench/bare_baseline.mjs FILE.csv

import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/bare_baseline.mjs FILE.csv');
  process.exit(2);
}

let header = null;
let col;
let rows = 0;
let rural = 0;
let ruralYes = 0;
let ruralMissing = 0;
let bothRows = 0;
let facSum = 0;
let actSum = 0;
let okRows = 0;
const townships = new Map();

/** The index of the header `name`, or `name` followed by a bracketed unit. */
const index = (name) => {
  const i = header.findIndex((h) => h === name || h.startsWith(`${name}（`) || h.startsWith(`${name}(`));
  if (i < 0) throw new Error(`column ${name} not found`);
  return i;
};

function line(text) {
  const cells = text.split(',');
  if (!header) {
    header = cells.map((h) => h.replace(/^\ufeff/, '').trim());
    col = {
      kind: index('城乡类型'), township: index('乡镇（街道）'), has: index('是否建有综合服务设施'),
      fac: index('综合服务设施建筑面积'), act: index('居民活动区域面积'), hh: index('户数'),
    };
    return;
  }
  rows++;
  if (cells[col.kind] === '农村') {
    const has = cells[col.has];
    if (has === '') ruralMissing++;
    else {
      rural++;
      if (has === '是') ruralYes++;
    }
  }
  const f = cells[col.fac];
  const a = cells[col.act];
  const h = cells[col.hh];
  if (f !== '' && a !== '') {
    bothRows++;
    facSum += Number(f);
    actSum += Number(a);
  }
  if (f !== '' && h !== '') {
    okRows++;
    const t = cells[col.township];
    let s = townships.get(t);
    if (!s) townships.set(t, (s = { f: 0, h: 0 }));
    s.f += Number(f);
    s.h += Number(h);
  }
}

const decoder = new StringDecoder('utf8');
let rest = '';
for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 18 })) {
  const lines = (rest + decoder.write(chunk)).split('\n');
  rest = lines.pop();
  for (const l of lines) line(l.endsWith('\r') ? l.slice(0, -1) : l);
}
rest += decoder.end();
if (rest) line(rest);

const values = {};
for (const t of [...townships.keys()].sort()) {
  const s = townships.get(t);
  values[t] = s.h ? (100 * s.f) / s.h : null;
}
console.log(JSON.stringify({
  rows,
  facility_coverage_rural: { value: rural ? (100 * ruralYes) / rural : null, rows: rural, yes: ruralYes, without_data: ruralMissing },
  activity_area_share: { value: facSum ? (100 * actSum) / facSum : null, rows: bothRows, without_data: rows - bothRows },
  facility_area_per_100_households: { townships: townships.size, rows: okRows, without_data: rows - okRows, values },
}, null, 1));
