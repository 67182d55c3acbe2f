// One document stating one target two ways — the indicator table says ≥10%, the body text 超10% —
// leaves the reader to guess which binds. The plan keeps the table row as `target` and the other
// sentence in `also_stated`; any restatement whose comparison or value differs is reported.

import { localizedTarget } from '../../schema/quantity.js';
import type { CheckMeta } from '../checks/check.js';
import { at, cite } from './cite.js';
import type { LintCheck, LintContext } from './lint-check.js';

export const meta = {
  code: 'text-table-mismatch',
  title: { zh: '同一文件两处目标不一致', en: 'The document states a target two ways' },
  description: {
    zh: '同一指标在指标表（或专栏）与正文中的目标值或比较方式不同（如表“≥10%”、正文“超10%”）；计划按较严读法评估，但文件本身自相矛盾',
    en: 'one indicator has a different target or comparison in the indicator table (or a box) and in the body text (table ≥10%, text “超10%”, more than 10%); the plan evaluates the stricter reading, but the document contradicts itself',
  },
  severity: 'warning',
  messages: ['lint.text-table-mismatch'],
} as const satisfies CheckMeta;

function mismatches(ctx: LintContext): void {
  const { written } = ctx;
  written.plan.indicators.forEach((ind, i) => {
    (ind.also_stated ?? []).forEach((also, j) => {
      const t = also.target;
      if (!t || (t.op === ind.target.op && t.value === ind.target.value)) return;
      const main = cite(written.plan, ind.source);
      ctx.report(meta, {
        ruleId: ind.id,
        location: at(written, ['indicators', i, 'also_stated', j, 'target']),
        messageId: 'lint.text-table-mismatch',
        args: {
          item: ind.name,
          ...main,
          target: localizedTarget(ind.target, ind.unit),
          textSection: also.source.section,
          textQuote: also.source.quote,
          textTarget: localizedTarget(t, ind.unit),
        },
      });
    });
  });
}

export const check = { meta: [meta], run: mismatches } satisfies LintCheck;
