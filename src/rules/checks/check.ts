// One interface for every check cscheck runs, survey, ledger and lint alike. Each has a `meta`, as
// ESLint rules have: the codes it reports, their titles and descriptions, default severity and the
// ids of the messages it uses (the messages themselves live in the one catalogue,
// schema/messages.ts). Its work is a lifecycle, as frictionless-py checks have it: `start` once,
// `row` per row for checks that stream, `finish` when the input is over; checks that judge a whole
// document at once (a plan, a read ledger) have `run`. Findings are made by one function,
// `finding` (or a context's `report`, which is it plus collecting): the severity comes from the
// meta, raised one step for a binding (约束性) plan item, so no check restates it.

import type { Finding, Severity } from '../../schema/finding.js';
import type { FindingCode } from '../../schema/finding-codes.js';
import type { MessageId } from '../../schema/messages.js';

export interface CheckMeta<C extends FindingCode = FindingCode> {
  readonly code: C;
  readonly title: { readonly zh: string; readonly en: string };
  readonly description: { readonly zh: string; readonly en: string };
  /** Default severity; a binding (约束性) plan item raises it one step (see severityOf). */
  readonly severity: Severity;
  readonly messages: readonly MessageId[];
}

/** A finding as a check words it: its code and severity come from the meta. */
export type FindingDraft = Omit<Finding, 'code' | 'severity'>;

/** Reports a finding of `meta`; `raise`: about a binding plan item, one severity step up. */
export type Report = (meta: CheckMeta<Finding['code']>, draft: FindingDraft, raise?: boolean) => void;

export interface CheckContext {
  report: Report;
}

export interface Check<Ctx, Row = never> {
  readonly meta: readonly CheckMeta[];
  start?(ctx: Ctx): void;
  row?(row: Row, ctx: Ctx): void;
  finish?(ctx: Ctx): void;
  /** A check of a whole document at once, reporting through the context. */
  run?(ctx: Ctx): void;
}

const RAISED: Record<Severity, Severity> = { info: 'warning', warning: 'error', error: 'error' };

/** The severity of a finding of `meta`: the default, or one step up for a binding plan item. */
export function severityOf(meta: CheckMeta, raise = false): Severity {
  return raise ? RAISED[meta.severity] : meta.severity;
}

/** The one place a Finding is made. */
export function finding(meta: CheckMeta<Finding['code']>, draft: FindingDraft, raise = false): Finding {
  return { code: meta.code, severity: severityOf(meta, raise), ...draft };
}

/** A Report that keeps its findings in `out`, in the order they are reported. */
export function reportInto(out: Finding[]): Report {
  return (meta, draft, raise) => {
    out.push(finding(meta, draft, raise));
  };
}

/** The metas of a list of checks, each keeping its literal code (for FindingCode). */
export function metasOf<T extends { readonly meta: readonly CheckMeta[] }>(checks: readonly T[]): T['meta'][number][] {
  return checks.flatMap((c): T['meta'][number][] => [...c.meta]);
}
