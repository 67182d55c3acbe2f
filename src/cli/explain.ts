// `cscheck explain ID`: gathers what the bundled plans (or the one given with --plan) say about an
// indicator, and what the data contract needs to measure it, for the explain formatter. The
// indicator is named by id or by name (rules/indicator-lookup.ts). An unknown id is a usage error
// (exit 2) that names the closest ids.

import { FIELDS_BY_LEVEL } from '../schema/contract.js';
import { CscheckError } from '../schema/errors.js';
import type { LoadedPlan } from '../schema/load-plan.js';
import { bundledPlanIds, loadPlan, loadPlanFile } from '../schema/load-plan.js';
import { localized } from '../schema/messages.js';
import type { Indicator } from '../schema/plan.js';
import { localizedTarget } from '../schema/quantity.js';
import { similarity } from '../schema/text-similarity.js';
import { indicatorIdFor } from '../rules/indicator-lookup.js';
import { MEASURES, REPORTED_KIND, compileMeasure } from '../rules/measures/index.js';
import type { ExplainMeasure, IndicatorExplanation } from '../report/formats/indicator-explain.js';
import { EXPLAIN_FORMATS } from '../report/formats/indicator-explain.js';
import type { Io } from './io.js';
import { EXIT } from './io.js';
import type { PlanOutputOptions } from './plans.js';

const CLOSE_IDS = 5;
const MIN_CLOSE = 0.3;

const EXPRESSION_KEYS = ['where', 'condition', 'numerator', 'denominator', 'sum', 'scale'] as const;

function measureOf(ind: Indicator, loaded: LoadedPlan, index: number): Omit<ExplainMeasure, 'plans'> {
  const m = ind.measure;
  if (m.kind === 'reported') return { kind: m.kind, title: REPORTED_KIND.title, description: REPORTED_KIND.description, expressions: [], columns: [] };
  const fields = FIELDS_BY_LEVEL[ind.scope === '乡镇' ? 'township' : 'community'];
  const compiled = compileMeasure(m, fields, { ...loaded.locate(['indicators', index, 'measure']), planPath: `indicators.${index}.measure` });
  const record = m as Record<string, unknown>;
  return {
    kind: m.kind,
    title: MEASURES[m.kind].title,
    description: MEASURES[m.kind].description,
    expressions: EXPRESSION_KEYS.filter((k) => record[k] !== undefined).map((key) => ({ key, expr: String(record[key]) })),
    columns: compiled.fields.map((id) => fields.find((f) => f.id === id)!.header),
  };
}

function closeIds(id: string, ids: Iterable<string>): string {
  const scored = [...new Set(ids)].map((c) => ({ c, s: c.includes(id) || id.includes(c) ? 1 : similarity(id, c) })).filter((x) => x.s >= MIN_CLOSE);
  return scored.sort((a, b) => b.s - a.s || a.c.localeCompare(b.c)).slice(0, CLOSE_IDS).map((x) => x.c).join(', ');
}

export function explainIndicator(id: string, plans: LoadedPlan[], scope: LoadedPlan[] = plans): IndicatorExplanation {
  const names = new Map<string, IndicatorExplanation['names'][number]>();
  const measures = new Map<string, ExplainMeasure>();
  const x: IndicatorExplanation = { id, names: [], units: [], measures: [], columns: [], plans: [] };
  for (const loaded of scope) {
    const { plan } = loaded;
    const index = plan.indicators.findIndex((i) => i.id === id);
    if (index < 0) continue;
    const ind = plan.indicators[index];
    const nameKey = `${ind.name.zh}\u0000${ind.name.en}`;
    if (!names.has(nameKey)) names.set(nameKey, { name: ind.name, plans: [] });
    names.get(nameKey)!.plans.push(plan.id);
    if (!x.units.includes(ind.unit)) x.units.push(ind.unit);
    const m = measureOf(ind, loaded, index);
    const measureKey = JSON.stringify([m.kind, m.expressions]);
    if (!measures.has(measureKey)) measures.set(measureKey, { ...m, plans: [] });
    measures.get(measureKey)!.plans.push(plan.id);
    for (const c of m.columns) if (!x.columns.includes(c)) x.columns.push(c);
    x.plans.push({
      plan: plan.id,
      region: plan.region,
      document: plan.document,
      target: localizedTarget(ind.target, ind.unit),
      written: ind.target.text,
      attribute: ind.attribute ?? null,
      scope: ind.scope,
      section: ind.source.section,
      quote: ind.source.quote,
    });
  }
  if (!x.plans.length) {
    const elsewhere = plans.filter((p) => p.plan.indicators.some((i) => i.id === id)).map((p) => p.plan.id);
    if (scope !== plans && elsewhere.length) throw new CscheckError('plans.not-in-plan', { plan: scope[0].plan.id, id, plans: elsewhere.join(', ') });
    const close = closeIds(id, [...plans, ...scope].flatMap((p) => p.plan.indicators.map((i) => i.id)));
    throw new CscheckError('plans.unknown-indicator', { id, close: close || localized('plans.none') });
  }
  x.names = [...names.values()];
  x.measures = [...measures.values()];
  return x;
}

export function explainCommand(id: string, opts: PlanOutputOptions & { plan?: string }, io: Io): number {
  const bundled = bundledPlanIds().map((p) => loadPlanFile(p));
  // With --plan, what that plan asks — inherited indicators included, as `evaluate` uses them.
  const scope = opts.plan ? [loadPlan(opts.plan)] : bundled;
  // An indicator's Chinese (or English) name answers as its id does.
  const found = indicatorIdFor(id, [...bundled, ...scope].map((p) => p.plan));
  io.stdout(EXPLAIN_FORMATS[opts.format](explainIndicator(found, bundled, scope), { lang: opts.lang, color: false }));
  return EXIT.ok;
}
