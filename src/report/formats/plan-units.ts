// `cscheck plans units`: the responsibility matrix — each canonical unit with the tasks it answers
// for, and every way the document spells it (区退役军人局 and 区退役军人事务局 are one unit).
// Units the tasks name but `units` does not list are shown too, marked, so nothing drops out.

import { message } from '../../schema/messages.js';
import type { Plan } from '../../schema/plan.js';
import type { FormatContext } from '../render.js';
import { cjkTable } from './cjk-table.js';

export interface UnitRow {
  unit: string;
  spellings: string[];
  tasks: string[];
  count: number;
  /** false: named by a task but missing from the plan's `units`. */
  declared: boolean;
}

export interface UnitMatrix {
  plan: string;
  units: UnitRow[];
}

export function responsibilityMatrix(plan: Plan): UnitMatrix {
  const rows = new Map<string, UnitRow>();
  for (const u of plan.units ?? []) rows.set(u.name, { unit: u.name, spellings: u.spellings?.length ? u.spellings : [u.name], tasks: [], count: 0, declared: true });
  for (const t of plan.tasks ?? []) {
    for (const name of t.units) {
      let row = rows.get(name);
      if (!row) rows.set(name, (row = { unit: name, spellings: [name], tasks: [], count: 0, declared: false }));
      row.tasks.push(t.id);
      row.count++;
    }
  }
  return { plan: plan.id, units: [...rows.values()] };
}

function table(matrix: UnitMatrix, ctx: FormatContext): string {
  const L = (id: Parameters<typeof message>[0]) => message(id, {}, ctx.lang);
  const body = matrix.units.map((r) => [r.declared ? r.unit : `${r.unit} ${L('label.undeclared')}`, r.spellings.join(' / '), r.count, r.tasks.join(', ') || '—']);
  return `${cjkTable([L('label.unit-name'), L('label.spellings'), L('label.task-total'), L('label.task-ids')], [26, 34, 8, 50], body, ctx.width)}\n`;
}

const json = (matrix: UnitMatrix) => `${JSON.stringify(matrix, null, 2)}\n`;

export const PLAN_UNITS_FORMATS: Record<string, (matrix: UnitMatrix, ctx: FormatContext) => string> = { table, json };
