// The survey family of checks (what `evaluate` runs over rows): a Check over DataRows whose context
// knows the plan and, at finish, the indicator results.

import type { IndicatorResult } from '../../schema/results.js';
import type { DataRow } from '../../io/row-builder.js';
import type { CompiledPlan } from '../compile-plan.js';
import type { Check, CheckContext } from './check.js';

export interface SurveyContext extends CheckContext {
  readonly plan: CompiledPlan;
  /** The indicator results in plan order, there when `finish` runs. */
  indicators: IndicatorResult[];
  /** The counties (县（市、区）) the rows named, each once, as first written; complete when `finish` runs. */
  counties(): string[];
}

export type SurveyCheck = Check<SurveyContext, DataRow>;
