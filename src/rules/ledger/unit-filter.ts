// `--unit NAME`: which unit the name means. It must be a unit some ledger row or plan task names —
// a misspelling would otherwise filter every finding away and pass clean. A short form (民政局)
// that only one unit's name contains stands for that unit; one that several contain, or a name
// close to none, is a usage error naming the candidates.

import { CscheckError } from '../../schema/errors.js';
import type { LoadedPlan } from '../../schema/load-plan.js';
import type { Ledger } from '../../io/ledger-reader.js';
import type { CheckMeta } from '../checks/check.js';
import { similarity } from '../../schema/text-similarity.js';
import type { UnitIndex } from './unit-index.js';
import { department, key } from './unit-index.js';

export const unitFilter = {
  code: 'ledger-unit-filter',
  title: { zh: '按责任单位筛选', en: 'Filtered by unit' },
  description: {
    zh: '--unit 写的是简称，按唯一含有它的单位全称检查；或计划为该单位列了任务，但台账中没有一行写明该单位',
    en: '--unit gave a short form, checked as the one unit whose name contains it; or the plan names the unit but no ledger row does',
  },
  severity: 'info',
  messages: ['ledger.unit-short', 'ledger.unit-no-rows'],
} as const satisfies CheckMeta;

const CLOSE_UNITS = 3;
const MIN_CLOSE = 0.3;

/** A unit's canonical name as the index knows it, else as written. */
export const canonicalUnit = (index: UnitIndex, name: string): string => index.resolve(name)?.canonical ?? name;

/** Every unit the ledgers' rows and the plan's tasks name, canonical. */
export function namedUnits(index: UnitIndex, ledgers: Ledger[], plan?: LoadedPlan): Set<string> {
  const rows = ledgers.flatMap((l) => l.rows.flatMap((r) => r.units));
  const planned = (plan?.plan.tasks ?? []).flatMap((t) => t.units);
  return new Set([...rows, ...planned].map((u) => canonicalUnit(index, u)));
}

/**
 * Similarity with the ends marked, so a one-character slip in a short name (区民证局) still scores;
 * against the name with and without its level, so a slip in a short form (民证局) does too.
 */
const closeness = (a: string, unit: string) => Math.max(similarity(`^${a}$`, `^${key(unit)}$`), similarity(`^${a}$`, `^${department(unit)}$`));

/**
 * The canonical unit `--unit` means among `known` (the units rows or tasks name).
 * @throws CscheckError (exit 2) when it names none of them, or is a short form of several.
 */
export function resolveUnit(asked: string, index: UnitIndex, known: Set<string>): string {
  const canonical = canonicalUnit(index, asked);
  if (known.has(canonical)) return canonical;
  const k = key(asked);
  const containing = [...known].filter((u) => k.length > 0 && key(u).includes(k));
  if (containing.length === 1) return containing[0];
  if (containing.length > 1) throw new CscheckError('ledger.unit-ambiguous', { unit: asked, candidates: containing.join('、') });
  const close = [...known]
    .map((u) => ({ u, score: closeness(k, u) }))
    .filter((x) => x.score >= MIN_CLOSE)
    .sort((a, b) => b.score - a.score || a.u.localeCompare(b.u, 'zh'))
    .slice(0, CLOSE_UNITS);
  if (!close.length) throw new CscheckError('ledger.unit-not-found', { unit: asked });
  throw new CscheckError('ledger.unit-not-found-close', { unit: asked, close: close.map((x) => x.u).join('、') });
}
