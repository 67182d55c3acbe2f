// Finding the header: exports put title lines above it and often split it over two rows (a group
// cell such as 综合服务设施 above 建筑面积（平方米）). We score every candidate row, alone and
// joined with the row below, by how many contract fields it names, and keep the best.

import type { FieldDef, Level } from '../schema/contract.js';
import { FIELDS_BY_LEVEL } from '../schema/contract.js';
import { HeaderMatcher, normalizeHeader } from './header-match.js';
import type { Raw } from './values.js';

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

function cellText(v: Raw): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

function single(row: Raw[], m: HeaderMatcher): Column[] {
  return row.map((v, index) => {
    const header = cellText(v);
    return { index, header, field: m.match(header) };
  });
}

/**
 * Two rows read as one header, from their cells as single() read them: a cell matches as the group
 * above it plus itself, as itself, or as the group (only the joined text needs a new match).
 */
function joined(top: Column[], bottom: Column[], m: HeaderMatcher): Column[] {
  const width = Math.max(top.length, bottom.length);
  const cols: Column[] = [];
  let parent: Column | null = null;
  for (let index = 0; index < width; index++) {
    const t = top[index] as Column | undefined;
    const b = bottom[index] as Column | undefined;
    // A group cell spans the children to its right; a new top cell starts a new group.
    if (t?.header) parent = t;
    else if (!b?.header) parent = null;
    if (!b?.header) {
      cols.push({ index, header: t?.header ?? '', field: t?.field ?? -1 });
      continue;
    }
    const p = t?.header ? t : parent;
    if (!p || p.header === b.header) {
      cols.push({ index, header: b.header, field: b.field });
      continue;
    }
    const both = p.header + b.header;
    const field = m.match(both);
    if (field >= 0) cols.push({ index, header: both, field });
    else if (b.field >= 0) cols.push({ index, header: b.header, field: b.field });
    else if (p.field >= 0) cols.push({ index, header: p.header, field: p.field });
    else cols.push({ index, header: both, field: -1 });
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
export function detectHeader(rows: Raw[][], level: Level): Header | null {
  const fields = FIELDS_BY_LEVEL[level];
  const found = detectColumns(rows, fields, level === 'community' ? 'community' : 'township');
  return found && { level, fields, ...found };
}

/**
 * The best header row (alone, or joined with the row below) for a table of `fields` that names
 * the column `key`: the one that names the most fields.
 */
export function detectColumns(rows: Raw[][], fields: readonly FieldDef[], key: string): Pick<Header, 'firstRow' | 'lastRow' | 'columns'> | null {
  const m = matcherFor(fields);
  const keyField = fields.findIndex((f) => f.id === key);
  let best: Pick<Header, 'firstRow' | 'lastRow' | 'columns'> | null = null;
  let bestScore = 0;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  // Each row read once: as a header by itself, and as the top and the bottom of a joined one.
  let cells = single(rows[0] ?? [], m);
  for (let i = 0; i < limit; i++) {
    const below = i + 1 < rows.length ? single(rows[i + 1], m) : null;
    const options: [Column[], number][] = [[cells, i]];
    if (below) options.push([joined(cells, below, m), i + 1]);
    for (const [cols, lastRow] of options) {
      // On a tie a one-row header wins: a title line merged above it adds nothing.
      const s = score(cols) * 2 + (lastRow === i ? 1 : 0);
      if (s > bestScore && cols.some((c) => c.field === keyField)) {
        best = { firstRow: i, lastRow, columns: cols };
        bestScore = s;
      }
    }
    if (below) cells = below;
  }
  return best;
}

/** The reported-values table (填报指标): two columns, 指标 and 数值. */
export function detectValuesHeader(rows: Raw[][]): { row: number; name: number; value: number } | null {
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
