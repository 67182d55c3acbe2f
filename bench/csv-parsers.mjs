#!/usr/bin/env node
// CSV parser shoot-out: one parser over one file, the same minimal work for each — count the data
// rows and sum one numeric column (户数, the sixth) — printed as one JSON object.
//
//   node bench/csv-parsers.mjs PARSER FILE.csv
//
// PARSER is one of PARSERS below. bench/run.mjs (--only csv-parsers) runs each as its own process,
// under GNU time for its peak RSS, and checks that all of them counted the same rows and sum.
// Every parser reads the file in 256 KiB pieces (as cscheck does), except csv-parse-sync, which is
// given the whole text (its only mode).

import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { StringDecoder } from 'node:string_decoder';
import { pathToFileURL } from 'node:url';

const READ_BYTES = 1 << 18;
const PARSE_CHARS = 1 << 16;
const COLUMN = 5;

/** Calls `onText` with the file's text, decoded piece by piece. */
async function eachText(file, onText) {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: READ_BYTES })) onText(decoder.write(chunk));
  const rest = decoder.end();
  if (rest) onText(rest);
}

/** Row counter and column sum; the header record is the first one given and is not counted. */
function tally() {
  const t = { records: 0, sum: 0 };
  t.take = (cells) => {
    if (t.records++ === 0) return;
    const v = cells[COLUMN];
    if (v !== '' && v !== undefined && v !== null) t.sum += Number(v);
  };
  t.result = () => ({ rows: t.records - 1, sum: t.sum });
  return t;
}

const PARSERS = {
  /** papaparse as cscheck drives it: src/io/csv-records.ts (the build in dist/), 64 Ki-char pieces. */
  async 'papaparse-cscheck'(file) {
    const { RecordParser } = await import(pathToFileURL(new URL('../dist/io/csv-records.js', import.meta.url).pathname).href);
    const t = tally();
    const records = new RecordParser(',', 1, file, (cells) => t.take(cells));
    await eachText(file, (text) => {
      for (let i = 0; i < text.length; i += PARSE_CHARS) records.push(text.slice(i, i + PARSE_CHARS));
    });
    records.end();
    return t.result();
  },

  /** uDSV's incremental parser, string tuples, a handler per row (no accumulation). */
  async udsv(file) {
    const { inferSchema, initParser } = await import('udsv');
    const t = tally();
    t.records = 1; // uDSV takes the header itself
    let parser = null;
    await eachText(file, (text) => {
      parser ??= initParser(inferSchema(text));
      parser.chunk(text, parser.stringArrs, t.take);
    });
    parser.end();
    return t.result();
  },

  /** csv-parse 7, streaming API, its fastest options: no cast, no info, column count relaxed. */
  async 'csv-parse-stream'(file) {
    const { parse } = await import('csv-parse');
    const t = tally();
    const parser = fs.createReadStream(file, { highWaterMark: READ_BYTES }).pipe(
      parse({ bom: true, cast: false, relax_column_count: true, skip_records_with_empty_values: false }),
    );
    for await (const cells of parser) t.take(cells);
    return t.result();
  },

  /** csv-parse 7, synchronous API over the whole text (held in memory with every record). */
  async 'csv-parse-sync'(file) {
    const { parse } = await import('csv-parse/sync');
    const t = tally();
    const rows = parse(fs.readFileSync(file), { bom: true, cast: false, relax_column_count: true });
    for (const cells of rows) t.take(cells);
    return t.result();
  },

  /** The bare loop: text pieces split at line ends, lines split at commas (no quotes handled). */
  async 'bare-split'(file) {
    const t = tally();
    let rest = '';
    await eachText(file, (text) => {
      const lines = (rest + text).split('\n');
      rest = lines.pop();
      for (const line of lines) t.take(line.split(','));
    });
    if (rest) t.take(rest.split(','));
    return t.result();
  },

  /**
   * A byte scanner: line ends and commas found in the bytes, the one column's digits read as a
   * number without building a string; no quotes handled (the generated file has none).
   */
  async 'byte-scan'(file) {
    let records = 0;
    let sum = 0;
    let col = 0;
    let num = 0;
    let frac = 0;
    let any = false;
    for await (const chunk of fs.createReadStream(file, { highWaterMark: READ_BYTES })) {
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i];
        if (b === 0x0a) {
          if (col === COLUMN && any && records > 0) sum += num;
          records++;
          col = 0;
          num = 0;
          frac = 0;
          any = false;
        } else if (b === 0x2c) {
          if (col === COLUMN && any && records > 0) sum += num;
          col++;
          num = 0;
          frac = 0;
          any = false;
        } else if (col === COLUMN) {
          if (b >= 0x30 && b <= 0x39) {
            any = true;
            if (frac) {
              frac /= 10;
              num += (b - 0x30) * frac;
            } else num = num * 10 + (b - 0x30);
          } else if (b === 0x2e) frac = 1;
        }
      }
    }
    return { rows: records - 1, sum };
  },
};

export const PARSER_NAMES = Object.keys(PARSERS);

async function main() {
  const [name, file] = process.argv.slice(2);
  if (!PARSERS[name] || !file) {
    console.error(`usage: node bench/csv-parsers.mjs ${PARSER_NAMES.join('|')} FILE.csv`);
    process.exit(2);
  }
  const t0 = performance.now();
  const result = await PARSERS[name](file);
  console.log(JSON.stringify({ parser: name, ...result, parseSecs: (performance.now() - t0) / 1000 }));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
