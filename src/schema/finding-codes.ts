// Every code a Finding can carry, by family: the results model names them here, below the rules
// that report them, so that `Finding.code` is a closed union without the schema importing the
// rules. Each check's meta is typed against this list, and a test holds the list against the
// registry (rules/checks/index.ts), so a code is added in both places or the build fails.

export const SURVEY_CODES = [
  'cell-type', 'missing-value', 'ragged-row', 'unknown-column', 'skipped-row', 'unknown-reported', 'duplicate-reported',
  'value-exceeds', 'indicator-not-met', 'indicator-no-data', 'indicator-behind', 'requirement-breach', 'requirement-no-data', 'region-mismatch',
] as const;

export const LINT_CODE_NAMES = [
  'plan-schema', 'ancestor-chain', 'unknown-field', 'bad-expression', 'weaker-than-parent', 'stricter-than-parent', 'weaker-than-ancestor',
  'stricter-than-ancestor', 'binding-dropped', 'text-table-mismatch', 'parent-task-uncovered', 'task-no-unit', 'task-no-deadline', 'unit-note',
  'numbering-gap', 'doubled-wording',
] as const;

export const LEDGER_CODE_NAMES = [
  'ledger-missing-column', 'ledger-numbering', 'ledger-empty-row', 'ledger-no-unit', 'ledger-no-deadline', 'ledger-plan-no-deadline', 'ledger-unit-note',
  'ledger-unit-slip', 'ledger-unit-variant', 'ledger-unit-unknown', 'ledger-task-missing', 'ledger-sentence-missing', 'ledger-row-unplanned',
  'ledger-weakened-target', 'ledger-deadline-later', 'ledger-overdue', 'ledger-status-inconsistent', 'ledger-doubled-wording',
  'ledger-doubled-wording-inherited', 'ledger-unit-filter',
] as const;

export type FindingCode = (typeof SURVEY_CODES)[number] | (typeof LINT_CODE_NAMES)[number] | (typeof LEDGER_CODE_NAMES)[number];
