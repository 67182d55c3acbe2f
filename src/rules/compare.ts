// Two snapshots of one area side by side. Pure: reports (or a batch summary with its per-file
// reports) in, a Comparison out; reading files is the CLI's job. Indicators are matched by id,
// townships by name (NFKC), areas of a batch by input path and then by area, communities by
// 统计用区划代码 and, where either side lacks a code, by township and name.

import type { BatchSummary } from '../schema/batch.js';
import type {
  AreaComparison,
  AreaSide,
  Change,
  CommunityChanges,
  CommunityEntry,
  Comparison,
  ComparisonNote,
  IndicatorChange,
  Side,
  SnapshotInfo,
  TownshipChange,
  Transition,
} from '../schema/comparison.js';
import { COMPARISON_SCHEMA_VERSION, TRANSITIONS } from '../schema/comparison.js';
import { CscheckError } from '../schema/errors.js';
import type { Breakdown, IndicatorResult, Report } from '../schema/results.js';
import { nameKey } from './community-list.js';
import { compare, gapOf } from './target-compare.js';

const EPS = 1e-9;

type IndicatorMeta = Pick<IndicatorResult, 'id' | 'name' | 'unit' | 'measure' | 'attribute' | 'binding' | 'target'>;

/** One indicator of one area as a snapshot has it; `townships` undefined = not known. */
export interface IndicatorSnapshot {
  meta: IndicatorMeta;
  value: number | null;
  status: IndicatorResult['status'];
  gap: number | null;
  townships?: Breakdown[];
}

export interface AreaSnapshot {
  area: string;
  side: AreaSide;
  indicators: IndicatorSnapshot[];
  /** Undefined when the snapshot did not record its communities. */
  communities?: CommunityEntry[];
}

export interface Snapshot {
  info: SnapshotInfo;
  tool: Report['tool'];
  plan: Report['plan'];
  areas: AreaSnapshot[];
}

const meta = (r: IndicatorMeta): IndicatorMeta => ({ id: r.id, name: r.name, unit: r.unit, measure: r.measure, attribute: r.attribute, binding: r.binding, target: r.target });

function areaOfReport(area: string, input: string, report: Report): AreaSnapshot {
  return {
    area,
    side: { input, status: 'ok', rows: report.summary.rows },
    indicators: report.indicators.map((r) => ({ meta: meta(r), value: r.value, status: r.status, gap: r.gap, townships: r.townships })),
    communities: report.communities,
  };
}

/** A survey file (or files) evaluated as one report: one area, named after the plan's region. */
export function fileSnapshot(path: string, report: Report): Snapshot {
  return { info: { path, kind: 'file' }, tool: report.tool, plan: report.plan, areas: [areaOfReport(report.plan.region, path, report)] };
}

/**
 * A batch report directory: one area per file. `reports` holds the per-file report each file's
 * `reports.json` points to, by `input`; a file without one is compared on the summary's values
 * alone (no townships, no communities).
 */
export function batchSnapshot(path: string, summary: BatchSummary, reports: ReadonlyMap<string, Report>): Snapshot {
  const metas = new Map(summary.indicators.map((m) => [m.id, m]));
  const areas = summary.files.map((f): AreaSnapshot => {
    const report = reports.get(f.input);
    if (f.status === 'ok' && report) return areaOfReport(f.area, f.input, report);
    const side: AreaSide = { input: f.input, status: f.status, rows: f.status === 'ok' ? f.rows : null };
    if (f.status === 'failed') side.error = f.error?.text ?? '';
    const indicators = f.status === 'failed' ? [] : f.indicators.flatMap((v) => {
      const m = metas.get(v.id);
      return m ? [{ meta: meta(m), value: v.value, status: v.status, gap: v.gap }] : [];
    });
    return { area: f.area, side, indicators };
  });
  return { info: { path, kind: 'batch', generated: summary.generated }, tool: summary.tool, plan: summary.plan, areas };
}

/** Both snapshots must judge the same plan: otherwise “met” does not mean the same thing. */
export function checkSamePlan(oldPath: string, oldPlan: string, newPath: string, newPlan: string): void {
  if (oldPlan !== newPlan) throw new CscheckError('compare.plan-mismatch', { old: oldPath, oldPlan, new: newPath, newPlan });
}

function transitionOf(o: Side['status'], n: Side['status']): Transition {
  if (o === 'absent') return 'added';
  if (n === 'absent') return 'removed';
  if (o === 'no-data') return n === 'no-data' ? 'no-data' : n === 'met' ? 'first-met' : 'first-missed';
  if (n === 'no-data') return 'data-lost';
  if (o === 'met') return n === 'met' ? 'still-met' : 'newly-missed';
  return n === 'met' ? 'newly-met' : 'still-missed';
}

/** Whether going from `o` to `n` moves towards the target; null when the value did not move. */
function improvement(o: number, n: number, target: IndicatorMeta['target']): boolean | null {
  if (Math.abs(n - o) <= EPS) return null;
  if (target.op === '=') {
    const before = Math.abs(o - target.value);
    const after = Math.abs(n - target.value);
    return Math.abs(after - before) <= EPS ? null : after < before;
  }
  return target.op === '<=' || target.op === '<' ? n < o : n > o;
}

function change(o: Side, n: Side, target: IndicatorMeta['target']): Change {
  const both = o.value !== null && n.value !== null;
  return {
    old: o,
    new: n,
    change: both ? n.value! - o.value! : null,
    improved: both ? improvement(o.value!, n.value!, target) : null,
    transition: transitionOf(o.status, n.status),
  };
}

const ABSENT: Side = { value: null, status: 'absent', gap: null };

/**
 * A township's own value held to the area's target. Judged here, not read from the breakdown: a
 * batch's report JSON from before breakdowns carried a status has none.
 */
function townshipSide(b: Breakdown | undefined, m: IndicatorMeta): Side {
  if (!b) return ABSENT;
  if (b.value === null) return { value: null, status: 'no-data', gap: null };
  const { op, value } = m.target;
  return { value: b.value, status: compare(b.value, op, value) ? 'met' : 'not-met', gap: gapOf(b.value, op, value) };
}

/** Labels in the new snapshot's order, then those only the old one has; matched after NFKC. */
function unionOrder(newer: string[], older: string[]): { key: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const l of [...newer, ...older]) if (!seen.has(nameKey(l))) seen.set(nameKey(l), l);
  return [...seen].map(([key, label]) => ({ key, label }));
}

function townshipChanges(o: IndicatorSnapshot | undefined, n: IndicatorSnapshot | undefined, m: IndicatorMeta): TownshipChange[] {
  // A count is the sum over the area: a township's share is not held to the area's target.
  if (m.measure === 'count') return [];
  // A side that has the indicator but not its townships (a batch file without its report) cannot
  // say which townships are new: nothing is compared township by township (the notes say why).
  if ((o && !o.townships) || (n && !n.townships)) return [];
  const olds = o?.townships ?? [];
  const news = n?.townships ?? [];
  const ob = new Map(olds.map((b) => [nameKey(b.township), b]));
  const nb = new Map(news.map((b) => [nameKey(b.township), b]));
  return unionOrder(news.map((b) => b.township), olds.map((b) => b.township)).map(({ key, label }) => ({
    township: label,
    ...change(o ? townshipSide(ob.get(key), m) : ABSENT, n ? townshipSide(nb.get(key), m) : ABSENT, m.target),
  }));
}

function indicatorChanges(o: AreaSnapshot, n: AreaSnapshot): IndicatorChange[] {
  const olds = new Map(o.indicators.map((i) => [i.meta.id, i]));
  const news = new Map(n.indicators.map((i) => [i.meta.id, i]));
  const ids = [...new Set([...news.keys(), ...olds.keys()])];
  return ids.map((id) => {
    const oi = olds.get(id);
    const ni = news.get(id);
    const m = (ni ?? oi)!.meta;
    const side = (i: IndicatorSnapshot | undefined): Side => (i ? { value: i.value, status: i.status, gap: i.gap } : ABSENT);
    return { ...m, ...change(side(oi), side(ni), m.target), townships: townshipChanges(oi, ni, m) };
  });
}

/** Township names an area's breakdowns mention; undefined when it has none to tell. */
function townshipsOf(a: AreaSnapshot): string[] | undefined {
  if (!a.indicators.some((i) => i.townships !== undefined)) return undefined;
  return unionOrder(a.indicators.flatMap((i) => (i.townships ?? []).map((b) => b.township)), []).map((t) => t.label);
}

const placeKey = (c: CommunityEntry) => `${nameKey(c.township)}/${nameKey(c.name)}`;

/** By code first; then, where either side lacks a code, by township and name (and county, where both name one). */
export function compareCommunities(olds: CommunityEntry[] | undefined, news: CommunityEntry[] | undefined): CommunityChanges {
  const base = { old: olds?.length ?? null, new: news?.length ?? null, added: [], removed: [], renamed: [], matchedByCode: 0, matchedByName: 0 };
  if (!olds || !news) return { available: false, ...base };
  const out: CommunityChanges = { available: true, ...base };
  const unmatchedNew = new Set(news);
  const byCode = new Map<string, CommunityEntry>();
  for (const c of news) if (c.code && !byCode.has(c.code)) byCode.set(c.code, c);
  const unmatchedOld: CommunityEntry[] = [];
  for (const c of olds) {
    const hit = c.code ? byCode.get(c.code) : undefined;
    if (hit && unmatchedNew.has(hit)) {
      unmatchedNew.delete(hit);
      out.matchedByCode++;
      if (nameKey(hit.name) !== nameKey(c.name)) out.renamed.push({ old: c, new: hit });
    } else unmatchedOld.push(c);
  }
  const byPlace = new Map<string, CommunityEntry[]>();
  for (const c of unmatchedNew) {
    const k = placeKey(c);
    byPlace.set(k, [...(byPlace.get(k) ?? []), c]);
  }
  for (const c of unmatchedOld) {
    const candidates = byPlace.get(placeKey(c)) ?? [];
    // Two different codes are two communities, whatever their names.
    const hit = candidates.find(
      (d) => unmatchedNew.has(d) && !(c.code && d.code) && (c.county === undefined || d.county === undefined || nameKey(c.county) === nameKey(d.county)),
    );
    if (hit) {
      unmatchedNew.delete(hit);
      out.matchedByName++;
    } else out.removed.push(c);
  }
  out.added = news.filter((c) => unmatchedNew.has(c));
  return out;
}

function emptyCounts(): Record<Transition, number> {
  return Object.fromEntries(TRANSITIONS.map((t) => [t, 0])) as Record<Transition, number>;
}

function compareArea(o: AreaSnapshot, n: AreaSnapshot): AreaComparison {
  const notes: ComparisonNote[] = [];
  for (const a of [o, n]) if (a.side.status === 'failed') notes.push({ messageId: 'compare.note.failed', args: { input: a.side.input, error: a.side.error ?? '' } });
  const failed = notes.length > 0;
  const indicators = failed ? [] : indicatorChanges(o, n);
  const counts = emptyCounts();
  for (const i of indicators) counts[i.transition]++;

  let townships: AreaComparison['townships'] = null;
  if (!failed) {
    const ot = townshipsOf(o);
    const nt = townshipsOf(n);
    for (const [a, t] of [[o, ot], [n, nt]] as const) if (!t) notes.push({ messageId: 'compare.note.no-townships', args: { input: a.side.input } });
    if (ot && nt) {
      const ok = new Set(ot.map(nameKey));
      const nk = new Set(nt.map(nameKey));
      townships = { added: nt.filter((t) => !ok.has(nameKey(t))), removed: ot.filter((t) => !nk.has(nameKey(t))), kept: nt.filter((t) => ok.has(nameKey(t))).length };
    }
  }
  for (const a of [o, n]) if (a.side.status === 'ok' && !a.communities) notes.push({ messageId: 'compare.note.no-communities', args: { input: a.side.input } });
  return { area: n.area, old: o.side, new: n.side, indicators, townships, communities: compareCommunities(o.communities, n.communities), counts, notes };
}

/** Pairs areas by input path first, then by area name (a renamed or moved file keeps its area). */
function pairAreas(olds: AreaSnapshot[], news: AreaSnapshot[]): { pairs: [AreaSnapshot, AreaSnapshot][]; added: AreaSnapshot[]; removed: AreaSnapshot[] } {
  const pairs: [AreaSnapshot, AreaSnapshot][] = [];
  const freeOld = new Set(olds);
  const freeNew = new Set(news);
  const take = (same: (a: AreaSnapshot, b: AreaSnapshot) => boolean) => {
    for (const n of news) {
      if (!freeNew.has(n)) continue;
      const hit = olds.find((o) => freeOld.has(o) && same(o, n));
      if (!hit) continue;
      freeOld.delete(hit);
      freeNew.delete(n);
      pairs.push([hit, n]);
    }
  };
  take((a, b) => a.side.input === b.side.input);
  take((a, b) => nameKey(a.area) === nameKey(b.area));
  const order = new Map(news.map((n, i) => [n, i]));
  pairs.sort((a, b) => order.get(a[1])! - order.get(b[1])!);
  return { pairs, added: news.filter((n) => freeNew.has(n)), removed: olds.filter((o) => freeOld.has(o)) };
}

export function compareSnapshots(older: Snapshot, newer: Snapshot): Comparison {
  checkSamePlan(older.info.path, older.plan.id, newer.info.path, newer.plan.id);
  const { pairs, added, removed } = pairAreas(older.areas, newer.areas);
  const areas = pairs.map(([o, n]) => compareArea(o, n));
  const indicators = emptyCounts();
  for (const a of areas) for (const t of TRANSITIONS) indicators[t] += a.counts[t];
  const sum = (f: (a: AreaComparison) => number) => areas.reduce((s, a) => s + f(a), 0);
  const known = areas.every((a) => a.communities.available);
  return {
    schemaVersion: COMPARISON_SCHEMA_VERSION,
    tool: newer.tool,
    plan: newer.plan,
    old: older.info,
    new: newer.info,
    areas,
    areasAdded: added.map((a) => a.area),
    areasRemoved: removed.map((a) => a.area),
    summary: {
      areas: areas.length,
      indicators,
      communitiesAdded: known ? sum((a) => a.communities.added.length) : null,
      communitiesRemoved: known ? sum((a) => a.communities.removed.length) : null,
      townshipsAdded: sum((a) => a.townships?.added.length ?? 0),
      townshipsRemoved: sum((a) => a.townships?.removed.length ?? 0),
    },
  };
}
