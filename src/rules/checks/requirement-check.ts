// The plan's per-community and per-township rules as one survey check over the rows; each rule's
// tally is a RequirementState (requirement.ts), kept in its level's state.
import type { SurveyCheck } from './survey-check.js';
import { RequirementState, breach, noData } from './requirement.js';

/**
 * The plan's requirements as one check: each requirement keeps its tally in its level's state
 * (ctx.levels, so a worker thread's counts can be merged in), rows go to the requirements of their
 * level and kind, and `finish` makes the results in plan order.
 */
export const check: SurveyCheck = {
  meta: [breach, noData],
  start(ctx) {
    for (const [level, s] of Object.entries(ctx.levels)) {
      s.requirements = ctx.plan.requirements.filter((c) => c.level === level).map((c) => new RequirementState(c, s, ctx.plan.loaded.plan.document));
    }
  },
  row(row, ctx) {
    const s = ctx.levels[row.table.level];
    if (!s.requirements.length) return;
    const kind = s.kind >= 0 ? row.values[s.kind] : null;
    for (const r of s.requirements) r.onRow(row, kind, ctx.collector);
  },
  finish(ctx) {
    const results = Object.values(ctx.levels).flatMap((s) => s.requirements.map((r) => r.finish(s.present, ctx.report)));
    const order = new Map(ctx.plan.loaded.plan.requirements?.map((r, i) => [r.id, i]));
    ctx.requirements = results.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  },
};
