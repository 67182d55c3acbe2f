// A child plan restating an indicator or requirement of a plan above it must not ask less: a lower
// target (or `>` relaxed to `≥`), 约束性 turned 预期性, a narrower scope, or a softening word the
// ancestor never uses (力争 “strive to”; 较大 “larger”, 部分 “some”, 有条件的 “where conditions
// allow”). Asking more is allowed and reported for information: the analyst must know which figure
// binds locally. A child indicator for 城乡 that its ancestor splits into `_urban` and `_rural` is
// compared with both halves' targets. Every bundled ancestor is compared (the parent, the province
// above a city, the province above a county whose city is not bundled); one difference — the same
// item, aspect and direction — is reported once, against the nearest ancestor that shows it, and
// names the others. A 约束性 indicator of an ancestor that the child has no counterpart for is dropped.

import type { Localized } from '../../schema/finding.js';
import type { MessageId } from '../../schema/messages.js';
import { localized } from '../../schema/messages.js';
import type { Indicator, Plan, Requirement, Scope, Source } from '../../schema/plan.js';
import { formatNumber, localizedTarget } from '../../schema/quantity.js';
import type { CheckMeta } from '../checks/check.js';
import { at, cite, citeParent } from './cite.js';
import type { PlanPath } from './cite.js';
import type { LintCheck, LintContext, ParentPlan } from './lint-check.js';
import { viaArg } from './ancestors.js';
import { dice, profile, sentences } from '../../schema/text-similarity.js';
import { compareScopes, compareTargets, statements, strictest } from './target-strictness.js';

export const weaker = {
  code: 'weaker-than-parent',
  title: { zh: '弱于上级计划', en: 'Weaker than the parent plan' },
  description: {
    zh: '本计划重述上级计划（extends 或 implements 的内置计划）的指标或要求时要求更低：目标值更低、“超”改为“达到”、约束性改为预期性、范围缩小（如“村（社区）”改为“社区”），或加了上级没有的“力争”“较大”“部分”“有条件的”',
    en: 'the plan restates an indicator or requirement of its parent (the bundled plan it extends or implements) but asks less: a lower target, “more than” relaxed to “at least”, binding turned expected, a narrower scope (村（社区） → 社区), or a softening word the parent does not use (力争, 较大, 部分, 有条件的)',
  },
  severity: 'error',
  messages: ['lint.versus-parent'],
} as const satisfies CheckMeta;

export const stricter = {
  code: 'stricter-than-parent',
  title: { zh: '严于上级计划', en: 'Stricter than the parent plan' },
  description: {
    zh: '本计划重述上级计划的指标或要求时要求更高（目标更高、范围更大、预期性改为约束性）；允许，仅作提示',
    en: 'the plan restates an indicator or requirement of its parent and asks more (a higher target, a wider scope, expected turned binding): allowed, reported for information',
  },
  severity: 'info',
  messages: ['lint.versus-parent'],
} as const satisfies CheckMeta;

export const weakerAncestor = {
  code: 'weaker-than-ancestor',
  title: { zh: '弱于上上级计划', en: 'Weaker than a plan further up' },
  description: {
    zh: '本计划重述上上级计划（上级计划所执行的内置计划，或经未内置的一级追溯到的内置计划）的指标或要求时要求更低（同 weaker-than-parent）；本计划直接执行的是中间一级，中间一级可能已有调整，故为警告',
    en: 'the plan restates an indicator or requirement of a bundled plan further up (the plan its parent implements, or one reached through a level that is not bundled) and asks less (as weaker-than-parent); the plan carries out the level in between, which may have adjusted it, so a warning',
  },
  severity: 'warning',
  messages: ['lint.versus-parent'],
} as const satisfies CheckMeta;

export const stricterAncestor = {
  code: 'stricter-than-ancestor',
  title: { zh: '严于上上级计划', en: 'Stricter than a plan further up' },
  description: {
    zh: '本计划重述上上级计划的指标或要求时要求更高：允许，仅作提示——本地按哪个数执行须知道',
    en: 'the plan restates an indicator or requirement of a bundled plan further up and asks more: allowed, reported so the analyst knows which figure binds locally',
  },
  severity: 'info',
  messages: ['lint.versus-parent'],
} as const satisfies CheckMeta;

export const bindingDropped = {
  code: 'binding-dropped',
  title: { zh: '上级约束性指标未重述', en: 'Binding indicator of a plan above dropped' },
  description: {
    zh: '上级或上上级计划（本计划执行而非继承的）有约束性指标，本计划没有同一编号（或其城乡分项）的指标；按编号比对，可能以别的写法出现，须人工确认',
    en: 'a plan above (one this plan implements rather than extends) has a binding indicator for which this plan has no indicator of the same id (or its urban/rural halves); matched by id, so it may be there in other words: a person must confirm',
  },
  severity: 'warning',
  messages: ['lint.binding-dropped'],
} as const satisfies CheckMeta;

const STRIVING = '力争';
const NARROWING = ['较大', '部分', '有条件的'];
const SPLIT: [string, Scope][] = [['_urban', '城市'], ['_rural', '农村']];

interface Difference {
  /** Weaker or stricter. */
  stricter: boolean;
  /** What is compared (`target`, `attribute`, `scope`, a softening word): one finding per item, kind and direction. */
  kind: string;
  aspect: MessageId;
  aspectArgs: Record<string, string | Localized>;
  path: PlanPath;
  own: Source;
  theirs: Source;
}

const scopeArgs = (own: Scope, theirs: Scope) => ({ scope: localized(`scope.${own}`), parentScope: localized(`scope.${theirs}`) });

/** Softening words in the child's own sentence that none of the parent's sentences has. */
function softening(own: Source, path: PlanPath, theirs: Source[]): Difference[] {
  const absent = (w: string) => own.quote.includes(w) && !theirs.some((s) => s.quote.includes(w));
  const out: Difference[] = [];
  const where = [...path, 'source', 'quote'];
  if (absent(STRIVING)) out.push({ stricter: false, kind: STRIVING, aspect: 'lint.aspect.striving', aspectArgs: {}, path: where, own, theirs: theirs[0] });
  for (const word of NARROWING.filter(absent)) out.push({ stricter: false, kind: word, aspect: 'lint.aspect.narrowing-word', aspectArgs: { word }, path: where, own, theirs: theirs[0] });
  return out;
}

function attributeDiff(own: { attribute?: string; source: Source }, theirs: { attribute?: string; source: Source }, path: PlanPath): Difference[] {
  const ownBinding = own.attribute === '约束性';
  const theirBinding = theirs.attribute === '约束性';
  if (ownBinding === theirBinding) return [];
  return [{ stricter: ownBinding, kind: 'attribute', aspect: ownBinding ? 'lint.aspect.binding' : 'lint.aspect.expected', aspectArgs: {}, path: [...path, 'attribute'], own: own.source, theirs: theirs.source }];
}

function scopeDiff(own: Scope, theirs: Scope, ownSource: Source, theirSource: Source, path: PlanPath): Difference[] {
  const c = compareScopes(own, theirs);
  if (!c) return [];
  return [{ stricter: c > 0, kind: 'scope', aspect: c > 0 ? 'lint.aspect.scope-wider' : 'lint.aspect.scope-narrower', aspectArgs: scopeArgs(own, theirs), path: [...path, 'scope'], own: ownSource, theirs: theirSource }];
}

function indicatorDiffs(own: Indicator, path: PlanPath, theirs: Indicator, sameId: boolean): Difference[] {
  // A total over the plan's area (全省9000人次 against 全县300人次) is a share, not a restatement.
  if (own.unit !== theirs.unit || own.total || theirs.total) return [];
  const out: Difference[] = [];
  const parentSays = statements(theirs);
  // Against the parent's strictest statement: a child that matches the weaker of two
  // self-contradicting parent sentences still asks less than the parent's own reading.
  const ref = strictest(parentSays);
  const c = compareTargets(own.target, ref.target);
  if (c) {
    const args = { target: localizedTarget(own.target, own.unit), parentTarget: localizedTarget(ref.target, theirs.unit) };
    const inclusive = c < 0 && own.target.value === ref.target.value;
    const aspect: MessageId = c > 0 ? 'lint.aspect.stricter-target' : inclusive ? 'lint.aspect.inclusive' : 'lint.aspect.weaker-target';
    out.push({ stricter: c > 0, kind: 'target', aspect, aspectArgs: args, path: [...path, 'target'], own: own.source, theirs: ref.source });
  }
  out.push(...attributeDiff(own, theirs, path));
  // Scope and wording are compared only for a true restatement: a half says nothing about the
  // other half's scope, and the child's one sentence may soften what either half says.
  if (sameId) out.push(...scopeDiff(own.scope, theirs.scope, own.source, theirs.source, path), ...softening(own.source, path, parentSays.map((s) => s.source)));
  return out;
}

function requirementDiffs(own: Requirement, path: PlanPath, theirs: Requirement): Difference[] {
  return [...attributeDiff(own, theirs, path), ...scopeDiff(own.scope, theirs.scope, own.source, theirs.source, path), ...softening(own.source, path, [theirs.source])];
}

/**
 * The parent's indicators that the child's indicator restates: the same id, or — for a 城乡
 * indicator whose halves the child does not restate itself — the parent's urban and rural halves.
 */
function counterparts(own: Indicator, parent: Map<string, Indicator>, ownIds: Set<string>): { ind: Indicator; sameId: boolean }[] {
  const same = parent.get(own.id);
  if (same) return [{ ind: same, sameId: true }];
  if (own.scope !== '城乡') return [];
  return SPLIT.filter(([suffix, scope]) => !ownIds.has(own.id + suffix) && parent.get(own.id + suffix)?.scope === scope).map(([suffix]) => ({ ind: parent.get(own.id + suffix)!, sameId: false }));
}

/** `；与福建省 专栏1 3相比亦然`: the other ancestors that show the same difference. */
function alsoArg(others: string[]): Localized | undefined {
  return others.length ? localized('lint.also', { others: { zh: others.join('、'), en: others.join(', ') } }) : undefined;
}

/** One difference (or dropped indicator), the ancestor it is reported against, and the others that show it. */
interface Reported<T> {
  parent: ParentPlan;
  items: T[];
  others: string[];
}

/** Keeps the nearest ancestor's entries for each key; a farther ancestor's only names it. */
function collect<T>(map: Map<string, Reported<T>>, key: string, parent: ParentPlan, item: T, section: string): void {
  const hit = map.get(key);
  if (!hit) map.set(key, { parent, items: [item], others: [] });
  else if (hit.parent === parent) hit.items.push(item);
  else {
    const name = `${parent.loaded.plan.region} ${section}`;
    if (!hit.others.includes(name)) hit.others.push(name);
  }
}

function differences(ctx: LintContext): void {
  const { written } = ctx;
  const ownIds = new Set(written.plan.indicators.map((i) => i.id));
  const found = new Map<string, Reported<{ d: Difference; item: { id: string; name: Localized } }>>();
  for (const parent of ctx.parents) {
    const indicators = new Map(parent.loaded.plan.indicators.map((i) => [i.id, i]));
    const requirements = new Map((parent.loaded.plan.requirements ?? []).map((r) => [r.id, r]));
    const add = (d: Difference, item: { id: string; name: Localized }, at: string) => collect(found, `${at}|${d.kind}|${d.stricter}`, parent, { d, item }, d.theirs.section);
    written.plan.indicators.forEach((own, i) => {
      for (const { ind, sameId } of counterparts(own, indicators, ownIds)) for (const d of indicatorDiffs(own, ['indicators', i], ind, sameId)) add(d, own, `indicators.${i}`);
    });
    (written.plan.requirements ?? []).forEach((own, i) => {
      const theirs = requirements.get(own.id);
      if (theirs) for (const d of requirementDiffs(own, ['requirements', i], theirs)) add(d, own, `requirements.${i}`);
    });
  }
  for (const { parent, items, others } of found.values()) {
    for (const { d, item } of items) {
      const direct = !parent.via.length;
      const meta = d.stricter ? (direct ? stricter : stricterAncestor) : direct ? weaker : weakerAncestor;
      ctx.report(meta, {
        ruleId: item.id,
        location: at(written, d.path),
        messageId: 'lint.versus-parent',
        args: {
          item: item.name,
          aspect: localized(d.aspect, d.aspectArgs),
          parentId: parent.loaded.plan.id,
          ...cite(written.plan, d.own),
          ...citeParent(parent.loaded.plan, d.theirs),
          via: viaArg(parent.via),
          also: alsoArg(others),
        },
      });
    }
  }
}

/** The ancestor's indicator has a counterpart in the child: the same id, its 城乡 whole, or both its halves. */
function covered(id: string, child: Map<string, Indicator>): boolean {
  if (child.has(id)) return true;
  const half = SPLIT.find(([suffix]) => id.endsWith(suffix));
  if (half && child.get(id.slice(0, -half[0].length))?.scope === '城乡') return true;
  return SPLIT.every(([suffix]) => child.has(id + suffix));
}

/** The child's sentence closest to the dropped indicator, so a reader can confirm it is really absent. */
function closest(plan: Plan, name: string): { section: string; quote: string; score: number } {
  const want = profile(name);
  let best = { section: '—', quote: '—', score: 0 };
  const consider = (section: string, text: string) => {
    for (const s of sentences(text)) {
      const score = dice(want, profile(s));
      if (score > best.score) best = { section, quote: s, score };
    }
  };
  for (const t of plan.tasks ?? []) consider(t.source.section, t.content);
  for (const x of [...plan.indicators, ...(plan.requirements ?? [])]) consider(x.source.section, x.source.quote);
  return best;
}

function dropped(ctx: LintContext): void {
  const { written, resolved } = ctx;
  // What the child has, inherited items included: a plan that extends another keeps what it does not restate.
  const child = new Map(resolved.plan.indicators.map((i) => [i.id, i]));
  const found = new Map<string, Reported<Indicator>>();
  for (const parent of ctx.parents) {
    for (const ind of parent.loaded.plan.indicators) {
      if (ind.attribute === '约束性' && !covered(ind.id, child)) collect(found, ind.id, parent, ind, ind.source.section);
    }
  }
  for (const { parent, items: [ind], others } of found.values()) {
    const near = closest(written.plan, ind.name.zh);
    ctx.report(bindingDropped, {
      ruleId: ind.id,
      location: at(written, parent.path),
      messageId: 'lint.binding-dropped',
      args: {
        item: ind.name,
        parentTarget: localizedTarget(ind.target, ind.unit),
        parentId: parent.loaded.plan.id,
        ...citeParent(parent.loaded.plan, ind.source),
        plan: written.plan.region,
        section: near.section,
        quote: near.quote,
        score: formatNumber(near.score, 2),
        via: viaArg(parent.via),
        also: alsoArg(others),
      },
    });
  }
}

export const check = { meta: [weaker, stricter, weakerAncestor, stricterAncestor, bindingDropped], run: (ctx: LintContext) => {
    differences(ctx);
    dropped(ctx);
  },
} satisfies LintCheck;
