// Which ledger rows carry which plan task. Plans differ in grain — a city plan's item is a
// paragraph a district splits over several rows — so both sides are compared sentence by sentence
// (Dice over character pairs, as `plans lint` does): a plan task is covered when most of its
// sentences find a close sentence in the ledger.

import type { Task } from '../../schema/plan.js';
import type { LedgerRow } from '../../io/ledger-reader.js';
import type { Profile } from '../../schema/text-similarity.js';
import { dice, profile, sentences } from '../../schema/text-similarity.js';
import { MIN_SIMILARITY } from '../lint/parent-task-uncovered.js';

/** Share of a task's sentences that must be found for the task to count as covered. */
export const COVERED_SHARE = 0.5;

export interface TaskMatch {
  task: Task;
  taskIndex: number;
  /** Ledger rows holding the task's sentences, best first. */
  rows: LedgerRow[];
  /** Share of the task's sentences found in the ledger, 0–1. */
  covered: number;
  /** The best similarity of each of the task's sentences, for the JSON explanation. */
  sentences: { text: string; score: number; row: number | null }[];
}

export function matchTasks(tasks: Task[], rows: LedgerRow[]): TaskMatch[] {
  const ledgerSentences: { p: Profile; row: LedgerRow }[] = rows.flatMap((row) => sentences(row.content ?? '').map((s) => ({ p: profile(s), row })));
  return tasks.map((task, taskIndex) => {
    const found = sentences(task.content).map((text) => {
      const p = profile(text);
      let best: { score: number; row: LedgerRow | null } = { score: 0, row: null };
      for (const c of ledgerSentences) {
        const score = dice(p, c.p);
        if (score > best.score) best = { score, row: c.row };
      }
      return { text, score: best.score, row: best.row };
    });
    const hits = found.filter((f) => f.score >= MIN_SIMILARITY);
    const count = new Map<LedgerRow, number>();
    for (const h of hits) count.set(h.row!, (count.get(h.row!) ?? 0) + 1);
    return {
      task,
      taskIndex,
      rows: [...count].sort((a, b) => b[1] - a[1]).map(([r]) => r),
      covered: found.length ? hits.length / found.length : 0,
      sentences: found.map((f) => ({ text: f.text, score: Math.round(f.score * 100) / 100, row: f.row?.row ?? null })),
    };
  });
}

/** Rows none of whose sentences is close to any plan task sentence. */
export function unplannedRows(tasks: Task[], rows: LedgerRow[]): LedgerRow[] {
  const planSentences = tasks.flatMap((t) => sentences(t.content).map(profile));
  return rows.filter((row) => {
    const own = sentences(row.content ?? '').map(profile);
    return own.length > 0 && !own.some((s) => planSentences.some((p) => dice(s, p) >= MIN_SIMILARITY));
  });
}
