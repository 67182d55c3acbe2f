// Keeps findings for the report. Per-row findings can be as many as the rows, so past a limit per
// code and rule they are counted, not kept: memory stays flat, and the totals stay exact.

import type { Finding, Severity } from '../schema/finding.js';

export interface CollectorState {
  kept: Finding[];
  perKey: [string, number][];
  totals: Record<Severity, number>;
}

export class FindingCollector {
  private readonly kept: Finding[] = [];
  private readonly perKey = new Map<string, { n: number }>();
  private readonly totals: Record<Severity, number> = { error: 0, warning: 0, info: 0 };

  /** Whether the finding last admitted is within the limit (keep() stores only those). */
  private within = true;

  /**
   * `limit` findings kept per code and rule; 0 keeps all. `listener` sees every finding, past the
   * limit too (the annotated workbook marks every problem cell), as it is made.
   */
  constructor(
    private readonly limit: number,
    private readonly listener?: (f: Finding) => void,
  ) {}

  add(f: Finding): void {
    if (this.admit(f.code, f.ruleId, f.severity)) this.keep(f);
  }

  /**
   * Counts a finding and says whether to keep it; per-row checks call this before they build the
   * finding, so findings past the limit cost a counter, not an object.
   */
  admit(code: string, ruleId: string | undefined, severity: Severity): boolean {
    return this.admitCounted(this.counter(code, ruleId), severity);
  }

  /** The count of one code and rule; per-row checks fetch it once and reuse it. */
  counter(code: string, ruleId?: string): { n: number } {
    const key = ruleId ? `${code}\u0000${ruleId}` : code;
    let c = this.perKey.get(key);
    if (!c) this.perKey.set(key, (c = { n: 0 }));
    return c;
  }

  admitCounted(counter: { n: number }, severity: Severity): boolean {
    this.totals[severity]++;
    this.within = this.limit === 0 || ++counter.n <= this.limit;
    return this.within || this.listener !== undefined;
  }

  /** Keeps a finding just admitted by admit() (past the limit, only the listener sees it). */
  keep(f: Finding): void {
    this.listener?.(f);
    if (this.within) this.kept.push(f);
  }

  /** Plain data for another thread to merge(). */
  snapshot(): CollectorState {
    return { kept: this.kept, perKey: [...this.perKey].map(([k, c]) => [k, c.n]), totals: this.totals };
  }

  /** Adds what another collector saw after this one (rows further down the same file). */
  merge(other: CollectorState): void {
    const keyOf = (f: Finding) => (f.ruleId ? `${f.code}\u0000${f.ruleId}` : f.code);
    const room = new Map<string, number>();
    for (const [key, n] of other.perKey) {
      const mine = this.counter(...(key.split('\u0000') as [string, string | undefined]));
      room.set(key, this.limit === 0 ? Infinity : Math.max(0, this.limit - mine.n));
      mine.n += n;
    }
    for (const f of other.kept) {
      const key = keyOf(f);
      const left = room.get(key) ?? 0;
      if (left <= 0) continue;
      room.set(key, left - 1);
      this.kept.push(f);
    }
    for (const s of ['error', 'warning', 'info'] as const) this.totals[s] += other.totals[s];
  }

  result(): { findings: Finding[]; omitted: { code: string; ruleId?: string; count: number }[]; totals: Record<Severity, number> } {
    const omitted: { code: string; ruleId?: string; count: number }[] = [];
    if (this.limit > 0) {
      for (const [key, { n }] of this.perKey) {
        if (n <= this.limit) continue;
        const [code, ruleId] = key.split('\u0000');
        omitted.push({ code, ruleId, count: n - this.limit });
      }
    }
    return { findings: this.kept, omitted, totals: { ...this.totals } };
  }
}
