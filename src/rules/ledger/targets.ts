// A ledger row that restates a plan target less strictly: a lower figure in the same phrase
// (覆盖率100% → 90%), 力争 (“strive to”) added, or the scope narrowed (城市社区 → 城市较大社区).

import type { Finding } from '../../schema/finding.js';
import { ledgerCell } from '../../io/ledger-reader.js';
import type { CheckMeta } from '../checks/check.js';
import { dice, profile, sentences } from '../../schema/text-similarity.js';
import { MIN_SIMILARITY } from '../lint/parent-task-uncovered.js';
import type { LedgerCheck, LedgerContext } from './ledger-check.js';
import { rowLabel } from './ledger-check.js';

export const weakened = {
  code: 'ledger-weakened-target',
  title: { zh: '目标被降低', en: 'Weakened target' },
  description: {
    zh: '台账行重述计划目标时数字更低、加了“力争”或缩小了范围（如“城市较大社区”）',
    en: 'a ledger row restates a plan target with a lower figure, adds 力争 (“strive to”), or narrows the scope (城市较大社区)',
  },
  severity: 'error',
  messages: ['ledger.weakened-number', 'ledger.weakened-strive', 'ledger.weakened-scope', 'ledger.weakened-villages'],
} as const satisfies CheckMeta;

const FIGURE = /(\d+(?:\.\d+)?)\s*(%|％|‰|平方米|人|个|张|小时)/g;
const NARROWING = ['较大', '部分', '有条件的'];
const CONTEXT = 10;
// Figures after which a lower number is stricter, not weaker.
const CEILING = /^(以内|以下|不超过)/;

interface Figure {
  value: number;
  unit: string;
  context: ReturnType<typeof profile>;
  text: string;
  ceiling: boolean;
}

function figures(text: string): Figure[] {
  return [...text.matchAll(FIGURE)].map((m) => ({
    value: Number(m[1]),
    unit: m[2] === '％' ? '%' : m[2],
    context: profile(text.slice(Math.max(0, m.index - CONTEXT), m.index)),
    text: text.slice(Math.max(0, m.index - CONTEXT), m.index + m[0].length),
    ceiling: CEILING.test(text.slice(m.index + m[0].length)),
  }));
}

const VILLAGE_AND_COMMUNITY = /村[（(]社区[)）]|城乡社区/;

/** The plan sentence a ledger sentence restates: the closest one of the matched task, if close enough. */
function counterpart(sentence: ReturnType<typeof profile>, planSentences: ReturnType<typeof profile>[]) {
  let best: { score: number; p: ReturnType<typeof profile> | null } = { score: MIN_SIMILARITY, p: null };
  for (const p of planSentences) {
    const score = dice(sentence, p);
    if (score >= best.score) best = { score, p };
  }
  return best.p;
}

function run(ctx: LedgerContext): void {
  const { ledger, matches } = ctx;
  if (!matches) return;
  const seen = new Set<string>();
  const weakenedAt = (row: number, messageId: 'ledger.weakened-number' | 'ledger.weakened-strive' | 'ledger.weakened-scope' | 'ledger.weakened-villages', task: string, args: Finding['args']) => {
    const key = `${row}|${messageId}|${JSON.stringify(args)}`;
    if (seen.has(key)) return;
    seen.add(key);
    ctx.report(weakened, { ruleId: task, location: ledgerCell(ledger, row, 'content'), messageId, args });
  };
  for (const m of matches) {
    const planSentences = sentences(m.task.content).map(profile);
    const task = m.task.no !== undefined ? String(m.task.no) : m.task.id;
    const section = m.task.source.section;
    for (const r of m.rows) {
      const no = r.no;
      const label = rowLabel(r);
      for (const text of sentences(r.content ?? '')) {
        const own = profile(text);
        const plan = counterpart(own, planSentences);
        if (!plan) continue;
        const planFigures = figures(plan.text);
        for (const f of figures(text)) {
          // The plan figure said in the same words: same unit, closest preceding text.
          let best: { score: number; p?: Figure } = { score: 0.5 };
          for (const p of planFigures) {
            if (p.unit !== f.unit) continue;
            const score = dice(p.context, f.context);
            if (score > best.score) best = { score, p };
          }
          const p = best.p;
          if (p && !p.ceiling && f.value < p.value) weakenedAt(r.row, 'ledger.weakened-number', task, { no, label, task, section, written: f.text, plan: p.text });
        }
        if (text.includes('力争') && !plan.text.includes('力争')) weakenedAt(r.row, 'ledger.weakened-strive', task, { no, label, task, section, plan: plan.text });
        for (const word of NARROWING) if (text.includes(word) && !plan.text.includes(word)) weakenedAt(r.row, 'ledger.weakened-scope', task, { no, label, task, section, word, plan: plan.text });
        // 村（社区） (villages and communities) restated as 社区 alone leaves the villages out.
        if (/村[（(]社区[)）]/.test(plan.text) && !VILLAGE_AND_COMMUNITY.test(text) && text.includes('社区')) {
          weakenedAt(r.row, 'ledger.weakened-villages', task, { no, label, task, section, plan: plan.text });
        }
      }
    }
  }
}

export const check = { meta: [weakened], run } satisfies LedgerCheck;
