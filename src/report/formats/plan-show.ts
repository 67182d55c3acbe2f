// `cscheck plans show`: a plan as YAML or JSON (as written, or with `extends` merged in), or as
// tables — its indicators, per-community requirements and tasks, each with its source section.

import { createRequire } from 'node:module';
import type { MessageId } from '../../schema/messages.js';
import { message } from '../../schema/messages.js';
import type { Plan } from '../../schema/plan.js';
import { formatTarget } from '../../schema/quantity.js';
import type { FormatContext } from '../render.js';
import { visible } from '../safe-text.js';
import { cjkTable } from './cjk-table.js';

const BRIEF = 40;
const brief = (s: string) => ([...s].length > BRIEF ? `${[...s].slice(0, BRIEF).join('')}…` : s);

function table(plan: Plan, ctx: FormatContext): string {
  const { lang } = ctx;
  const L = (id: MessageId, args: Record<string, unknown> = {}) => message(id, args, lang);
  const name = (n: { zh: string; en: string }) => (lang === 'en' ? n.en : n.zh);
  const section = (id: MessageId, count: number) => L('label.section-count', { title: L(id), count });
  const out = [
    L('label.plan-heading', { id: plan.id, name: name(plan.name), document: plan.document }),
    L('label.plan-facts', {
      issuer: plan.issuer,
      level: L(`level.${plan.level}`),
      region: plan.region,
      start: plan.period.start,
      end: plan.period.end,
      extends: plan.extends ? L('label.extends-suffix', { parent: plan.extends }) : '',
    }),
    '',
    section('label.indicators', plan.indicators.length),
    cjkTable(
      [L('label.id'), L('label.name'), L('label.target'), L('label.attribute'), L('label.scope'), L('label.source')],
      [34, 32, 14, 10, 24, 20],
      plan.indicators.map((i) => [i.id, name(i.name), formatTarget(i.target, i.unit, lang), i.attribute ? L(`label.${i.attribute}`) : '—', L(`scope.${i.scope}`), i.source.section]),
      ctx.width,
    ),
  ];
  const requirements = plan.requirements ?? [];
  if (requirements.length) {
    out.push('', section('label.requirements', requirements.length));
    out.push(cjkTable([L('label.id'), L('label.name'), L('label.scope'), L('label.rule'), L('label.source')], [26, 36, 24, 30, 14], requirements.map((r) => [r.id, name(r.name), L(`scope.${r.scope}`), r.where ? `${r.where} → ${r.rule}` : r.rule, r.source.section]), ctx.width));
  }
  const tasks = plan.tasks ?? [];
  if (tasks.length) {
    out.push('', section('label.task-count', tasks.length));
    out.push(cjkTable([L('label.id'), L('label.content'), L('label.unit-name'), L('label.deadline')], [10, 50, 40, 12], tasks.map((t) => [t.id, brief(t.content), t.units.join(L('punct.list')) || '—', t.deadline ?? '—']), ctx.width));
  }
  // A plan file is input too: its names are shown with their control characters visible.
  return `${out.map((line) => visible(line)).join('\n')}\n`;
}

// Required when a plan is shown as YAML: every command loads this module, few of them print YAML.
const require = createRequire(import.meta.url);
const yaml = (plan: Plan) => (require('yaml') as typeof import('yaml')).stringify(plan, { lineWidth: 0 });
const json = (plan: Plan) => `${JSON.stringify(plan, null, 2)}\n`;

export const PLAN_SHOW_FORMATS: Record<string, (plan: Plan, ctx: FormatContext) => string> = { yaml, json, table };
