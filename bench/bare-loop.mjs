#!/usr/bin/env node
// The floor a CSV evaluation is measured against (issue 15): a bare Node loop that reads the file in
// chunks, splits lines and fields with String.split, and computes the three aggregates of the
// baselines (see README "What is measured"), no quoting, no types, no checks.
//
//   node bench/bare-loop.mjs FILE.csv

import fs from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/bare-loop.mjs FILE.csv');
  process.exit(2);
}
let col = null;
let rest = '';
let rows = 0;
let ruralKnown = 0;
let ruralYes = 0;
let act = 0;
let fac = 0;
const perTownship = new Map();
const num = (s) => (s === '' ? null : Number(s));
for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
  const lines = (rest + chunk).split('\n');
  rest = lines.pop();
  for (const line of lines) {
    const f = line.split(',');
    if (!col) {
      const raw = f.map((x) => x.replace(/^\uFEFF/, ''));
      const h = raw.map((x) => x.replace(/（[^）]*）$/, ''));
      col = { kind: h.indexOf('城乡类型'), has: h.indexOf('是否建有综合服务设施'), fac: h.indexOf('综合服务设施建筑面积'), act: h.indexOf('居民活动区域面积'), hh: h.indexOf('户数'), county: raw.indexOf('县（市、区）'), town: raw.indexOf('乡镇（街道）') };
      continue;
    }
    rows++;
    if (f[col.kind] === '农村' && f[col.has] !== '') {
      ruralKnown++;
      if (f[col.has] === '是') ruralYes++;
    }
    const fa = num(f[col.fac]);
    const ac = num(f[col.act]);
    if (fa !== null && ac !== null) {
      act += ac;
      fac += fa;
    }
    const hh = num(f[col.hh]);
    if (fa !== null && hh !== null) {
      const key = `${f[col.county]}\u0001${f[col.town]}`;
      let t = perTownship.get(key);
      if (!t) perTownship.set(key, (t = { fac: 0, hh: 0 }));
      t.fac += fa;
      t.hh += hh;
    }
  }
}
console.log(JSON.stringify({ rows, ruralCoverage: (100 * ruralYes) / ruralKnown, activityShare: (100 * act) / fac, townships: perTownship.size }));
