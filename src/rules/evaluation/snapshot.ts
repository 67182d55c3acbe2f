// An evaluation's counters as plain data, so a worker thread that evaluated a later part of a file
// can send them back (typed arrays and plain objects clone cheaply), and the merge of such a part
// into the evaluation of the parts before it.

import type { Level } from '../../schema/contract.js';
import type { Contributor } from '../../schema/results.js';
import type { Acc } from '../measures/measure.js';
import type { RequirementCounts } from '../checks/requirement.js';
import type { CollectorState } from '../finding-collector.js';
import type { CountersState } from './counters.js';
import type { LevelCounts } from './counting.js';
import { mergeTop } from './ranking.js';
import type { TownshipName, TownshipRegistry } from './township-registry.js';

export interface LevelState {
  indicators: { total: Acc; worst: Contributor[] }[];
  counters: CountersState;
  requirements: RequirementCounts[];
  present: string[];
  tables: number;
}

export interface EvaluationState {
  rows: number;
  /** Township `i` of the counters' slot i. */
  townships: TownshipName[];
  levels: Record<Level, LevelState>;
  collector: CollectorState;
}

export function levelSnapshot(s: LevelCounts, townships: number, requirements: RequirementCounts[]): LevelState {
  return {
    indicators: s.indicators.map((st) => ({ total: { ...st.total }, worst: st.worst })),
    counters: s.counters.snapshot(townships),
    requirements: requirements.map((r) => ({ checked: r.checked, breaches: r.breaches, noData: r.noData })),
    present: [...s.present],
    tables: s.tables,
  };
}

/** Each township of a snapshot as an id of `registry` (registering those it has not seen). */
export function remapTownships(registry: TownshipRegistry, townships: TownshipName[]): Uint32Array {
  const remap = new Uint32Array(townships.length);
  townships.forEach(({ county, township }, i) => (remap[i] = registry.idOf(county, township)));
  return remap;
}

/** Adds a later part's counts of one level: sums add, the worst rows are re-ranked (this part's first on ties). */
export function mergeLevel(mine: LevelCounts, theirs: LevelState, remap: Uint32Array, townships: number): void {
  mine.counters.ensure(townships);
  mine.counters.add(theirs.counters, remap);
  mine.indicators.forEach((st, k) => {
    const o = theirs.indicators[k];
    st.total.inScope += o.total.inScope;
    st.total.withData += o.total.withData;
    st.total.a += o.total.a;
    st.total.b += o.total.b;
    st.worst = mergeTop(st.worst, o.worst);
  });
  for (const id of theirs.present) mine.present.add(id);
}
