// The library: what `import … from 'cscheck'` offers. The command line is built on exactly this.

export { evaluate } from './evaluate.js';
export type { EvaluateOptions, PassObserver } from './evaluate.js';
export { checkLedger } from './ledger.js';
export type { LedgerOptions, LedgerResult } from './ledger.js';
export { lintPlans } from './lint.js';
export { listPlans, loadPlan } from './plan.js';
export type { LoadedPlan } from './plan.js';
export { parseDate, parseInteger, parseLang } from './parse.js';
