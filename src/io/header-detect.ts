// Finding the header: exports put title lines above it and often split it over two rows (a group
// cell such as 综合服务设施 above 建筑面积（平方米）). We score every candidate row, alone and
// joined with the row below, by how many contract fields it names, and keep the best.

import type { FieldDef, Level } from '../schema/contract.js';
import { FIELDS_BY_LEVEL } from '../schema/contract.js';
import { HeaderMatcher, normalizeHeader } from './header-match.js';

export const HEADER_SEARCH_ROWS = 30;

export interface Column {
  /** 0-based position in the record. */
  index: number;
  header: string;
  /** Index into the level's field list, or -1 for an unknown column. */
  field: number;
}

export interface Header {
  level: Level;
  /** 0-based index of the last header row among the rows searched. */
  lastRow: number;
  /** 0-based index of the first header row. */
  firstRow: number;
  columns: Column[];
  fields: readonly FieldDef[];
}

const matchers = new WeakMap<readonly FieldDef[], HeaderMatcher>();
const matcherFor = (fields: readonly FieldDef[]): HeaderMatcher => {
  let m = matchers.get(fields);
  if (!m) matchers.set(fields, (m = new HeaderMatcher(fields)));
  return m;
};

function cellText(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

function single(row: unknown[], m: HeaderMatcher): Column[] {
  return row.map((v, index) => {
    const header = cellText(v);
    return { index, header, field: m.match(header) };
  });
}

function joined(top: unknown[], bottom: unknown[], m: HeaderMatcher): Column[] {
  const width = Math.max(top.length, bottom.length);
  const cols: Column[] = [];
  let parent = '';
  for (let index = 0; index < width; index++) {
    const t = cellText(top[index]);
    const b = cellText(bottom[index]);
    // A group cell spans the children to its right; a new top cell starts a new group.
    if (t) parent = t;
    else if (!b) parent = '';
    if (!b) {
      cols.push({ index, header: t, field: m.match(t) });
      continue;
    }
    const p = t || parent;
    const candidates = p && p !== b ? [p + b, b, p] : [b];
    let col: Column = { index, header: candidates[0], field: -1 };
    for (const header of candidates) {
      const field = m.match(header);
      if (field >= 0) {
        col = { index, header, field };
        break;
      }
    }
    cols.push(col);
  }
  return cols;
}

function score(cols: Column[]): number {
  return new Set(cols.filter((c) => c.field >= 0).map((c) => c.field)).size;
}

/**
 * Finds the header of a table of the given level among the first rows of a sheet, or null.
 * A community table must name the community column; a township table, the township column.
 */
export function detectHeader(rows: unknown[][], level: Level): Header | null {
  const fields = FIELDS_BY_LEVEL[level];
  const found = detectColumns(rows, fields, level === 'community' ? 'community' : 'township');
  return found && { level, fields, ...found };
}

/**
 * The best header row (alone, or joined with the row below) for a table of `fields` that names
 * the column `key`: the one that names the most fields.
 */
export function detectColumns(rows: unknown[][], fields: readonly FieldDef[], key: string): Pick<Header, 'firstRow' | 'lastRow' | 'columns'> | null {
  const m = matcherFor(fields);
  const keyField = fields.findIndex((f) => f.id === key);
  let best: Pick<Header, 'firstRow' | 'lastRow' | 'columns'> | null = null;
  let bestScore = 0;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const options: [Column[], number][] = [[single(rows[i], m), i]];
    if (i + 1 < rows.length) options.push([joined(rows[i], rows[i + 1], m), i + 1]);
    for (const [cols, lastRow] of options) {
      // On a tie a one-row header wins: a title line merged above it adds nothing.
      const s = score(cols) * 2 + (lastRow === i ? 1 : 0);
      if (s > bestScore && cols.some((c) => c.field === keyField)) {
        best = { firstRow: i, lastRow, columns: cols };
        bestScore = s;
      }
    }
  }
  return best;
}

/** The reported-values table (填报指标): two columns, 指标 and 数值. */
export function detectValuesHeader(rows: unknown[][]): { row: number; name: number; value: number } | null {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const keys = rows[i].map((v) => normalizeHeader(cellText(v)));
    // 指标 / 指标名称; 数值 / 实际值 / 2024年数值 / 填报值 (a unit in brackets is already dropped).
    const name = keys.findIndex((k) => k === '指标' || k === '指标名称' || k === 'indicator');
    const value = keys.findIndex((k, i) => i !== name && (k.endsWith('值') || k === 'value'));
    if (name >= 0 && value >= 0) return { row: i, name, value };
  }
  return null;
}
