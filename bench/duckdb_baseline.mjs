#!/usr/bin/env node
// DuckDB baseline: what an analyst who knows SQL would run instead of cscheck. One SQL query over
// the survey CSV (DuckDB's own parallel CSV reader, types sniffed) computes the three aggregates of
// bench/pandas_baseline.py with the same missing-value rule (SQL's NULL for an empty cell, left out
// of both sides). Prints one JSON object shaped like the pandas baseline's.
//
//   node bench/duckdb_baseline.mjs FILE.csv      (needs the devDependency @duckdb/node-api)

import fs from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/duckdb_baseline.mjs FILE.csv');
  process.exit(2);
}

// Headers carry units (综合服务设施建筑面积（平方米）): find each column by its name in the header line.
const fd = fs.openSync(file, 'r');
const head = Buffer.alloc(64 * 1024);
const headText = head.subarray(0, fs.readSync(fd, head, 0, head.length, 0)).toString('utf8');
fs.closeSync(fd);
const header = headText.split(/\r?\n/)[0].replace(/^\ufeff/, '').split(',');
const q = (name) => {
  const h = header.find((x) => x === name || x.startsWith(`${name}（`) || x.startsWith(`${name}(`));
  if (!h) throw new Error(`column ${name} not found`);
  return `"${h.replaceAll('"', '""')}"`;
};
const [kind, township, has, fac, act, hh] = ['城乡类型', '乡镇（街道）', '是否建有综合服务设施', '综合服务设施建筑面积', '居民活动区域面积', '户数'].map(q);
const src = `read_csv('${file.replaceAll("'", "''")}', header = true)`;

const sql = `
WITH t AS (SELECT * FROM ${src}),
overall AS (
  SELECT count(*) AS rows,
    count(*) FILTER (WHERE ${kind} = '农村' AND ${has} IS NOT NULL) AS rural,
    count(*) FILTER (WHERE ${kind} = '农村' AND ${has} = '是') AS rural_yes,
    count(*) FILTER (WHERE ${kind} = '农村' AND ${has} IS NULL) AS rural_missing,
    count(*) FILTER (WHERE ${fac} IS NOT NULL AND ${act} IS NOT NULL) AS both_rows,
    sum(${fac}) FILTER (WHERE ${fac} IS NOT NULL AND ${act} IS NOT NULL) AS fac_sum,
    sum(${act}) FILTER (WHERE ${fac} IS NOT NULL AND ${act} IS NOT NULL) AS act_sum,
    count(*) FILTER (WHERE ${fac} IS NOT NULL AND ${hh} IS NOT NULL) AS ok_rows
  FROM t),
per AS (
  SELECT list(${township} ORDER BY ${township}) AS names, list(100 * f / h ORDER BY ${township}) AS vals FROM (
    SELECT ${township}, sum(${fac}) AS f, sum(${hh}) AS h FROM t
    WHERE ${fac} IS NOT NULL AND ${hh} IS NOT NULL GROUP BY ${township}))
SELECT * FROM overall, per`;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const reader = await connection.runAndReadAll(sql);
const [r] = reader.getRowObjectsJS();
const n = (x) => (x == null ? null : Number(x));
const values = {};
r.names.forEach((name, i) => (values[name] = n(r.vals[i])));
console.log(JSON.stringify({
  rows: n(r.rows),
  facility_coverage_rural: { value: n(r.rural) ? (100 * n(r.rural_yes)) / n(r.rural) : null, rows: n(r.rural), yes: n(r.rural_yes), without_data: n(r.rural_missing) },
  activity_area_share: { value: n(r.fac_sum) ? (100 * n(r.act_sum)) / n(r.fac_sum) : null, rows: n(r.both_rows), without_data: n(r.rows) - n(r.both_rows) },
  facility_area_per_100_households: { townships: r.names.length, rows: n(r.ok_rows), without_data: n(r.rows) - n(r.ok_rows), values },
}, null, 1));
