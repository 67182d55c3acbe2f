// The engine's coordinator: one pass over the rows of every input. Each row gets its township id
// (evaluation/township-registry.ts), updates every indicator's counters (evaluation/counting.ts,
// columns in evaluation/counters.ts) and goes through the survey checks' `row` (checks/requirement.ts,
// checks/value-exceeds.ts), then is dropped — memory holds only per-township counters and the
// findings. When the pass is over, evaluation/results.ts builds the indicator results and
// checks/indicator-target.ts judges each one. evaluation/snapshot.ts carries the counters across
// threads.

import type { Level } from '../schema/contract.js';
import type { Finding } from '../schema/finding.js';
import { SEVERITY_RANK } from '../schema/finding.js';
import type { InputResult, Report, Status } from '../schema/results.js';
import { REPORT_SCHEMA_VERSION } from '../schema/results.js';
import type { InputSink, ReportedValue } from '../io/input-sink.js';
import type { DataRow } from '../io/row-builder.js';
import type { TableSummary } from '../io/table-summary.js';
import { EXPECTED, expected, INVALID, parseReported } from '../io/values.js';
import * as exceeds from './checks/value-exceeds.js';
import * as regionMismatch from './checks/region-mismatch.js';
import * as requirement from './checks/requirement-check.js';
import * as indicatorTarget from './checks/indicator-target.js';
import { finding } from './checks/check.js';
import { duplicateReported, cellType, unknownReported } from './checks/data-cells.js';
import type { SurveyCheck, SurveyContext, SurveyLevel } from './checks/survey-check.js';
import type { CompiledPlan } from './compile-plan.js';
import { FindingCollector } from './finding-collector.js';
import { TOOL_VERSION } from '../schema/tool.js';
import type { CountedIndicator, LevelCounts } from './evaluation/counting.js';
import { countRow, levelCounts } from './evaluation/counting.js';
import { indicatorResult } from './evaluation/results.js';
import type { EvaluationState } from './evaluation/snapshot.js';
import { levelSnapshot, mergeLevel, remapTownships } from './evaluation/snapshot.js';
import { NO_TOWNSHIP, TownshipRegistry } from './evaluation/township-registry.js';

export type { EvaluationState } from './evaluation/snapshot.js';

/** Every survey check, started and given each row in this order and finished in the reverse one (region-mismatch last: it judges the whole pass). */
const SURVEY_CHECKS: SurveyCheck[] = [regionMismatch.check, requirement.check, exceeds.check, indicatorTarget.check];
const ROW_CHECKS = SURVEY_CHECKS.filter((c) => c.row !== undefined);
// Reversed, as teardown is: the indicator judgements are listed before the requirements' no-data findings.
const FINISH_CHECKS = SURVEY_CHECKS.filter((c) => c.finish !== undefined).reverse();

export interface EvaluationOptions {
  /** Most findings listed per code and rule; the rest are counted. 0 = all. */
  maxFindings?: number;
  /** YYYY-MM-DD: judge each indicator against where the plan's trajectory puts it on this day. */
  asOf?: string;
  /** Sees every finding as it is made, including those past maxFindings. */
  onFinding?: (f: Finding) => void;
}

export class Evaluation implements InputSink {
  private readonly levels: Record<Level, SurveyLevel>;
  private readonly townships = new TownshipRegistry();
  private readonly ctx: SurveyContext;
  private readonly collector: FindingCollector;
  private readonly reported = new Map<string, { value: number; from: ReportedValue }>();
  private readonly inputs: InputResult[] = [];
  private rows = 0;

  private readonly asOf?: string;

  constructor(readonly plan: CompiledPlan, options: EvaluationOptions = {}) {
    this.asOf = options.asOf;
    this.collector = new FindingCollector(options.maxFindings ?? 1000, options.onFinding);
    const level = (l: Level): SurveyLevel => ({ ...levelCounts(plan, l), requirements: [] });
    this.levels = { community: level('community'), township: level('township') };
    const collector = this.collector;
    this.ctx = { plan, levels: this.levels, collector, indicators: [], requirements: [], report: (meta, draft, raise) => collector.add(finding(meta, draft, raise)), counties: () => this.townships.countyNames() };
    for (const c of SURVEY_CHECKS) c.start?.(this.ctx);
  }

  onFinding(f: Finding): void {
    this.collector.add(f);
  }

  onRow(row: DataRow): void {
    const s = this.levels[row.table.level];
    const values = row.values;
    const county = s.county >= 0 ? (values[s.county] as string | null) : null;
    const t = this.townships.idOf(county, (values[s.township] as string | null) ?? NO_TOWNSHIP);
    if (t >= s.counters.length) s.counters.ensure(t + 1);
    if (row.table.level === 'community') this.rows++;
    const kind = s.kind >= 0 ? values[s.kind] : null;
    countRow(s, row, t, kind);
    for (const c of ROW_CHECKS) c.row!(row, this.ctx);
  }

  onReported(v: ReportedValue): void {
    const c = this.plan.reportedNames.find(v.name);
    if (!c) {
      this.ctx.report(unknownReported, { location: v.location, messageId: 'data.unknown-reported', args: { name: v.name } });
      return;
    }
    const parsed = parseReported(v.raw, v.percentCell, c.def.unit === '%');
    if (parsed === INVALID || typeof parsed !== 'number') {
      if (parsed === null) return;
      this.ctx.report(cellType, {
        location: v.location,
        messageId: 'data.cell-type',
        args: { value: String(v.raw), expected: expected(c.def.unit === '%' ? 'expected.percent' : EXPECTED.number) },
      });
      return;
    }
    if (this.reported.has(c.def.id)) {
      this.ctx.report(duplicateReported, { location: v.location, messageId: 'data.duplicate-reported', args: { name: v.name } });
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
    const n = this.townships.size;
    return {
      rows: this.rows,
      townships: this.townships.names,
      levels: {
        community: levelSnapshot(this.levels.community, n, this.levels.community.requirements),
        township: levelSnapshot(this.levels.township, n, this.levels.township.requirements),
      },
      collector: this.collector.snapshot(),
    };
  }

  /**
   * Adds the counters of an evaluation of the same plan over rows that come after this one's
   * (the next part of a file read in parallel). Sums add, top lists are re-ranked.
   */
  merge(other: EvaluationState): void {
    this.rows += other.rows;
    const remap = remapTownships(this.townships, other.townships);
    for (const l of ['community', 'township'] as const) {
      const mine = this.levels[l];
      const theirs = other.levels[l];
      mergeLevel(mine, theirs, remap, this.townships.size);
      mine.requirements.forEach((r, k) => r.add(theirs.requirements[k]));
    }
    this.collector.merge(other.collector);
  }

  /** Townships that have community rows (the count a report gives), the unnamed one aside. */
  private communityTownshipCount(): number {
    const seen = this.levels.community.counters.seen;
    const names = this.townships.names;
    let n = 0;
    for (let t = 0; t < names.length; t++) if (seen[t] && names[t].township !== NO_TOWNSHIP) n++;
    return n;
  }

  finish(): Report {
    const plan = this.plan.loaded.plan;
    const counted = new Map<CompiledPlan['indicators'][number], { st: CountedIndicator; level: LevelCounts }>();
    for (const level of Object.values(this.levels)) for (const st of level.indicators) counted.set(st.c, { st, level });
    const inputs = { asOf: this.asOf, periodEnd: plan.period.end, labels: this.townships.labels(), reported: this.reported };
    const indicators = this.plan.indicators.map((c) => indicatorResult(c, counted.get(c), inputs));
    this.ctx.indicators = indicators;
    for (const c of FINISH_CHECKS) c.finish!(this.ctx);

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
      requirements: this.ctx.requirements,
      findings,
      omitted,
      summary: { rows: this.rows, townships: this.communityTownshipCount(), indicators: count, findings: totals },
    };
  }
}

