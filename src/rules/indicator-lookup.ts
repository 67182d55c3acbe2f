// Which indicator `cscheck explain` is asked about. Analysts know an indicator by its Chinese name
// as the plan prints it, or nearly (总建设面积 for 总建筑面积): an id is taken as it is, a name
// exactly (spaces, quotes and case aside) or — when one indicator is clearly the most similar —
// closely; otherwise the candidates are listed (a usage error, exit 2).

import { normalizeHeader } from '../io/header-match.js';
import { CscheckError } from '../schema/errors.js';
import type { Plan } from '../schema/plan.js';
import { similarity } from '../schema/text-similarity.js';

const MIN_SIMILARITY = 0.7;
const MIN_MARGIN = 0.1;
const CANDIDATES = 5;
const MIN_CANDIDATE = 0.3;

/** An indicator id as written: what explain looks up by id, with its own close-id suggestions. */
export const looksLikeId = (text: string) => /^[a-z][a-z0-9_]*$/.test(text);

const keyOf = (name: string) => normalizeHeader(name).toLowerCase();

/** The id of the indicator `text` names, among the plans' indicators; `text` is returned when it is an id. */
export function indicatorIdFor(text: string, plans: Plan[]): string {
  if (looksLikeId(text)) return text;
  const key = keyOf(text);
  // By id, each indicator's names (one id may be named a little differently in two plans).
  const names = new Map<string, Set<string>>();
  for (const ind of plans.flatMap((p) => p.indicators)) {
    const set = names.get(ind.id) ?? new Set<string>();
    set.add(ind.name.zh).add(ind.name.en);
    names.set(ind.id, set);
  }
  const label = (id: string) => `${id}（${[...names.get(id)!][0]}）`;
  const exact = [...names].filter(([, set]) => [...set].some((n) => keyOf(n) === key)).map(([id]) => id);
  if (exact.length === 1) return exact[0];
  if (exact.length > 1) throw new CscheckError('plans.ambiguous-indicator', { name: text, candidates: exact.map(label).join('；') });
  const scored = [...names]
    .map(([id, set]) => ({ id, score: Math.max(...[...set].map((n) => similarity(key, keyOf(n)))) }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const [best, second] = scored;
  if (best && best.score >= MIN_SIMILARITY && best.score - (second?.score ?? 0) >= MIN_MARGIN) return best.id;
  const close = scored.filter((x) => x.score >= MIN_CANDIDATE).slice(0, CANDIDATES);
  throw new CscheckError('plans.unknown-indicator-name', { name: text, close: close.length ? close.map((x) => label(x.id)).join('；') : '—' });
}
