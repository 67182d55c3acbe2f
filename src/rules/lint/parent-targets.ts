// A child plan restating its parent's indicator or requirement must not ask less: a lower target
// (or `>` relaxed to `≥`), 约束性 turned 预期性, a narrower scope, or a softening word its parent
// never uses (力争 “strive to”; 较大 “larger”, 部分 “some”, 有条件的 “where conditions allow”).
// Asking more is allowed and reported for information. A child indicator for 城乡 that its parent
// splits into `_urban` and `_rural` is compared with both halves' targets.

import type { Finding, Localized } from '../../schema/finding.js';
import type { LoadedPlan } from '../../schema/load-plan.js';
import type { MessageId } from '../../schema/messages.js';
import { localized } from '../../schema/messages.js';
import type { Indicator, Plan, Requirement, Scope, Source } from '../../schema/plan.js';
import { formatTarget } from '../../schema/quantity.js';
import type { CheckMeta } from '../checks/check.js';
import { at, cite, citeParent } from './cite.js';
import type { PlanPath } from './cite.js';
import type { LintCheck, LintContext } from './lint-check.js';
import { compareScopes, compareTargets, statements, strictest } from './target-strictness.js';

export const weaker: CheckMeta = {
  code: 'weaker-than-parent',
  title: { zh: '弱于上级计划', en: 'Weaker than the parent plan' },
  description: {
    zh: '本计划重述上级计划（extends 或 implements 的内置计划）的指标或要求时要求更低：目标值更低、“超”改为“达到”、约束性改为预期性、范围缩小（如“村（社区）”改为“社区”），或加了上级没有的“力争”“较大”“部分”“有条件的”',
    en: 'the plan restates an indicator or requirement of its parent (the bundled plan it extends or implements) but asks less: a lower target, “more than” relaxed to “at least”, binding turned expected, a narrower scope (村（社区） → 社区), or a softening word the parent does not use (力争, 较大, 部分, 有条件的)',
  },
  severity: 'error',
  messages: ['lint.versus-parent'],
};

export const stricter: CheckMeta = {
  code: 'stricter-than-parent',
  title: { zh: '严于上级计划', en: 'Stricter than the parent plan' },
  description: {
    zh: '本计划重述上级计划的指标或要求时要求更高（目标更高、范围更大、预期性改为约束性）；允许，仅作提示',
    en: 'the plan restates an indicator or requirement of its parent and asks more (a higher target, a wider scope, expected turned binding): allowed, reported for information',
  },
  severity: 'info',
  messages: ['lint.versus-parent'],
};

const STRIVING = '力争';
const NARROWING = ['较大', '部分', '有条件的'];
const SPLIT: [string, Scope][] = [['_urban', '城市'], ['_rural', '农村']];

interface Difference {
  meta: CheckMeta;
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
  if (absent(STRIVING)) out.push({ meta: weaker, aspect: 'lint.aspect.striving', aspectArgs: {}, path: [...path, 'source', 'quote'], own, theirs: theirs[0] });
  for (const word of NARROWING.filter(absent)) out.push({ meta: weaker, aspect: 'lint.aspect.narrowing-word', aspectArgs: { word }, path: [...path, 'source', 'quote'], own, theirs: theirs[0] });
  return out;
}

function attributeDiff(own: { attribute?: string; source: Source }, theirs: { attribute?: string; source: Source }, path: PlanPath): Difference[] {
  const ownBinding = own.attribute === '约束性';
  const theirBinding = theirs.attribute === '约束性';
  if (ownBinding === theirBinding) return [];
  return [{ meta: ownBinding ? stricter : weaker, aspect: ownBinding ? 'lint.aspect.binding' : 'lint.aspect.expected', aspectArgs: {}, path: [...path, 'attribute'], own: own.source, theirs: theirs.source }];
}

function scopeDiff(own: Scope, theirs: Scope, ownSource: Source, theirSource: Source, path: PlanPath): Difference[] {
  const c = compareScopes(own, theirs);
  if (!c) return [];
  return [{ meta: c > 0 ? stricter : weaker, aspect: c > 0 ? 'lint.aspect.scope-wider' : 'lint.aspect.scope-narrower', aspectArgs: scopeArgs(own, theirs), path: [...path, 'scope'], own: ownSource, theirs: theirSource }];
}

function indicatorDiffs(own: Indicator, path: PlanPath, theirs: Indicator, sameId: boolean): Difference[] {
  if (own.unit !== theirs.unit) return [];
  const out: Difference[] = [];
  const parentSays = statements(theirs);
  // Against the parent's strictest statement: a child that matches the weaker of two
  // self-contradicting parent sentences still asks less than the parent's own reading.
  const ref = strictest(parentSays);
  const c = compareTargets(own.target, ref.target);
  if (c) {
    const args = { target: formatTarget(own.target, own.unit), parentTarget: formatTarget(ref.target, theirs.unit) };
    const inclusive = c < 0 && own.target.value === ref.target.value;
    const aspect: MessageId = c > 0 ? 'lint.aspect.stricter-target' : inclusive ? 'lint.aspect.inclusive' : 'lint.aspect.weaker-target';
    out.push({ meta: c > 0 ? stricter : weaker, aspect, aspectArgs: args, path: [...path, 'target'], own: own.source, theirs: ref.source });
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

function toFinding(d: Difference, item: { id: string; name: Localized }, child: LoadedPlan, parent: Plan): Finding {
  return {
    code: d.meta.code,
    severity: d.meta.severity,
    ruleId: item.id,
    location: at(child, d.path),
    messageId: 'lint.versus-parent',
    args: { item: item.name, aspect: localized(d.aspect, d.aspectArgs), parentId: parent.id, ...cite(child.plan, d.own), ...citeParent(parent, d.theirs) },
  };
}

function compare(ctx: LintContext): Finding[] {
  const { written } = ctx;
  const ownIds = new Set(written.plan.indicators.map((i) => i.id));
  const findings: Finding[] = [];
  for (const { loaded } of ctx.parents) {
    const parent = loaded.plan;
    const indicators = new Map(parent.indicators.map((i) => [i.id, i]));
    const requirements = new Map((parent.requirements ?? []).map((r) => [r.id, r]));
    written.plan.indicators.forEach((own, i) => {
      for (const { ind, sameId } of counterparts(own, indicators, ownIds)) {
        for (const d of indicatorDiffs(own, ['indicators', i], ind, sameId)) findings.push(toFinding(d, own, written, parent));
      }
    });
    (written.plan.requirements ?? []).forEach((own, i) => {
      const theirs = requirements.get(own.id);
      if (theirs) for (const d of requirementDiffs(own, ['requirements', i], theirs)) findings.push(toFinding(d, own, written, parent));
    });
  }
  return findings;
}

export const check: LintCheck = { codes: [weaker, stricter], run: compare };
