// Which communities a snapshot holds: a sink that sits in front of an evaluation, passes every row,
// finding and reported value on, and notes each community row's identity on the way — so `compare`
// can tell communities added from removed without a second pass over the file. Rows are still
// dropped after the evaluation has counted them; only the names stay.

import type { CommunityEntry } from '../schema/comparison.js';
import type { Finding } from '../schema/finding.js';
import type { InputSink, ReportedValue } from '../io/input-sink.js';
import type { DataRow } from '../io/row-builder.js';
import { FIELDS_BY_LEVEL } from '../schema/contract.js';
import { isPlain } from '../io/header-match.js';
import { rowShape } from './row-shape.js';

/** Text compared as the same name: NFKC (full-width forms, （） = ()) without any white space. */
export const nameKey = (s: string): string => (isPlain(s) ? s : s.normalize('NFKC').replace(/\s+/g, ''));

/**
 * A community's identity within a snapshot: its 统计用区划代码 when it has one, else county,
 * township and name. Two rows with one key are one community (the first one is kept).
 */
export function communityKey(c: Pick<CommunityEntry, 'code' | 'county' | 'township' | 'name'>): string {
  return c.code ? nameKey(c.code) : [c.county ?? '', c.township, c.name].map(nameKey).join('/');
}

const SHAPE = rowShape('community');
const CODE = FIELDS_BY_LEVEL.community.findIndex((f) => f.id === 'code');

export class CommunityList implements InputSink {
  private readonly entries = new Map<string, CommunityEntry>();

  constructor(private readonly inner: InputSink) {}

  onRow(row: DataRow): void {
    if (row.table.level === 'community') this.note(row.values);
    this.inner.onRow(row);
  }

  onFinding(finding: Finding): void {
    this.inner.onFinding(finding);
  }

  onReported(value: ReportedValue): void {
    this.inner.onReported(value);
  }

  private note(values: DataRow['values']): void {
    const raw = values[SHAPE.community];
    if (typeof raw !== 'string' || !raw.trim()) return;
    const text = (i: number) => {
      const v = i >= 0 ? values[i] : null;
      return typeof v === 'string' && v.trim() ? v.trim() : undefined;
    };
    const name = raw.trim();
    const code = text(CODE);
    const county = text(SHAPE.county);
    const township = text(SHAPE.township) ?? '';
    const key = communityKey({ code, county, township, name });
    if (this.entries.has(key)) return;
    // Absent fields left out by building the object without them, not deleted afterwards: a deleted
    // property turns an object into a slow dictionary, for every use after (the JSON report's too).
    const entry: CommunityEntry = code
      ? county
        ? { key, code, county, township, name }
        : { key, code, township, name }
      : county
        ? { key, county, township, name }
        : { key, township, name };
    this.entries.set(key, entry);
  }

  /** The communities seen, in the order of their first row. */
  list(): CommunityEntry[] {
    return [...this.entries.values()];
  }
}
