/**
 * cscheck as a library: check community-survey exports and task ledgers against the plans of
 * China's 14th Five-Year community-service plans, and lint plans. Every function here returns the
 * object the matching command prints with `--format json`, and throws `CscheckError` (a message id,
 * its arguments and the file/sheet/row location) where the command would exit 2.
 *
 * @example
 * import { evaluate } from 'cscheck';
 * const report = await evaluate(['survey-2024.csv'], { plan: 'luojiang' });
 *
 * @packageDocumentation
 */

export * from './api/index.js';
export { CscheckError } from './schema/errors.js';
export { message } from './schema/messages.js';
export type { Lang, MessageId } from './schema/messages.js';
export type { Args, Finding, Localized, Location, Severity } from './schema/finding.js';
export type { IndicatorResult, LedgerTaskMatch, Report, RequirementResult } from './schema/results.js';
export type { Plan } from './schema/plan.js';
export type { FindingList } from './report/formats/finding-list.js';
export type { EchoTable, SheetEcho } from './io/sheet-echo.js';
