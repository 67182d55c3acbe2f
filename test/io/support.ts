import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Finding } from '../../src/schema/finding.js';
import { FIELDS_BY_LEVEL } from '../../src/schema/contract.js';
import type { InputSink, ReportedValue } from '../../src/io/input-sink.js';
import type { DataRow } from '../../src/io/row-builder.js';
import { keepTmpDir } from '../support/tmp-dirs.js';
import type { ReadOptions } from '../../src/io/read-input.js';
import { readInput } from '../../src/io/read-input.js';
import type { Value } from '../../src/io/values.js';

/** A sink that keeps every row as a plain object keyed by field id. */
export class Collect implements InputSink {
  rows: { row: number; level: string; sheet?: string; v: Record<string, Value> }[] = [];
  findings: Finding[] = [];
  reported: ReportedValue[] = [];

  onRow(r: DataRow): void {
    const fields = FIELDS_BY_LEVEL[r.table.level];
    const v: Record<string, Value> = {};
    fields.forEach((f, i) => {
      if (r.values[i] !== null) v[f.id] = r.values[i];
    });
    this.rows.push({ row: r.row, level: r.table.level, sheet: r.table.sheet, v });
  }
  onFinding(f: Finding): void {
    this.findings.push(f);
  }
  onReported(v: ReportedValue): void {
    this.reported.push(v);
  }
  community() {
    return this.rows.filter((r) => r.level === 'community');
  }
}

export function tmp(): string {
  return keepTmpDir(mkdtempSync(join(tmpdir(), 'cscheck-io-')));
}

export function writeText(name: string, text: string, encoding: 'utf8' | 'utf8bom' | 'gbk' | 'gb18030' | 'utf16le' = 'utf8'): string {
  const path = join(tmp(), name);
  let buf: Buffer;
  if (encoding === 'utf8bom') buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  else if (encoding === 'utf16le') buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  else if (encoding === 'utf8') buf = Buffer.from(text, 'utf8');
  else buf = iconv.encode(text, encoding);
  writeFileSync(path, buf);
  return path;
}

export async function read(path: string, options: ReadOptions = {}): Promise<Collect> {
  const sink = new Collect();
  await readInput(path, sink, options);
  return sink;
}
