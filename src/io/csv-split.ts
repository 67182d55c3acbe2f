// Splitting a large CSV file into byte ranges that start at record boundaries, so that each part
// can be parsed on its own core. A newline ends a record unless it sits inside quotes; in
// RFC 4180 an escaped quote is doubled, so the parity of quote characters before a position
// tells whether it is quoted. In UTF-8, GBK and GB18030 the bytes of `"` and `\n` never occur
// inside a multi-byte character, so the scan works on raw bytes.

import { open } from 'node:fs/promises';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const CHUNK = 4 << 20;

export interface ByteRange {
  start: number;
  end: number;
  /** 1-based record number of the range's first record. */
  firstRecord: number;
}

/**
 * Cuts [start, size) into `parts` ranges of about equal size, each beginning after a record's
 * newline, and numbers their first records (`firstRecord` is the number of the record at `start`).
 */
export async function splitAtRecords(path: string, start: number, size: number, firstRecord: number, parts: number, delimiter = ','): Promise<ByteRange[] | null> {
  const sep = delimiter.charCodeAt(0);
  const targets: number[] = [];
  for (let i = 1; i < parts; i++) targets.push(start + Math.floor(((size - start) * i) / parts));
  const ranges: ByteRange[] = [];
  let rangeStart = start;
  let rangeRecord = firstRecord;
  let records = 0;
  let quoted = false;
  // The byte before the chunk: `start` begins a record, as if after a line end.
  let lastByte = LF;
  let t = 0;
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(CHUNK);
    let offset = start;
    while (t < targets.length && offset < size) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(CHUNK, size - offset), offset);
      if (bytesRead === 0) break;
      const view = buf.subarray(0, bytesRead);
      let p = 0;
      let nextQuote = view.indexOf(QUOTE, 0);
      while (p < bytesRead && t < targets.length) {
        const nl = view.indexOf(LF, p);
        const stop = nl < 0 ? bytesRead : nl;
        // Flip the quote state for every quote before this newline. An opening quote must start a
        // field; a quote inside an unquoted field (屏幕55"寸) is a literal character to the parser,
        // which parity cannot follow: then the file is read in one stream instead.
        while (nextQuote >= 0 && nextQuote < stop) {
          if (!quoted) {
            const before = nextQuote > 0 ? view[nextQuote - 1] : lastByte;
            // (After a quote it is the second half of an escaped "" pair.)
            if (before !== sep && before !== LF && before !== CR && before !== QUOTE) return null;
          }
          quoted = !quoted;
          nextQuote = view.indexOf(QUOTE, nextQuote + 1);
        }
        if (nl < 0) break;
        p = nl + 1;
        if (quoted) continue;
        records++;
        const at = offset + p;
        if (at >= targets[t] && at < size) {
          ranges.push({ start: rangeStart, end: at, firstRecord: rangeRecord });
          rangeStart = at;
          rangeRecord = firstRecord + records;
          while (t < targets.length && targets[t] <= at) t++;
        }
      }
      lastByte = view[bytesRead - 1];
      offset += bytesRead;
    }
  } finally {
    await fh.close();
  }
  ranges.push({ start: rangeStart, end: size, firstRecord: rangeRecord });
  return ranges;
}

/** Byte offset just after the `records`-th record of `sample` (quotes respected), or -1. */
export function offsetAfterRecords(sample: Buffer, from: number, records: number): number {
  let quoted = false;
  let n = 0;
  for (let i = from; i < sample.length; i++) {
    const b = sample[i];
    if (b === QUOTE) quoted = !quoted;
    else if (b === LF && !quoted && ++n === records) return i + 1;
  }
  return -1;
}
