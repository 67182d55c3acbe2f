// Per-township counters laid out by column: for each indicator, one Float64Array per accumulator
// field (in scope, with data, a, b), indexed by dense township id (township-registry.ts). No object
// per township and no holes: a row adds to four slots, and the arrays double when a new township
// passes their length. A township an indicator never saw in scope has inScope 0 there.

import type { Acc } from '../measures/measure.js';

const INITIAL_CAPACITY = 64;

/** The four accumulator fields of one indicator, a slot per township (plain data: it crosses threads). */
export interface Columns {
  inScope: Float64Array;
  withData: Float64Array;
  a: Float64Array;
  b: Float64Array;
}

export interface CountersState {
  seen: Uint8Array;
  columns: Columns[];
}

function columns(capacity: number): Columns {
  return { inScope: new Float64Array(capacity), withData: new Float64Array(capacity), a: new Float64Array(capacity), b: new Float64Array(capacity) };
}

function grown(from: Float64Array, capacity: number): Float64Array {
  const to = new Float64Array(capacity);
  to.set(from);
  return to;
}

export class TownshipCounters {
  readonly columns: Columns[];
  /** 1 where a row of this level named the township (the townships a report counts). */
  seen: Uint8Array;
  private capacity: number;

  constructor(indicators: number, capacity = INITIAL_CAPACITY) {
    this.capacity = Math.max(1, capacity);
    this.columns = Array.from({ length: indicators }, () => columns(this.capacity));
    this.seen = new Uint8Array(this.capacity);
  }

  get length(): number {
    return this.capacity;
  }

  /** Makes room for township ids below `size`, doubling. */
  ensure(size: number): void {
    if (size <= this.capacity) return;
    let capacity = this.capacity;
    while (capacity < size) capacity *= 2;
    for (const c of this.columns) {
      c.inScope = grown(c.inScope, capacity);
      c.withData = grown(c.withData, capacity);
      c.a = grown(c.a, capacity);
      c.b = grown(c.b, capacity);
    }
    const seen = new Uint8Array(capacity);
    seen.set(this.seen);
    this.seen = seen;
    this.capacity = capacity;
  }

  /** Indicator `k`'s counters of township `t`, copied into `into` (the shape a measure reads). */
  read(k: number, t: number, into: Acc): Acc {
    const c = this.columns[k];
    into.inScope = c.inScope[t];
    into.withData = c.withData[t];
    into.a = c.a[t];
    into.b = c.b[t];
    return into;
  }

  /** The first `size` slots of every column, as plain data for another thread. */
  snapshot(size: number): CountersState {
    return {
      seen: this.seen.slice(0, size),
      columns: this.columns.map((c) => ({ inScope: c.inScope.slice(0, size), withData: c.withData.slice(0, size), a: c.a.slice(0, size), b: c.b.slice(0, size) })),
    };
  }

  /**
   * Adds another evaluation's counters; `remap[i]` is the id here of its township `i` (all below
   * length). Its columns may be shorter than its township list: a level that saw none of the later
   * townships never grew to them.
   */
  add(other: CountersState, remap: ArrayLike<number>): void {
    const n = Math.min(remap.length, other.seen.length);
    for (let i = 0; i < n; i++) if (other.seen[i]) this.seen[remap[i]] = 1;
    other.columns.forEach((o, k) => {
      const c = this.columns[k];
      for (let i = 0; i < n; i++) {
        const t = remap[i];
        c.inScope[t] += o.inScope[i];
        c.withData[t] += o.withData[i];
        c.a[t] += o.a[i];
        c.b[t] += o.b[i];
      }
    });
  }
}
