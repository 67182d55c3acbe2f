import { describe, expect, it } from 'vitest';
import type { CheckMeta } from '../../src/rules/checks/check.js';
import { finding, severityOf } from '../../src/rules/checks/check.js';
import type { FindingCode } from '../../src/rules/checks/index.js';
import { CHECKS } from '../../src/rules/checks/index.js';
import { cellType, unknownColumn } from '../../src/rules/checks/data-cells.js';
import { breach } from '../../src/rules/checks/requirement.js';
import { noData } from '../../src/rules/checks/indicator-target.js';

const draft = { location: { file: 'a.csv', row: 2 }, messageId: 'data.cell-type', args: { value: 'x' } } as const;

describe('finding(): severity from the meta', () => {
  it('takes the default severity of the meta', () => {
    expect(finding(cellType, draft)).toEqual({ code: 'cell-type', severity: 'error', ...draft });
    expect(finding(unknownColumn, { ...draft, messageId: 'data.unknown-column' }).severity).toBe('info');
  });

  it('raises one step for a binding plan item: warning → error, info → warning, error stays', () => {
    expect(severityOf(breach)).toBe('warning');
    expect(severityOf(breach, true)).toBe('error');
    expect(severityOf(noData, true)).toBe('warning');
    expect(finding(cellType, draft, true).severity).toBe('error');
  });

  it('puts code and severity first, as the report has always ordered a finding’s keys', () => {
    expect(Object.keys(finding(breach, { ruleId: 'r1', ...draft }))).toEqual(['code', 'severity', 'ruleId', 'location', 'messageId', 'args']);
  });

  it('knows every code as a type: a misspelled one does not compile', () => {
    const ok: FindingCode = 'cell-type';
    // @ts-expect-error 'cel-type' is no check's code
    const typo: FindingCode = 'cel-type';
    const meta: CheckMeta<FindingCode> = cellType;
    expect([ok, typo, meta.code]).toEqual(['cell-type', 'cel-type', 'cell-type']);
    expect(new Set(CHECKS.map((c) => c.code)).size).toBe(CHECKS.length);
  });
});

describe('the list of codes the results model holds', () => {
  it('is exactly the codes of the registered checks, family by family', async () => {
    const { LINT_CODES } = await import('../../src/rules/lint/index.js');
    const { LEDGER_CODES } = await import('../../src/rules/ledger/index.js');
    const { SURVEY_CODES, LINT_CODE_NAMES, LEDGER_CODE_NAMES } = await import('../../src/schema/finding-codes.js');
    const codes = (metas: readonly { code: string }[]) => [...new Set(metas.map((m) => m.code))].sort();
    expect(codes(CHECKS)).toEqual([...SURVEY_CODES].sort());
    expect(codes(LINT_CODES)).toEqual([...LINT_CODE_NAMES].sort());
    expect(codes(LEDGER_CODES)).toEqual([...LEDGER_CODE_NAMES].sort());
  });
});
