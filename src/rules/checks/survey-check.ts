// The survey family of checks (what `evaluate` runs over rows): a Check over DataRows whose context
// knows the plan, the row shape and columns of each level, and, at finish, the indicator results.

import type { Level } from '../../schema/contract.js';
import type { IndicatorResult, RequirementResult } from '../../schema/results.js';
import type { DataRow } from '../../io/row-builder.js';
import type { CompiledPlan } from '../compile-plan.js';
import type { LevelCounts } from '../evaluation/counting.js';
import type { FindingCollector } from '../finding-collector.js';
import type { RequirementState } from './requirement.js';
import type { Check, CheckContext } from './check.js';

/** A level's row shape and counters, and the state of its plan requirements (checks/requirement.ts). */
export interface SurveyLevel extends LevelCounts {
  requirements: RequirementState[];
}

export interface SurveyContext extends CheckContext {
  readonly plan: CompiledPlan;
  readonly levels: Record<Level, SurveyLevel>;
  /** Where `report` puts findings: a check with many findings of one rule asks it first whether one more is listed. */
  readonly collector: FindingCollector;
  /** The indicator results in plan order, there when `finish` runs. */
  indicators: IndicatorResult[];
  /** The counties (县（市、区）) the rows named, each once, as first written; complete when `finish` runs. */
  counties(): string[];
  /** The requirement results in plan order, made at `finish`. */
  requirements: RequirementResult[];
}

export type SurveyCheck = Check<SurveyContext, DataRow>;
