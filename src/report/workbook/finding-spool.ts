// Every finding of an annotated run, on disk until the 问题清单 sheet is written: a file with a
// problem in every row has as many findings as rows, and memory stays flat however many there are.

import { closeSync, openSync, rmSync, writeSync, createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Finding } from '../../schema/finding.js';

/** A finding as the list shows it: the value of its cell, when the cell was seen. */
export interface SpooledFinding {
  f: Finding;
  value?: string;
}

const FLUSH_BYTES = 1 << 16;

export class FindingSpool {
  private readonly fd: number;
  private buffer = '';
  count = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'wx', 0o600);
  }

  add(entry: SpooledFinding): void {
    this.buffer += `${JSON.stringify(entry)}\n`;
    this.count++;
    if (this.buffer.length >= FLUSH_BYTES) this.flush();
  }

  private flush(): void {
    if (this.buffer) writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  /** Closes the file and yields the findings in the order they were added. */
  async *drain(): AsyncGenerator<SpooledFinding> {
    this.flush();
    closeSync(this.fd);
    const lines = createInterface({ input: createReadStream(this.path, 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) if (line) yield JSON.parse(line) as SpooledFinding;
  }

  remove(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed by drain()
    }
    rmSync(this.path, { force: true });
  }
}
