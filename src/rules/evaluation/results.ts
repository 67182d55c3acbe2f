// Indicator results from the counts, once the pass is over: the value against its target, a
// breakdown per township the indicator saw, the worst townships, and why there is no value when
// there is none. One walk over the township slots per indicator; township labels are made once.

import type { Breakdown, IndicatorResult } from '../../schema/results.js';
import type { ReportedValue } from '../../io/input-sink.js';
import type { CompiledIndicator } from '../compile-plan.js';
import { newAcc } from '../measures/measure.js';
import { compare, gapOf } from '../target-compare.js';
import { progressOf } from '../trajectory.js';
import type { CountedIndicator, LevelCounts } from './counting.js';
import { EPS } from './counting.js';
import { offer } from './ranking.js';
import { LAZY_SLICE, lazyArray } from './lazy-arrays.js';

export interface ResultInputs {
  asOf?: string;
  periodEnd: number;
  /** Township labels by id (TownshipRegistry.labels()). */
  labels: string[];
  reported: ReadonlyMap<string, { value: number; from: ReportedValue }>;
}

/** A value against its target: its status and its gap (null without a value). */
function judged(value: number | null, target: CompiledIndicator['def']['target']): Pick<IndicatorResult, 'value' | 'status' | 'gap'> {
  if (value === null) return { value, status: 'no-data', gap: null };
  return { value, status: compare(value, target.op, target.value) ? 'met' : 'not-met', gap: gapOf(value, target.op, target.value) };
}

/** The result of indicator `c` (counted in `level` as `st`, or reported when `st` is absent), with its progress on the --as-of day. */
export function indicatorResult(c: CompiledIndicator, counted: { st: CountedIndicator; level: LevelCounts } | undefined, inputs: ResultInputs): IndicatorResult {
  const r = counted ? measuredResult(c, counted.st, counted.level, inputs) : reportedResult(c, inputs);
  if (inputs.asOf) r.progress = progressOf(c.def, r.value, r.status === 'met', inputs.asOf, inputs.periodEnd);
  return r;
}

function baseOf(c: CompiledIndicator) {
  const def = c.def;
  // Completed with Object.assign, not spread into a new literal (same keys, same order): with this
  // many keys a spread costs far more per indicator.
  return {
    id: def.id,
    name: def.name,
    measure: def.measure.kind,
    unit: def.unit,
    scope: def.scope,
    attribute: def.attribute ?? '预期性',
    binding: c.binding,
    target: def.target,
    baseline: def.baseline ? { value: def.baseline.value, year: def.baseline.year } : undefined,
    due: def.due,
    source: def.source,
    note: typeof def.note === 'string' ? { zh: def.note } : def.note,
  } as const;
}

function reportedResult(c: CompiledIndicator, inputs: ResultInputs): IndicatorResult {
  const got = inputs.reported.get(c.def.id);
  const value = got ? got.value : null;
  return Object.assign(baseOf(c), {
    ...judged(value, c.def.target),
    withData: got ? 1 : 0,
    inScope: 1,
    noData: got ? undefined : { messageId: 'reason.not-reported', args: {} },
    townships: [],
    worstTownships: [],
    worstCommunities: [],
    reportedFrom: got ? { file: got.from.location.file, sheet: got.from.location.sheet, row: got.from.location.row } : undefined,
  } satisfies Partial<IndicatorResult>);
}

function measuredResult(c: CompiledIndicator, st: CountedIndicator, s: LevelCounts, inputs: ResultInputs): IndicatorResult {
  const def = c.def;
  const value = c.measure!.value(st.total);
  const breakdowns = townshipBreakdowns(c, st, s, inputs.labels);
  const result: IndicatorResult = Object.assign(baseOf(c), {
    ...judged(value, def.target),
    withData: st.total.withData,
    inScope: st.total.inScope,
    numerator: def.measure.kind === 'count' ? undefined : st.total.a,
    denominator: def.measure.kind === 'count' ? undefined : st.total.b,
    noData: value === null ? noDataReason(c, st, s) : undefined,
    townships: [] as Breakdown[],
    worstTownships: breakdowns.worst(),
    worstCommunities: st.worst,
  } satisfies Partial<IndicatorResult>);
  // A township's breakdown is made when it is read or streamed, not held for every township.
  lazyArray(result, 'townships', breakdowns.slices);
  return result;
}

/**
 * The breakdowns of indicator `c` by township, from its counter columns: in township-id order,
 * those the indicator saw in scope; `worst()` ranks them by shortfall, making only those it keeps.
 */
function townshipBreakdowns(c: CompiledIndicator, st: CountedIndicator, s: LevelCounts, labels: string[]) {
  const { op, value: goal } = c.def.target;
  const m = c.measure!;
  const col = s.counters.columns[st.k];
  const n = Math.min(labels.length, s.counters.length);
  const acc = newAcc();
  const shortfall = () => (st.rate > 0 ? Math.max(0, st.sign * (st.rate * acc.b - acc.a)) : 0);
  const at = (t: number): Breakdown => {
    s.counters.read(st.k, t, acc);
    const v = m.value(acc);
    return {
      township: labels[t],
      value: v,
      status: v === null ? 'no-data' : compare(v, op, goal) ? 'met' : 'not-met',
      gap: v === null ? null : gapOf(v, op, goal),
      withData: acc.withData,
      inScope: acc.inScope,
      shortfall: shortfall(),
    };
  };
  function* slices(): Generator<Breakdown[]> {
    let slice: Breakdown[] = [];
    for (let t = 0; t < n; t++) {
      if (col.inScope[t] === 0) continue;
      slice.push(at(t));
      if (slice.length === LAZY_SLICE) {
        yield slice;
        slice = [];
      }
    }
    if (slice.length) yield slice;
  }
  return {
    slices,
    worst(): Breakdown[] {
      const worst: Breakdown[] = [];
      if (st.rate <= 0) return worst;
      for (let t = 0; t < n; t++) {
        if (col.inScope[t] === 0) continue;
        s.counters.read(st.k, t, acc);
        const short = shortfall();
        if (short > EPS) offer(worst, short, () => at(t));
      }
      return worst;
    },
  };
}

function noDataReason(c: CompiledIndicator, st: CountedIndicator, s: LevelCounts): IndicatorResult['noData'] {
  const missing = c.measure!.fields.filter((f) => !s.present.has(f));
  if (c.level === 'township' && s.tables === 0) return { messageId: 'reason.no-township-sheet', args: {} };
  if (missing.length) return { messageId: 'reason.no-column', args: { columns: missing.map((id) => s.fields.find((f) => f.id === id)!.header).join('、') } };
  if (st.total.inScope === 0) return { messageId: 'reason.no-rows', args: {} };
  if (st.total.withData === 0) return { messageId: 'reason.all-missing', args: { count: st.total.inScope } };
  return { messageId: 'reason.zero-denominator', args: {} };
}
