// The names people give a plan on the command line: its id in any case, its region as written
// (泉州市) or without the 市/区/县/州/省 suffix (泉州), the region in English (Quanzhou), the
// document number however its brackets and spaces are typed (泉政办〔2022〕54号, 泉政办[2022]54号),
// and the plan's Chinese name. A name two plans share is refused with both; an unknown one with
// the closest names.

import { similarity } from './text-similarity.js';
import { CscheckError } from './errors.js';
import type { Plan } from './plan.js';

/** What of a plan is read to name it. */
export type PlanHead = Pick<Plan, 'id' | 'name' | 'region' | 'document' | 'level'>;

const CLOSE_PLANS = 3;
const MIN_CLOSE = 0.3;

/** Case, spaces and the kind of bracket ignored: 〔〕, [], (), （）, 【】 and ［］ are all the same. */
export const normalizePlanName = (name: string) => name.normalize('NFKC').toLowerCase().replace(/[\s〔〕[\]()（）【】［］]/g, '');

/** The region as the plan's name opens with it, short: 西双版纳州… → 西双版纳 (region 西双版纳傣族自治州). */
function shortRegions(plan: PlanHead): string[] {
  const short = [plan.region.replace(/[省市区县州旗]$/, '')];
  const opening = /^(\p{Script=Han}{2,8}?)[省市区县州旗]/u.exec(plan.name.zh);
  if (opening && plan.region.startsWith(opening[1])) short.push(opening[1], opening[0]);
  return short;
}

/**
 * The region in English, as the English name opens with it, with and without its level:
 * `Fujian Province …` → Fujian Province, Fujian; `Quanzhou 14th …` (a city) → Quanzhou, Quanzhou City.
 */
function englishRegions(plan: PlanHead): string[] {
  const words = /^(?:[A-Z][\p{L}-]*\s*)+/u.exec(plan.name.en)?.[0].trim().split(/\s+/) ?? [];
  return words.length ? [words.join(' '), words[0], `${words[0]} ${plan.level}`] : [];
}

/** Similarity with the ends marked, so that a one-character slip in a two-character name (泉洲) still scores. */
const closeness = (a: string, b: string) => (a && (b.includes(a) || a.includes(b)) ? 1 : similarity(`^${a}$`, `^${b}$`));

/** Every name the plan answers to, normalized. */
export function planNames(plan: PlanHead): string[] {
  return [...new Set([plan.id, plan.region, ...shortRegions(plan), ...englishRegions(plan), plan.document, plan.name.zh].map(normalizePlanName))];
}

const labelOf = (plan: PlanHead) => `${plan.id}（${plan.name.zh}）`;

/** The id of the plan `ref` names; a usage error when none does or when several do. */
export function matchPlanName(ref: string, plans: PlanHead[]): string {
  const key = normalizePlanName(ref);
  const hits = plans.filter((p) => planNames(p).includes(key));
  if (hits.length === 1) return hits[0].id;
  const available = plans.map((p) => p.id).join(', ');
  if (hits.length > 1) throw new CscheckError('plan.ambiguous', { plan: ref, candidates: hits.map(labelOf).join('；') });
  const close = plans
    .map((p) => ({ p, score: Math.max(...planNames(p).map((n) => closeness(key, n))) }))
    .filter((x) => x.score >= MIN_CLOSE)
    .sort((a, b) => b.score - a.score || a.p.id.localeCompare(b.p.id))
    .slice(0, CLOSE_PLANS);
  if (!close.length) throw new CscheckError('plan.not-found', { plan: ref, available });
  throw new CscheckError('plan.not-found-close', { plan: ref, close: close.map((x) => labelOf(x.p)).join('；'), available });
}
