// The engine: one pass over the rows of every input. Each row updates every indicator's counters
// (overall and for its township) and goes through the row checks (checks/requirement.ts,
// checks/value-exceeds.ts), then is dropped — memory holds only per-township counters and the
// findings. When the pass is over, checks/indicator-target.ts judges each indicator.

import type { Level } from '../schema/contract.js';
import type { Finding } from '../schema/finding.js';
import { SEVERITY_RANK } from '../schema/finding.js';
import type { Breakdown, Contributor, IndicatorResult, InputResult, Report, RequirementResult, Status } from '../schema/results.js';
import { REPORT_SCHEMA_VERSION } from '../schema/results.js';
import type { InputSink, ReportedValue } from '../io/input-sink.js';
import type { DataRow } from '../io/row-builder.js';
import type { TableSummary } from '../io/table-summary.js';
import type { Value } from '../io/values.js';
import { EXPECTED, expected, INVALID, parseReported } from '../io/values.js';
import { create as createExceeds } from './checks/value-exceeds.js';
import type { RequirementCounts } from './checks/requirement.js';
import { RequirementCheck } from './checks/requirement.js';
import { judge, judgeProgress } from './checks/indicator-target.js';
import type { RowShape } from './row-shape.js';
import { rowShape } from './row-shape.js';
import { compare, gapOf } from './target-compare.js';
import { progressOf } from './trajectory.js';
import type { CompiledIndicator, CompiledPlan } from './compile-plan.js';
import type { Acc } from './measures/measure.js';
import { newAcc } from './measures/measure.js';
import type { CollectorState } from './finding-collector.js';
import { FindingCollector } from './finding-collector.js';
import { TOOL_VERSION } from '../schema/tool.js';

const EPS = 1e-9;
const NO_TOWNSHIP = '（未填乡镇）';
const TOP = 3;


interface IndicatorState {
  c: CompiledIndicator;
  total: Acc;
  byTownship: Acc[];
  worst: Contributor[];
  /** Shortfall per unit of denominator, for ranking rows and townships (a/b scale). */
  rate: number;
  sign: number;
}

interface LevelState extends RowShape {
  indicators: IndicatorState[];
  requirements: RequirementCheck[];
  present: Set<string>;
  tables: number;
}

export interface EvaluationOptions {
  /** Most findings listed per code and rule; the rest are counted. 0 = all. */
  maxFindings?: number;
  /** YYYY-MM-DD: judge each indicator against where the plan's trajectory puts it on this day. */
  asOf?: string;
  /** Sees every finding as it is made, including those past maxFindings. */
  onFinding?: (f: Finding) => void;
}

/** A value against its target: its status and its gap (null without a value). */
function judged(value: number | null, target: CompiledIndicator['def']['target']): Pick<IndicatorResult, 'value' | 'status' | 'gap'> {
  if (value === null) return { value, status: 'no-data', gap: null };
  return { value, status: compare(value, target.op, target.value) ? 'met' : 'not-met', gap: gapOf(value, target.op, target.value) };
}

export class Evaluation implements InputSink {
  private readonly levels: Record<Level, LevelState>;
  private readonly townshipIndex = new Map<string, number>();
  private readonly townshipByName = new Map<string, number>();
  private lastTownship: { county: string | null; township: string; index: number } = { county: null, township: '', index: -1 };
  /** Townships that have community rows (the count a report gives). */
  private readonly communityTownships = new Set<number>();
  private readonly townshipNames: { county: string | null; township: string }[] = [];
  private readonly counties = new Set<string>();
  private readonly exceeds: (row: DataRow) => void;
  private readonly collector: FindingCollector;
  private readonly reported = new Map<string, { value: number; from: ReportedValue }>();
  private readonly inputs: InputResult[] = [];
  private rows = 0;

  private readonly asOf?: string;

  constructor(readonly plan: CompiledPlan, options: EvaluationOptions = {}) {
    this.asOf = options.asOf;
    this.collector = new FindingCollector(options.maxFindings ?? 1000, options.onFinding);
    const level = (l: Level): LevelState => {
      const shape = rowShape(l);
      return {
        ...shape,
        indicators: plan.indicators.filter((c) => c.level === l && c.measure).map((c) => {
          const op = c.def.target.op;
          const scale = c.measure!.scale;
          return {
            c,
            total: newAcc(),
            byTownship: [],
            worst: [],
            rate: scale > 0 ? c.def.target.value / scale : 0,
            sign: op === '<=' || op === '<' ? -1 : 1,
          };
        }),
        requirements: plan.requirements.filter((c) => c.level === l).map((c) => new RequirementCheck(c, shape, this.collector, plan.loaded.plan.document)),
        present: new Set(),
        tables: 0,
      };
    };
    this.levels = { community: level('community'), township: level('township') };
    this.exceeds = createExceeds(this.levels.community, (f) => this.collector.add(f));
  }

  onFinding(f: Finding): void {
    this.collector.add(f);
  }

  private townshipOf(s: LevelState, values: readonly Value[]): number {
    const county = s.county >= 0 ? (values[s.county] as string | null) : null;
    const township = (values[s.township] as string | null) ?? NO_TOWNSHIP;
    // Rows come grouped by township: the last one's index usually answers.
    const last = this.lastTownship;
    if (last.township === township && last.county === county) return last.index;
    const index = this.townshipIndexOf(county, township);
    this.lastTownship = { county, township, index };
    return index;
  }

  /**
   * Townships are told apart by county too (two counties may both have a 城关镇); a table that
   * names no county (a township sheet) means the township of that name. Names compare after NFKC,
   * so 万安街道(城区) and 万安街道（城区） are one.
   */
  private townshipIndexOf(county: string | null, township: string): number {
    const name = township.normalize('NFKC');
    const key = county ? `${county.normalize('NFKC')}\u0001${name}` : name;
    let i = this.townshipIndex.get(key) ?? (county ? undefined : this.townshipByName.get(name));
    if (i === undefined) {
      i = this.townshipNames.length;
      this.townshipIndex.set(key, i);
      if (!this.townshipByName.has(name)) this.townshipByName.set(name, i);
      this.townshipNames.push({ county, township });
      if (county) this.counties.add(county);
    }
    return i;
  }

  onRow(row: DataRow): void {
    const s = this.levels[row.table.level];
    const values = row.values;
    const t = this.townshipOf(s, values);
    if (row.table.level === 'community') {
      this.rows++;
      this.communityTownships.add(t);
    }
    const kind = s.kind >= 0 ? values[s.kind] : null;

    for (const st of s.indicators) {
      const c = st.c;
      if (c.kind !== null && kind !== c.kind) continue;
      const w = c.where === null ? true : c.where(values);
      if (w === false) continue;
      const acc = (st.byTownship[t] ??= newAcc());
      const total = st.total;
      total.inScope++;
      acc.inScope++;
      // A row whose scope condition is unknown is in scope without data.
      if (w === null) continue;
      const a0 = total.a;
      const b0 = total.b;
      const w0 = total.withData;
      c.measure!.add(total, values);
      if (total.withData === w0) continue;
      const da = total.a - a0;
      const db = total.b - b0;
      acc.withData++;
      acc.a += da;
      acc.b += db;
      if (st.rate > 0) {
        const shortfall = st.sign * (st.rate * db - da);
        if (shortfall > EPS) this.rank(st, row, s, shortfall);
      }
    }

    for (const r of s.requirements) r.onRow(row, kind);
    if (row.table.level === 'community') this.exceeds(row);
  }

  private rank(st: IndicatorState, row: DataRow, s: LevelState, shortfall: number): void {
    const worst = st.worst;
    if (worst.length === TOP && worst[TOP - 1].shortfall >= shortfall) return;
    const entry: Contributor = {
      township: (row.values[s.township] as string | null) ?? NO_TOWNSHIP,
      community: (row.values[s.community] as string | null) ?? '',
      file: row.table.file,
      sheet: row.table.sheet,
      row: row.row,
      shortfall,
    };
    let i = worst.length;
    while (i > 0 && worst[i - 1].shortfall < shortfall) i--;
    worst.splice(i, 0, entry);
    if (worst.length > TOP) worst.pop();
  }

  onReported(v: ReportedValue): void {
    const c = this.plan.reportedNames.find(v.name);
    if (!c) {
      this.collector.add({ code: 'unknown-reported', severity: 'warning', location: v.location, messageId: 'data.unknown-reported', args: { name: v.name } });
      return;
    }
    const parsed = parseReported(v.raw, v.percentCell, c.def.unit === '%');
    if (parsed === INVALID || typeof parsed !== 'number') {
      if (parsed === null) return;
      this.collector.add({
        code: 'cell-type',
        severity: 'error',
        location: v.location,
        messageId: 'data.cell-type',
        args: { value: String(v.raw), expected: expected(c.def.unit === '%' ? 'expected.percent' : EXPECTED.number) },
      });
      return;
    }
    if (this.reported.has(c.def.id)) {
      this.collector.add({ code: 'duplicate-reported', severity: 'warning', location: v.location, messageId: 'data.duplicate-reported', args: { name: v.name } });
    }
    this.reported.set(c.def.id, { value: parsed, from: v });
  }

  addInput(tables: TableSummary[]): void {
    for (const t of tables) {
      this.inputs.push({ ...t });
      if (t.level === 'values') continue;
      const s = this.levels[t.level];
      s.tables++;
      for (const id of t.columns) s.present.add(id);
    }
  }

  /** The counters of this evaluation as plain data, for a worker thread to send back. */
  snapshot(): EvaluationState {
    const level = (l: LevelState) => ({
      indicators: l.indicators.map((st) => ({ total: st.total, byTownship: [...st.byTownship.entries()].filter(([, a]) => a), worst: st.worst })),
      requirements: l.requirements.map((r): RequirementCounts => ({ checked: r.checked, breaches: r.breaches, noData: r.noData })),
      present: [...l.present],
      tables: l.tables,
    });
    return {
      rows: this.rows,
      townships: this.townshipNames,
      communityTownships: [...this.communityTownships],
      levels: { community: level(this.levels.community), township: level(this.levels.township) },
      collector: this.collector.snapshot(),
    };
  }

  /**
   * Adds the counters of an evaluation of the same plan over rows that come after this one's
   * (the next part of a file read in parallel). Sums add, top lists are re-ranked.
   */
  merge(other: EvaluationState): void {
    this.rows += other.rows;
    const remap = other.townships.map(({ county, township }) => this.townshipIndexOf(county, township));
    for (const i of other.communityTownships) this.communityTownships.add(remap[i]);
    for (const l of ['community', 'township'] as const) {
      const mine = this.levels[l];
      const theirs = other.levels[l];
      mine.indicators.forEach((st, k) => {
        const o = theirs.indicators[k];
        addAcc(st.total, o.total);
        for (const [i, acc] of o.byTownship) addAcc((st.byTownship[remap[i]] ??= newAcc()), acc);
        st.worst = [...st.worst, ...o.worst].sort((a, b) => b.shortfall - a.shortfall).slice(0, TOP);
      });
      mine.requirements.forEach((r, k) => r.add(theirs.requirements[k]));
      for (const id of theirs.present) mine.present.add(id);
    }
    this.collector.merge(other.collector);
  }

  private townshipLabel(i: number): string {
    const { county, township } = this.townshipNames[i];
    return county && this.counties.size > 1 ? `${county} ${township}` : township;
  }

  /** The result, with its progress on the --as-of day when one was given. */
  private indicatorResult(c: CompiledIndicator, st: IndicatorState | undefined): IndicatorResult {
    const r = this.measuredResult(c, st);
    if (this.asOf) r.progress = progressOf(c.def, r.value, r.status === 'met', this.asOf, this.plan.loaded.plan.period.end);
    return r;
  }

  private measuredResult(c: CompiledIndicator, st: IndicatorState | undefined): IndicatorResult {
    const def = c.def;
    // Completed with Object.assign, not spread into a new literal (same keys, same order): on Node 20
    // `{ ...base, … }` with this many keys took about 20 µs an indicator, half a millisecond a file.
    const base = {
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
    if (!st) {
      const got = this.reported.get(def.id);
      const value = got ? got.value : null;
      return Object.assign(base, {
        ...judged(value, def.target),
        withData: got ? 1 : 0,
        inScope: 1,
        noData: got ? undefined : { messageId: 'reason.not-reported', args: {} },
        townships: [],
        worstTownships: [],
        worstCommunities: [],
        reportedFrom: got ? { file: got.from.location.file, sheet: got.from.location.sheet, row: got.from.location.row } : undefined,
      } satisfies Partial<IndicatorResult>);
    }
    const m = c.measure!;
    const s = this.levels[c.level];
    const value = m.value(st.total);
    const townships: Breakdown[] = [];
    st.byTownship.forEach((acc, i) => {
      if (!acc) return;
      const v = m.value(acc);
      townships.push({
        township: this.townshipLabel(i),
        value: v,
        status: v === null ? 'no-data' : compare(v, def.target.op, def.target.value) ? 'met' : 'not-met',
        gap: v === null ? null : gapOf(v, def.target.op, def.target.value),
        withData: acc.withData,
        inScope: acc.inScope,
        shortfall: st.rate > 0 ? Math.max(0, st.sign * (st.rate * acc.b - acc.a)) : 0,
      });
    });
    let noData: IndicatorResult['noData'];
    if (value === null) {
      const missing = m.fields.filter((f) => !s.present.has(f));
      if (c.level === 'township' && s.tables === 0) noData = { messageId: 'reason.no-township-sheet', args: {} };
      else if (missing.length) noData = { messageId: 'reason.no-column', args: { columns: missing.map((id) => s.fields.find((f) => f.id === id)!.header).join('、') } };
      else if (st.total.inScope === 0) noData = { messageId: 'reason.no-rows', args: {} };
      else if (st.total.withData === 0) noData = { messageId: 'reason.all-missing', args: { count: st.total.inScope } };
      else noData = { messageId: 'reason.zero-denominator', args: {} };
    }
    const worstTownships = townships.filter((b) => b.shortfall > EPS).sort((a, b) => b.shortfall - a.shortfall).slice(0, TOP);
    return Object.assign(base, {
      ...judged(value, def.target),
      withData: st.total.withData,
      inScope: st.total.inScope,
      numerator: def.measure.kind === 'count' ? undefined : st.total.a,
      denominator: def.measure.kind === 'count' ? undefined : st.total.b,
      noData,
      townships,
      worstTownships,
      worstCommunities: st.worst,
    } satisfies Partial<IndicatorResult>);
  }

  finish(): Report {
    const plan = this.plan.loaded.plan;
    const states = new Map<CompiledIndicator, IndicatorState>();
    for (const s of Object.values(this.levels)) for (const st of s.indicators) states.set(st.c, st);
    const indicators = this.plan.indicators.map((c) => this.indicatorResult(c, states.get(c)));
    indicators.forEach((r, i) => {
      for (const f of [judge(r, this.plan.indicators[i]), judgeProgress(r, this.plan.indicators[i])]) if (f) this.collector.add(f);
    });

    const requirements: RequirementResult[] = [];
    for (const s of Object.values(this.levels)) {
      for (const r of s.requirements) {
        const { result, finding } = r.finish(s.present);
        requirements.push(result);
        if (finding) this.collector.add(finding);
      }
    }
    const order = new Map(plan.requirements?.map((r, i) => [r.id, i]));
    requirements.sort((a, b) => order.get(a.id)! - order.get(b.id)!);

    const count: Record<Status, number> = { met: 0, 'not-met': 0, 'no-data': 0 };
    for (const r of indicators) count[r.status]++;
    const { findings, omitted, totals } = this.collector.result();
    findings.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
    return {
      schemaVersion: REPORT_SCHEMA_VERSION,
      tool: { name: 'cscheck', version: TOOL_VERSION },
      plan: { id: plan.id, name: plan.name, document: plan.document, level: plan.level, region: plan.region, file: this.plan.loaded.file, extends: this.plan.loaded.parents },
      inputs: this.inputs,
      indicators,
      requirements,
      findings,
      omitted,
      summary: { rows: this.rows, townships: [...this.communityTownships].filter((i) => this.townshipNames[i].township !== NO_TOWNSHIP).length, indicators: count, findings: totals },
    };
  }
}


export interface EvaluationState {
  rows: number;
  townships: { county: string | null; township: string }[];
  communityTownships: number[];
  levels: Record<
    Level,
    {
      indicators: { total: Acc; byTownship: [number, Acc][]; worst: Contributor[] }[];
      requirements: RequirementCounts[];
      present: string[];
      tables: number;
    }
  >;
  collector: CollectorState;
}

function addAcc(to: Acc, from: Acc): void {
  to.inScope += from.inScope;
  to.withData += from.withData;
  to.a += from.a;
  to.b += from.b;
}

