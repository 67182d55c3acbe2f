// A plan compiled for one pass over the rows: every expression parsed and closed over field
// indexes, every scope reduced to a kind test. Nothing here runs per row.

import type { Level } from '../schema/contract.js';
import { FIELDS_BY_LEVEL } from '../schema/contract.js';
import type { Location } from '../schema/finding.js';
import type { LoadedPlan } from '../schema/load-plan.js';
import type { Indicator, Requirement, Scope } from '../schema/plan.js';
import type { Evaluator } from './expression.js';
import { compileExpression } from './expression.js';
import { IndicatorNames } from './indicator-names.js';
import { compileMeasure } from './measures/index.js';
import type { CompiledMeasure } from './measures/measure.js';

export interface Scoped {
  level: Level;
  /** '城市' / '农村' for those scopes, null for all rows of the level. */
  kind: string | null;
  where: Evaluator | null;
  planLoc: Location;
}

export interface CompiledIndicator extends Scoped {
  def: Indicator;
  binding: boolean;
  /** null for `reported` indicators. */
  measure: CompiledMeasure | null;
}

export interface CompiledRequirement extends Scoped {
  def: Requirement;
  rule: Evaluator;
  /** Field indexes the rule reads, for messages and the cell to point at. */
  fields: number[];
  binding: boolean;
}

export interface CompiledPlan {
  loaded: LoadedPlan;
  indicators: CompiledIndicator[];
  requirements: CompiledRequirement[];
  /** The indicators a reported-values table may name (those the survey cannot measure), by id and name. */
  reportedNames: IndicatorNames<CompiledIndicator>;
}

function levelOf(scope: Scope): Level {
  return scope === '乡镇' ? 'township' : 'community';
}

function scoped(loaded: LoadedPlan, key: 'indicators' | 'requirements', index: number, scope: Scope, where: string | undefined): Scoped {
  const level = levelOf(scope);
  const planLoc: Location = { ...loaded.locate([key, index]), planPath: `${key}.${index}` };
  const whereLoc: Location = { ...loaded.locate([key, index, 'where']), planPath: `${key}.${index}.where` };
  return {
    level,
    kind: scope === '城市' || scope === '农村' ? scope : null,
    where: where ? compileExpression(where, FIELDS_BY_LEVEL[level], whereLoc, 'boolean').fn : null,
    planLoc,
  };
}

export function compilePlan(loaded: LoadedPlan): CompiledPlan {
  const { plan } = loaded;
  const indicators = plan.indicators.map((def, i): CompiledIndicator => {
    const measureWhere = def.measure.kind === 'reported' ? undefined : def.measure.where;
    const base = scoped(loaded, 'indicators', i, def.scope, measureWhere);
    const loc: Location = { ...loaded.locate(['indicators', i, 'measure']), planPath: `indicators.${i}.measure` };
    return {
      ...base,
      def,
      binding: def.attribute === '约束性',
      measure: def.measure.kind === 'reported' ? null : compileMeasure(def.measure, FIELDS_BY_LEVEL[base.level], loc),
    };
  });
  const requirements = (plan.requirements ?? []).map((def, i): CompiledRequirement => {
    const base = scoped(loaded, 'requirements', i, def.scope, def.where);
    const fields = FIELDS_BY_LEVEL[base.level];
    const loc: Location = { ...loaded.locate(['requirements', i, 'rule']), planPath: `requirements.${i}.rule` };
    const rule = compileExpression(def.rule, fields, loc, 'boolean');
    return { ...base, def, rule: rule.fn, fields: rule.fields.map((id) => fields.findIndex((f) => f.id === id)), binding: def.attribute === '约束性' };
  });
  const reportedNames = new IndicatorNames<CompiledIndicator>();
  for (const c of indicators) if (!c.measure) reportedNames.add(c, c.def.id, [c.def.name.zh, c.def.name.en]);
  return { loaded, indicators, requirements, reportedNames };
}
