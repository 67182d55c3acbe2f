// A word written twice in a row (“力争力争”) is a typing slip in the source document. Two to four
// CJK characters repeated at once: single characters double legitimately (常常, 人人), words of
// two or more do not in this register.

import type { CheckMeta } from '../checks/check.js';
import { at } from './cite.js';
import type { PlanPath } from './cite.js';
import type { LintCheck, LintContext } from './lint-check.js';

export const meta = {
  code: 'doubled-wording',
  title: { zh: '词语重复', en: 'Doubled wording' },
  description: {
    zh: '原文中同一个词（2–4 个汉字）连写两遍，如“力争力争”',
    en: 'the source text writes the same word (2–4 CJK characters) twice in a row, e.g. 力争力争',
  },
  severity: 'warning',
  messages: ['lint.doubled-wording'],
} as const satisfies CheckMeta;

export const DOUBLED = /([\u3400-\u9fff]{2,4})\1/gu;
const CONTEXT = 8;

function doubled(ctx: LintContext): void {
  const { written } = ctx;
  const { plan } = written;
  // Tasks first: a ledger row holds the whole cell; an indicator quoting the same row repeats it.
  const texts: { id: string; path: PlanPath; section: string; text: string }[] = [];
  (plan.tasks ?? []).forEach((t, i) => texts.push({ id: t.id, path: ['tasks', i, 'content'], section: t.source.section, text: t.content }));
  for (const key of ['indicators', 'requirements'] as const) {
    (plan[key] ?? []).forEach((item, i) => {
      texts.push({ id: item.id, path: [key, i, 'source', 'quote'], section: item.source.section, text: item.source.quote });
      if ('also_stated' in item) (item.also_stated ?? []).forEach((a, j) => texts.push({ id: item.id, path: [key, i, 'also_stated', j, 'source', 'quote'], section: a.source.section, text: a.source.quote }));
    });
  }
  const seen = new Set<string>();
  for (const t of texts) {
    for (const m of t.text.matchAll(DOUBLED)) {
      const key = `${t.section}\u0000${m[0]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const start = Math.max(0, m.index - CONTEXT);
      const context = t.text.slice(start, m.index + m[0].length + CONTEXT);
      ctx.report(meta, {
        ruleId: t.id,
        location: at(written, t.path),
        messageId: 'lint.doubled-wording',
        args: { word: m[1], run: m[0], section: t.section, context },
      });
    }
  }
}

export const check = { meta: [meta], run: doubled } satisfies LintCheck;
