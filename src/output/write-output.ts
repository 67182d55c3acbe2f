// Outputs are written to a temporary file beside the target and renamed into place, so a reader
// never sees half a report and an interrupted run leaves nothing behind. Devices and pipes
// (/dev/null, /dev/stdout) are written directly: renaming onto them would replace them.

import { closeSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CscheckError } from '../schema/errors.js';
import { localized } from '../schema/messages.js';
import { guardTemp, tempPathFor } from './temp-files.js';

export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const existing = await stat(path).catch(() => null);
  if (existing && existing.isDirectory()) throw isADirectory(path);
  if (existing && !existing.isFile()) {
    await writeFile(path, data).catch((err) => {
      throw writeFailure(path, err);
    });
    return;
  }
  await writeAtomicWith(path, (tmp) => writeFile(tmp, data));
}

/**
 * Lets `write` produce the output at a temporary path beside `path` (a streamed workbook), then
 * renames it into place; on any failure the temporary file is removed and nothing is left.
 */
export async function writeAtomicWith<T>(path: string, write: (tmp: string) => Promise<T>): Promise<T> {
  const existing = await stat(path).catch(() => null);
  if (existing && existing.isDirectory()) throw isADirectory(path);
  const tmp = tempPathFor(path);
  // Stopped by a signal meanwhile: the temporary file (and a workbook's parts beside it) go too.
  const stopped = guardTemp(dirname(path));
  try {
    const result = await write(tmp);
    await rename(tmp, path);
    return result;
  } catch (err) {
    await rm(tmp, { force: true });
    throw writeFailure(path, err);
  } finally {
    stopped();
  }
}

const isADirectory = (path: string) => new CscheckError('output.write-failed', { file: path, detail: 'is a directory' }, { file: path });

function writeFailure(path: string, err: unknown): CscheckError {
  if (err instanceof CscheckError) return err;
  const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? localized('output.no-directory') : (err as Error).message;
  return new CscheckError('output.write-failed', { file: path, detail: reason }, { file: path }, { cause: err });
}

/** Encoded text waits here until it is written; one buffer per thread, reused for every output. */
let scratch: Buffer | null = null;
const SCRATCH_BYTES = 1 << 20;
// UTF-8 takes at most three bytes per UTF-16 code unit.
const MAX_UTF8_PER_UNIT = 3;

function writeAll(fd: number, buf: Uint8Array, length: number): void {
  for (let done = 0; done < length; ) done += writeSync(fd, buf, done, length - done);
}

/**
 * Writes each part to `fd` through one reused buffer, `separator` between them, never joining them.
 * A batch writes two reports of about a megabyte for each of a thousand files; as single strings
 * and buffers, each was a fresh allocation of its own — page faults, garbage collection and a copy
 * per report.
 */
function writeParts(fd: number, parts: Iterable<string>, separator: string): void {
  const buf = (scratch ??= Buffer.allocUnsafe(SCRATCH_BYTES));
  let used = 0;
  let first = true;
  const put = (text: string) => {
    if (used + text.length * MAX_UTF8_PER_UNIT > buf.length) {
      writeAll(fd, buf, used);
      used = 0;
    }
    if (text.length * MAX_UTF8_PER_UNIT > buf.length) {
      const big = Buffer.from(text, 'utf8');
      writeAll(fd, big, big.length);
    } else {
      used += buf.write(text, used, 'utf8');
    }
  };
  // A one-byte separator (a page's '\n' between a thousand lines) is stored, not encoded each time.
  const byte = separator.length === 1 && separator.charCodeAt(0) < 0x80 ? separator.charCodeAt(0) : -1;
  for (const part of parts) {
    if (!first && byte >= 0) {
      if (used === buf.length) {
        writeAll(fd, buf, used);
        used = 0;
      }
      buf[used++] = byte;
    } else if (!first && separator) put(separator);
    first = false;
    put(part);
  }
  writeAll(fd, buf, used);
}

/**
 * Writes `parts.join(separator)` to `path` (atomically, as writeAtomic does: a device or pipe is
 * written directly) without ever joining them (writeParts). Synchronous: meant for worker threads,
 * whose only job is the file at hand, and for a report streamed as it is made.
 */
export function writeJoinedSync(path: string, parts: Iterable<string>, separator = ''): void {
  const existing = statSync(path, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw isADirectory(path);
  const direct = existing !== undefined && !existing.isFile();
  const target = direct ? path : tempPathFor(path);
  let fd = -1;
  try {
    fd = openSync(target, 'w');
    writeParts(fd, parts, separator);
    closeSync(fd);
    fd = -1;
    if (!direct) renameSync(target, path);
  } catch (err) {
    if (fd >= 0) closeSync(fd);
    if (!direct) rmSync(target, { force: true });
    throw writeFailure(path, err);
  }
}
