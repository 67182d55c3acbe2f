// Counting one level's rows (community or township) into every indicator: the overall accumulator
// (an Acc the measure adds to) and the row's township slot in the columns (counters.ts). A measure
// adds to the overall Acc; what it added there (the difference) goes to the township's slots, so a
// row is measured once. Shortfalls rank the worst rows as they pass (ranking.ts).

import type { Level } from '../../schema/contract.js';
import type { Contributor } from '../../schema/results.js';
import type { DataRow } from '../../io/row-builder.js';
import type { Value } from '../../io/values.js';
import type { CompiledIndicator, CompiledPlan } from '../compile-plan.js';
import type { Acc } from '../measures/measure.js';
import { newAcc } from '../measures/measure.js';
import type { RowShape } from '../row-shape.js';
import { rowShape } from '../row-shape.js';
import { TownshipCounters } from './counters.js';
import { offer } from './ranking.js';
import { NO_TOWNSHIP } from './township-registry.js';

/** Below this a shortfall is rounding, not a miss. */
export const EPS = 1e-9;

export interface CountedIndicator {
  c: CompiledIndicator;
  /** Its column set in the level's counters. */
  k: number;
  total: Acc;
  worst: Contributor[];
  /** Shortfall per unit of denominator, for ranking rows and townships (a/b scale). */
  rate: number;
  sign: number;
}

export interface LevelCounts extends RowShape {
  indicators: CountedIndicator[];
  counters: TownshipCounters;
  /** Field ids some input of this level had as a column. */
  present: Set<string>;
  tables: number;
}

export function levelCounts(plan: CompiledPlan, level: Level): LevelCounts {
  const indicators = plan.indicators
    .filter((c) => c.level === level && c.measure)
    .map((c, k): CountedIndicator => {
      const op = c.def.target.op;
      const scale = c.measure!.scale;
      return { c, k, total: newAcc(), worst: [], rate: scale > 0 ? c.def.target.value / scale : 0, sign: op === '<=' || op === '<' ? -1 : 1 };
    });
  return { ...rowShape(level), indicators, counters: new TownshipCounters(indicators.length), present: new Set(), tables: 0 };
}

/** Adds a row of township `t` (an id below counters.length) to every indicator of its level. */
export function countRow(s: LevelCounts, row: DataRow, t: number, kind: Value): void {
  const values = row.values;
  const columns = s.counters.columns;
  s.counters.seen[t] = 1;
  for (const st of s.indicators) {
    const c = st.c;
    if (c.kind !== null && kind !== c.kind) continue;
    const w = c.where === null ? true : c.where(values);
    if (w === false) continue;
    const col = columns[st.k];
    const total = st.total;
    total.inScope++;
    col.inScope[t]++;
    // A row whose scope condition is unknown is in scope without data.
    if (w === null) continue;
    const a0 = total.a;
    const b0 = total.b;
    const w0 = total.withData;
    c.measure!.add(total, values);
    if (total.withData === w0) continue;
    const da = total.a - a0;
    const db = total.b - b0;
    col.withData[t]++;
    col.a[t] += da;
    col.b[t] += db;
    if (st.rate > 0) {
      const shortfall = st.sign * (st.rate * db - da);
      if (shortfall > EPS) {
        offer(st.worst, shortfall, () => ({
          township: (values[s.township] as string | null) ?? NO_TOWNSHIP,
          community: (values[s.community] as string | null) ?? '',
          file: row.table.file,
          sheet: row.table.sheet,
          row: row.row,
          shortfall,
        }));
      }
    }
  }
}
