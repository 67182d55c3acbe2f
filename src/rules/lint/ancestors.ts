// The bundled plans above a plan, nearest first: the plan it extends and the bundled plans it
// implements, then theirs, and so on. A level that is not bundled cannot be compared, but a plan can
// name the chain through it —
//   implements:
//     - {document: 莆政办规〔2023〕4号, region: 莆田市}
//     - {document: 闽政办〔2022〕37号, plan: fujian, via: 莆政办规〔2023〕4号}
// — so Xianyou is compared with Fujian and the findings name the Putian level in between.

import type { Finding } from '../../schema/finding.js';
import type { LoadedPlan } from '../../schema/load-plan.js';
import type { Plan } from '../../schema/plan.js';
import type { Localized } from '../../schema/finding.js';
import { localized } from '../../schema/messages.js';
import type { CheckMeta } from '../checks/check.js';
import { finding } from '../checks/check.js';
import { at } from './cite.js';
import type { Level, ParentPlan } from './lint-check.js';

export const meta = {
  code: 'ancestor-chain',
  title: { zh: '上级计划链无法追溯', en: 'Broken chain of parent plans' },
  description: {
    zh: 'implements 中某项的 via 不是其中任何一项的 document，或 via 绕成了圈：无法按它找到上上级计划',
    en: 'an implements entry’s via names no document of implements, or the via links go round in a circle: the plans further up cannot be found',
  },
  severity: 'error',
  messages: ['lint.via-unknown', 'lint.via-circular'],
} as const satisfies CheckMeta;

/** Loads a plan named by an id (or, for `extends`, a sibling file of `from`); null if it does not load. */
export type PlanLoader = (ref: string, from: LoadedPlan, relation: ParentPlan['relation']) => LoadedPlan | null;

type Link = Omit<ParentPlan, 'loaded'> & { ref: string };

const levelOf = (plan: Plan): Level => ({ region: plan.region, document: plan.document, bundled: true });

type Chain = { depth: number } | { broken: 'lint.via-unknown' | 'lint.via-circular'; via: string };

/**
 * How many levels each `implements` entry's via chain passes, or why it cannot be followed. Each
 * entry is resolved once (a plan file may hold many entries), so this is linear in their number.
 */
function chainsOf(entries: NonNullable<Plan['implements']>): Chain[] {
  const byDoc = new Map<string, number>();
  entries.forEach((e, i) => byDoc.has(e.document) || byDoc.set(e.document, i));
  const out = new Array<Chain | 'open' | undefined>(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const path: number[] = [];
    let end: Chain | undefined;
    for (let j = i; !end; ) {
      const known = out[j];
      if (known === 'open') end = { broken: 'lint.via-circular', via: entries[j].document };
      else if (known) end = known;
      else {
        out[j] = 'open';
        path.push(j);
        const via = entries[j].via;
        const k = via === undefined ? undefined : byDoc.get(via);
        if (via === undefined) end = { depth: -1 };
        else if (k === undefined) end = { broken: 'lint.via-unknown', via };
        else j = k;
      }
    }
    for (let n = path.length - 1; n >= 0; n--) {
      if ('depth' in end) end = { depth: end.depth + 1 };
      out[path[n]] = end;
    }
  }
  return out as Chain[];
}

/**
 * The links a plan declares: `extends`, and for each bundled plan it `implements`, the entry whose
 * via chain passes the fewest levels, with those levels (nearest first). Broken chains become
 * findings when `problems` is given.
 */
function linksOf(loaded: LoadedPlan, bundled: readonly string[], problems?: Finding[]): Link[] {
  const { plan } = loaded;
  const out: Link[] = [];
  if (plan.extends) out.push({ relation: 'extends', ref: plan.extends, via: [], path: ['extends'] });
  const entries = plan.implements ?? [];
  const chains = chainsOf(entries);
  const best = new Map<string, number>();
  entries.forEach((entry, i) => {
    if (!entry.plan || entry.plan === plan.extends || entry.plan === plan.id || !bundled.includes(entry.plan)) return;
    const chain = chains[i];
    if ('broken' in chain) {
      const args = { document: entry.document, via: chain.via };
      problems?.push(finding(meta, { location: at(loaded, ['implements', i, 'via']), messageId: chain.broken, args }));
      return;
    }
    const held = best.get(entry.plan);
    if (held === undefined || (chains[held] as { depth: number }).depth > chain.depth) best.set(entry.plan, i);
  });
  const byDoc = new Map(entries.map((e) => [e.document, e] as const).reverse());
  for (const [id, i] of best) {
    const via: Level[] = [];
    for (let level = byDoc.get(entries[i].via ?? ''); entries[i].via !== undefined && level; level = level.via === undefined ? undefined : byDoc.get(level.via)) {
      via.unshift({ region: level.region, document: level.document, bundled: !!level.plan && bundled.includes(level.plan) });
    }
    out.push({ relation: 'implements', ref: id, via, path: ['implements', i] });
  }
  return out;
}

/** Every bundled ancestor of `written`, nearest first, each once; and the findings of its broken chains. */
export function ancestorsOf(written: LoadedPlan, load: PlanLoader, bundled: readonly string[]): { parents: ParentPlan[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const parents: ParentPlan[] = [];
  const seen = new Set([written.file]);
  // Each plan is expanded once (`seen`), so the walk ends however the plans point at each other.
  const queue: (Link & { from: LoadedPlan })[] = linksOf(written, bundled, findings).map((l) => ({ ...l, from: written }));
  while (queue.length) {
    let next = 0;
    for (let i = 1; i < queue.length; i++) if (queue[i].via.length < queue[next].via.length) next = i;
    const [{ from, ref, ...link }] = queue.splice(next, 1);
    const loaded = load(ref, from, link.relation);
    if (!loaded || seen.has(loaded.file)) continue;
    seen.add(loaded.file);
    parents.push({ ...link, loaded });
    const via = [...link.via, levelOf(loaded.plan)];
    for (const l of linksOf(loaded, bundled)) queue.push({ ...l, via: [...via, ...l.via], path: link.path, from: loaded });
  }
  return { parents, findings };
}

/** The levels between a plan and its ancestor, as a message argument: 泉州市、莆田市（莆政办规〔2023〕4号，未内置）. */
export function viaArg(via: Level[]): Localized | undefined {
  if (!via.length) return undefined;
  const names = via.map((l) => (l.bundled ? { zh: l.region ?? l.document, en: l.region ?? l.document } : localized(l.region ? 'lint.level-skipped' : 'lint.level-skipped-unnamed', { region: l.region, document: l.document })));
  return localized('lint.via', { levels: { zh: names.map((n) => n.zh).join('、'), en: names.map((n) => n.en).join(', ') } });
}
