// Which data-contract columns a compiled plan reads, and which of its indicators and requirements
// read each. The survey template lays out exactly these columns (and notes on each who uses it),
// so a plan gains a column in its template by using the field in YAML, never by code.

import type { FieldDef, Level } from '../schema/contract.js';
import { FIELDS_BY_LEVEL } from '../schema/contract.js';
import type { Indicator, PlanLevel } from '../schema/plan.js';
import type { CompiledPlan, Scoped } from './compile-plan.js';
import { compileExpression } from './expression.js';

export interface FieldUse {
  kind: 'indicator' | 'requirement';
  id: string;
  name: { zh: string; en: string };
}

export interface PlanField {
  field: FieldDef;
  /** It names the row (county, township, community): kept whether or not a plan item reads it. */
  namesRow: boolean;
  /** The indicators and requirements that read it, in plan order. */
  uses: FieldUse[];
}

export interface PlanFields {
  /** Columns of the community table, in data-contract order. */
  community: PlanField[];
  /**
   * Columns of the township table: empty when no indicator or requirement is scoped 乡镇, unless
   * asked for — then, for a plan that reads none of them, every township measure of the contract.
   */
  township: PlanField[];
  /** Indicators whose value is reported (填报指标), in plan order. */
  reported: Indicator[];
}

// A plan over several counties needs the county to tell apart townships of the same name; a
// county's or district's own survey does not.
const MULTI_COUNTY: ReadonlySet<PlanLevel> = new Set(['national', 'province', 'city', 'prefecture']);

/** The fields that name a row for a plan of this level. */
function namingFields(level: Level, planLevel: PlanLevel): Set<string> {
  const ids = new Set(['township']);
  if (level === 'community') ids.add('community');
  if (MULTI_COUNTY.has(planLevel)) ids.add('county');
  return ids;
}

/** Fields a `where` narrowing reads; compile-plan keeps only its closure. */
function whereFields(where: string | undefined, level: Level): string[] {
  return where ? compileExpression(where, FIELDS_BY_LEVEL[level]).fields : [];
}

/** The city/rural scopes read 城乡类型 to pick their rows. */
const scopeFields = (s: Scoped): string[] => (s.kind ? ['kind'] : []);

export function planFields(compiled: CompiledPlan, options: { township?: boolean } = {}): PlanFields {
  const { plan } = compiled.loaded;
  const uses: Record<Level, Map<string, FieldUse[]>> = { community: new Map(), township: new Map() };
  const note = (level: Level, ids: string[], use: FieldUse) => {
    for (const id of new Set(ids)) {
      const list = uses[level].get(id) ?? [];
      if (!list.some((u) => u.kind === use.kind && u.id === use.id)) list.push(use);
      uses[level].set(id, list);
    }
  };
  for (const ind of compiled.indicators) {
    if (!ind.measure) continue;
    const where = ind.def.measure.kind === 'reported' ? undefined : ind.def.measure.where;
    note(ind.level, [...scopeFields(ind), ...whereFields(where, ind.level), ...ind.measure.fields], { kind: 'indicator', id: ind.def.id, name: ind.def.name });
  }
  for (const req of compiled.requirements) {
    const fields = FIELDS_BY_LEVEL[req.level];
    note(req.level, [...scopeFields(req), ...whereFields(req.def.where, req.level), ...req.fields.map((i) => fields[i].id)], { kind: 'requirement', id: req.def.id, name: req.def.name });
  }
  const columns = (level: Level, all = false): PlanField[] => {
    const naming = namingFields(level, plan.level);
    return FIELDS_BY_LEVEL[level]
      .filter((f) => naming.has(f.id) || f.required || uses[level].has(f.id) || (all && f.type !== 'text'))
      .map((field) => ({ field, namesRow: naming.has(field.id), uses: uses[level].get(field.id) ?? [] }));
  };
  const townshipUsed = uses.township.size > 0;
  return {
    community: columns('community'),
    township: townshipUsed ? columns('township') : options.township ? columns('township', true) : [],
    reported: compiled.indicators.filter((i) => !i.measure).map((i) => i.def),
  };
}
