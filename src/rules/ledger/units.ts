// Unit names against the plan's canonical list: a known variant spelling (区退役军人局 for
// 区退役军人事务局) is the same unit, said once; a name the plan does not know is reported.

import { ledgerCell } from '../../io/ledger-reader.js';
import type { CheckMeta } from '../checks/check.js';
import type { LedgerCheck, LedgerContext } from './ledger-check.js';
import { rowLabel } from './ledger-check.js';

export const variant = {
  code: 'ledger-unit-variant',
  title: { zh: '责任单位名称不规范', en: 'Unit spelled differently' },
  description: { zh: '责任单位写法与计划的规范名称不同（视为同一单位）', en: 'a unit is written differently from the plan’s canonical name (taken as the same unit)' },
  severity: 'warning',
  messages: ['ledger.unit-variant'],
} as const satisfies CheckMeta;

export const unknown = {
  code: 'ledger-unit-unknown',
  title: { zh: '计划中没有的责任单位', en: 'Unit not in the plan' },
  description: { zh: '责任单位不在计划的单位名单中（可能写错，或是新的单位）', en: 'a unit is not in the plan’s list of units (a misspelling, or a new unit)' },
  severity: 'warning',
  messages: ['ledger.unit-unknown'],
} as const satisfies CheckMeta;

/**
 * A plan of another level names other offices (市发改委 for a district's 区发改局): when most of
 * the ledger's units are not in the plan, the plan is not the ledger's own and unknown names say
 * nothing.
 */
const OWN_PLAN_SHARE = 0.5;

function run({ ledger, units, planText, report }: LedgerContext): void {
  if (!units || units.size === 0) return;
  const names = [...new Set(ledger.rows.flatMap((r) => r.units))];
  const ownPlan = names.filter((n) => units.resolve(n)).length >= OWN_PLAN_SHARE * names.length;
  for (const r of ledger.rows) {
    for (const name of r.units) {
      const hit = units.resolve(name);
      // Exact, or spelled as the plan itself spells it for this task.
      if (hit?.exact || (hit && planText?.(r.row).includes(name))) continue;
      const location = ledgerCell(ledger, r.row, 'units');
      const no = r.no;
      const label = rowLabel(r);
      if (hit) report(variant, { location, messageId: 'ledger.unit-variant', args: { no, label, unit: name, canonical: hit.canonical } });
      else if (ownPlan) report(unknown, { location, messageId: 'ledger.unit-unknown', args: { no, label, unit: name } });
    }
  }
}

export const check = { meta: [variant, unknown], run } satisfies LedgerCheck;
