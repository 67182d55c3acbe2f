// `cscheck explain`: what an indicator means — its name, unit, how it is measured (in words, with
// the plan's expressions) and the survey columns it reads — then, side by side, what each plan that
// sets it asks for, with the sentence it asks it in.

import type { MessageId } from '../../schema/messages.js';
import { message, pickText } from '../../schema/messages.js';
import { unitText } from '../../schema/quantity.js';
import type { FormatContext } from '../render.js';
import { visible } from '../safe-text.js';
import { cjkTable } from './cjk-table.js';

/** The target, and the document's own wording under it where that differs. */
const withWritten = (target: string, written: string | undefined) => (written && written !== target ? `${target}\n(${written})` : target);

export interface ExplainMeasure {
  kind: string;
  title: { zh: string; en: string };
  description: { zh: string; en: string };
  /** The plan's expressions, by key (condition, where, numerator, denominator, sum, scale). */
  expressions: { key: string; expr: string }[];
  /** Canonical headers of the data-contract columns it reads. */
  columns: string[];
  plans: string[];
}

export interface ExplainPlanRow {
  plan: string;
  region: string;
  document: string;
  /** The target in symbols (≥60%), in both languages where its unit reads differently, and as the document writes it. */
  target: string | { zh: string; en?: string };
  written?: string;
  attribute: string | null;
  scope: string;
  section: string;
  quote: string;
}

export interface IndicatorExplanation {
  id: string;
  names: { name: { zh: string; en: string }; plans: string[] }[];
  units: string[];
  measures: ExplainMeasure[];
  columns: string[];
  plans: ExplainPlanRow[];
}

function table(x: IndicatorExplanation, ctx: FormatContext): string {
  const { lang } = ctx;
  const L = (id: MessageId, args: Record<string, unknown> = {}) => message(id, args, lang);
  const local = (t: { zh: string; en: string }) => (lang === 'en' ? t.en : t.zh);
  const [first, ...others] = x.names;
  const out = [L('explain.title', { id: x.id, name: `${first.name.zh} / ${first.name.en}` })];
  for (const n of others) out.push(L('explain.other-name', { plans: n.plans.join(', '), name: `${n.name.zh} / ${n.name.en}` }));
  out.push(L('explain.unit', { unit: x.units.map((u) => unitText(u, ctx.lang).trim()).join(' / ') }));
  for (const m of x.measures) {
    out.push(L('explain.measure', { plans: m.plans.join(', '), title: local(m.title), description: local(m.description) }));
    for (const e of m.expressions) out.push(L('explain.expression', { key: L(`measure.${e.key}` as MessageId), expr: e.expr }));
  }
  out.push(x.columns.length ? L('explain.columns', { columns: x.columns.join(L('punct.list')) }) : L('explain.no-columns'), '');
  out.push(
    cjkTable(
      [L('label.plan'), L('label.target'), L('label.attribute'), L('label.scope'), L('label.source'), L('label.quote')],
      [16, 22, 10, 24, 18, 50],
      x.plans.map((p) => [
        `${p.plan}\n${p.region}`,
        withWritten(typeof p.target === 'string' ? p.target : pickText(p.target, ctx.lang), p.written),
        p.attribute ? L(`label.${p.attribute}` as MessageId) : '—',
        L(`scope.${p.scope}` as MessageId),
        p.section,
        p.quote,
      ]),
      ctx.width,
    ),
  );
  // Plan files are input too: their names and quotes are shown with their control characters visible.
  return `${out.map((line) => visible(line)).join('\n')}\n`;
}

const json = (x: IndicatorExplanation) => `${JSON.stringify(x, null, 2)}\n`;

export const EXPLAIN_FORMATS: Record<string, (x: IndicatorExplanation, ctx: FormatContext) => string> = { table, json };
