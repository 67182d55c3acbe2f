// `cscheck plans list`: one line per plan — id, Chinese name (and English one), level, document, how many indicators,
// requirements and tasks it has (its own, and what it inherits), the plan it extends.

import type { Lang } from '../../schema/messages.js';
import { message } from '../../schema/messages.js';
import type { Plan, PlanLevel } from '../../schema/plan.js';
import type { FormatContext } from '../render.js';
import { cjkTable } from './cjk-table.js';

export interface PlanSummary {
  id: string;
  name: { zh: string; en: string };
  level: PlanLevel;
  document: string;
  region: string;
  /** Counts as the plan's own file writes them. */
  indicators: number;
  requirements: number;
  tasks: number;
  /** What `extends` adds to them. */
  inherited: { indicators: number; requirements: number };
  extends: string | null;
  file: string;
}

export function planSummary(written: Plan, resolved: Plan, file: string): PlanSummary {
  const own = { indicators: written.indicators.length, requirements: (written.requirements ?? []).length };
  return {
    id: written.id,
    name: written.name,
    level: written.level,
    document: written.document,
    region: written.region,
    ...own,
    tasks: (written.tasks ?? []).length,
    inherited: { indicators: resolved.indicators.length - own.indicators, requirements: (resolved.requirements ?? []).length - own.requirements },
    extends: written.extends ?? null,
    file,
  };
}

const count = (own: number, inherited: number, lang: Lang) => (inherited ? message('label.own-inherited', { own, inherited }, lang) : String(own));

function table(plans: PlanSummary[], ctx: FormatContext): string {
  const L = (id: Parameters<typeof message>[0]) => message(id, {}, ctx.lang);
  const head = [L('label.id'), L('label.name'), L('label.level'), L('label.document'), L('label.indicators'), L('label.requirement-count'), L('label.task-count'), L('label.extends')];
  const rows = plans.map((p) => [
    p.id,
    // The Chinese name is how analysts know a plan (and a name --plan takes): shown in English too.
    ctx.lang === 'en' ? `${p.name.zh} / ${p.name.en}` : p.name.zh,
    L(`level.${p.level}`),
    p.document,
    count(p.indicators, p.inherited.indicators, ctx.lang),
    count(p.requirements, p.inherited.requirements, ctx.lang),
    p.tasks,
    p.extends ?? '—',
  ]);
  return `${cjkTable(head, [16, 36, 12, 24, 18, 14, 8, 12], rows, ctx.width)}\n`;
}

const json = (plans: PlanSummary[]) => `${JSON.stringify({ plans }, null, 2)}\n`;

export const PLAN_LIST_FORMATS: Record<string, (plans: PlanSummary[], ctx: FormatContext) => string> = { table, json };
