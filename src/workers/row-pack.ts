// Rows on their way to the annotating thread, packed: a batch's strings joined into one string and
// its numbers into one Float64Array, which is transferred. Structured cloning arrays of cells costs
// the sender a walk of every value and the receiver an object per array; one string and one buffer
// cost a copy and a move.

import type { Raw } from '../io/values.js';

// A cell's kind, and in `nums` after it whatever the kind needs (a string's length, a number, a date's time).
const Kind = { Empty: 0, Null: 1, String: 2, Number: 3, True: 4, False: 5, Date: 6 } as const;

/** Rows packed for postMessage; `nums` is the transferable part. */
export interface PackedRows {
  count: number;
  text: string;
  nums: Float64Array<ArrayBuffer>;
}

export class RowPacker {
  private nums = new Float64Array(new ArrayBuffer(4096 * 8));
  private at = 0;
  private text: string[] = [];
  count = 0;

  private put(x: number): void {
    if (this.at === this.nums.length) {
      const grown = new Float64Array(this.nums.length * 2);
      grown.set(this.nums);
      this.nums = grown;
    }
    this.nums[this.at++] = x;
  }

  add(n: number, cells: readonly Raw[], styles: readonly number[] | undefined): void {
    this.count++;
    this.put(n);
    this.put(cells.length);
    this.put(styles ? styles.length : -1);
    if (styles) for (let i = 0; i < styles.length; i++) this.put(styles[i] ?? -1);
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      if (v === undefined) this.put(Kind.Empty);
      else if (v === null) this.put(Kind.Null);
      else if (typeof v === 'string') {
        this.put(Kind.String);
        this.put(v.length);
        this.text.push(v);
      } else if (typeof v === 'number') {
        this.put(Kind.Number);
        this.put(v);
      } else if (typeof v === 'boolean') this.put(v ? Kind.True : Kind.False);
      else {
        this.put(Kind.Date);
        this.put(v.getTime());
      }
    }
  }

  /** The rows added since the last take, and a fresh packer state. */
  take(): PackedRows {
    const packed = { count: this.count, text: this.text.join(''), nums: this.nums.slice(0, this.at) };
    this.text = [];
    this.at = 0;
    this.count = 0;
    return packed;
  }
}

/** Calls `row` for each packed row, in order, with the cells and styles as they were added. */
export function unpackRows(p: PackedRows, row: (n: number, cells: Raw[], styles: number[] | undefined) => void): void {
  const { nums, text } = p;
  let at = 0;
  let t = 0;
  for (let r = 0; r < p.count; r++) {
    const n = nums[at++]!;
    const width = nums[at++]!;
    const styleCount = nums[at++]!;
    let styles: number[] | undefined;
    if (styleCount >= 0) {
      styles = new Array<number>(styleCount);
      for (let i = 0; i < styleCount; i++) {
        const s = nums[at++]!;
        if (s >= 0) styles[i] = s;
      }
    }
    const cells = new Array<Raw>(width);
    for (let i = 0; i < width; i++) {
      const kind = nums[at++];
      if (kind === Kind.String) {
        const len = nums[at++]!;
        cells[i] = text.slice(t, t + len);
        t += len;
      } else if (kind === Kind.Number) cells[i] = nums[at++];
      else if (kind === Kind.Null) cells[i] = null;
      else if (kind === Kind.True) cells[i] = true;
      else if (kind === Kind.False) cells[i] = false;
      else if (kind === Kind.Date) cells[i] = new Date(nums[at++]!);
      else cells[i] = undefined;
    }
    row(n, cells, styles);
  }
}
