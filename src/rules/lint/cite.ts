// What every lint finding carries: a structured location from the plan file, and the sentence(s)
// of the source document it is about, so a reader can check the claim against the seed text.

import type { Location } from '../../schema/finding.js';
import type { LoadedPlan } from '../../schema/load-plan.js';
import type { Plan, Source } from '../../schema/plan.js';

export type PlanPath = (string | number)[];

export function at(loaded: LoadedPlan, path: PlanPath): Location {
  return { ...loaded.locate(path), planPath: path.join('.') };
}

/** `{plan, section, quote}` for the plan's own sentence. */
export function cite(plan: Plan, source: Source): { plan: string; section: string; quote: string } {
  return { plan: plan.region, section: source.section, quote: source.quote };
}

/** `{parentPlan, parentSection, parentQuote}` for the parent plan's sentence. */
export function citeParent(plan: Plan, source: Source): { parentPlan: string; parentSection: string; parentQuote: string } {
  return { parentPlan: plan.region, parentSection: source.section, parentQuote: source.quote };
}

/** The first characters of a long sentence, to name a task in one line. */
export function brief(text: string, chars = 24): string {
  const t = text.replace(/\s+/g, '');
  return [...t].length > chars ? `${[...t].slice(0, chars).join('')}…` : t;
}
