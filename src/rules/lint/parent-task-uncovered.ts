// A plan that `extends` another is its implementation ledger: every sentence of the parent's tasks
// should reappear, reworded for the level below, in some task of the child. A parent sentence whose
// best match among the child's sentences (or two adjacent ones, where the child split it over two
// rows) stays below MIN_SIMILARITY has been dropped.

import type { LoadedPlan } from '../../schema/load-plan.js';
import { formatNumber } from '../../schema/quantity.js';
import type { CheckMeta } from '../checks/check.js';
import { at } from './cite.js';
import type { PlanPath } from './cite.js';
import type { LintCheck, LintContext } from './lint-check.js';
import type { Profile } from '../../schema/text-similarity.js';
import { dice, profile, sentences } from '../../schema/text-similarity.js';

export const meta = {
  code: 'parent-task-uncovered',
  title: { zh: '上级任务未落实', en: 'Parent task not carried over' },
  description: {
    zh: '继承（extends）的上级计划中某项任务的一句话，在本计划任何任务中都找不到对应（按字符对相似度比较）',
    en: 'a sentence of a task of the parent plan (extends) has no counterpart in any task of this plan (compared by character-pair similarity)',
  },
  severity: 'warning',
  messages: ['lint.parent-task-uncovered'],
} as const satisfies CheckMeta;

/**
 * Calibrated on Luojiang against Quanzhou: the five dropped sentences score 0.09–0.29 against their
 * best candidate, the lowest carried-over sentence (reworded, with a clause dropped) 0.39.
 */
export const MIN_SIMILARITY = 0.35;
/** A child project “covers” a parent project when their titles (numbers stripped) are this close. */
const SAME_PROJECT = 0.5;

interface Candidate {
  p: Profile;
  section: string;
}

const title = (s: string | undefined) => profile((s ?? '').replace(/^[\s（(]*[\d一二三四五六七八九十]+[)）.．、]?\s*/, ''));

/** Where the missing sentence belongs: the last task of the child's matching project, else `extends`. */
function placeFor(child: LoadedPlan, project: string | undefined): PlanPath {
  const want = title(project);
  let best: { score: number; index: number } = { score: SAME_PROJECT, index: -1 };
  (child.plan.tasks ?? []).forEach((t, i) => {
    const score = dice(want, title(t.project));
    if (score >= best.score) best = { score, index: i };
  });
  return best.index >= 0 ? ['tasks', best.index] : ['extends'];
}

function uncovered(ctx: LintContext): void {
  const { written } = ctx;
  const parent = ctx.parents.find((p) => p.relation === 'extends' && !p.via.length);
  if (!parent) return;
  const own: Candidate[] = (written.plan.tasks ?? []).flatMap((t) => sentences(t.content).map((s) => ({ p: profile(s), section: t.source.section })));
  const candidates = [...own, ...own.slice(1).map((c, i) => ({ p: profile(`${own[i].p.text}。${c.p.text}`), section: `${own[i].section}+${c.section}` }))];
  for (const task of parent.loaded.plan.tasks ?? []) {
    for (const sentence of sentences(task.content)) {
      const p = profile(sentence);
      let best: { score: number; c?: Candidate } = { score: -1 };
      for (const c of candidates) {
        const score = dice(p, c.p);
        if (score > best.score) best = { score, c };
      }
      if (best.score >= MIN_SIMILARITY) continue;
      ctx.report(meta, {
        ruleId: task.id,
        location: at(written, placeFor(written, task.project)),
        messageId: 'lint.parent-task-uncovered',
        args: {
          parentPlan: parent.loaded.plan.region,
          parentId: parent.loaded.plan.id,
          parentSection: task.source.section,
          parentQuote: sentence,
          plan: written.plan.region,
          section: best.c?.section ?? '—',
          quote: best.c?.p.text ?? '—',
          score: formatNumber(Math.max(0, best.score), 2),
        },
      });
    }
  }
}

export const check = { meta: [meta], run: uncovered } satisfies LintCheck;
