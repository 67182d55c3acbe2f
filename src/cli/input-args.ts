// The input arguments of `evaluate` and `ledger` as users give them: `-` for standard input, a pipe
// or device (`/dev/stdin`, `<(…)`), a quoted glob (cmd and PowerShell pass `dir/*.csv` on
// unexpanded), or a folder meant for `batch`. What cannot be read twice is copied to a temporary
// file first (the readers seek: a zip's directory is at its end); reports still name it as given.

import type { Stats } from 'node:fs';
import { closeSync, constants, createReadStream, openSync, readSync, writeSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Socket } from 'node:net';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { isatty } from 'node:tty';
import { CscheckError } from '../schema/errors.js';
import { LIMITS, limitArgs } from '../schema/limits.js';
import { spoolFile } from '../output/temp-files.js';
import { STDIO } from './io.js';
import { globDisplay, globMatches, isDynamicPattern } from './batch-inputs.js';

export interface InputArgs {
  /** Where to read each input. */
  files: string[];
  /** How reports and messages name each: as the user gave it (`-` for standard input). */
  display: string[];
  /** Where to read the reported-values file (--values), which may be `-` too. */
  values?: string;
}

/** Bytes looked at for a NUL that says a stream is neither a spreadsheet nor text. */
const HEAD_BYTES = 8192;

/** A zip (.xlsx, .ods), an OLE file (.xls) or UTF-16 text may hold NULs; anything else with one is binary. */
function looksBinary(head: Buffer): boolean {
  const sig = head.length >= 4 ? head.readUInt32BE(0) : 0;
  if (sig === 0x504b0304 || sig === 0xd0cf11e0) return false;
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return false;
  return head.subarray(0, HEAD_BYTES).includes(0);
}

/**
 * Copies a stream that can be read once into a temporary file named like the input (its extension
 * kept), under LIMITS.spoolBytes, refusing at the first chunk what is plainly binary: /dev/zero or
 * /dev/urandom end in a line, not in a full disk.
 */
async function spool(from: Readable, name: string, display: string): Promise<string> {
  const { path, remove } = spoolFile(name);
  const fd = openSync(path, 'w');
  let total = 0;
  try {
    for await (const chunk of from) {
      const bytes = chunk as Buffer;
      if (total === 0 && bytes.length > 0 && looksBinary(bytes)) throw new CscheckError('input.binary', {}, { file: display });
      total += bytes.length;
      if (total > LIMITS.spoolBytes) throw new CscheckError('input.limit', limitArgs('spoolBytes'), { file: display });
      writeSync(fd, bytes);
    }
    if (total === 0) throw new CscheckError('input.empty', {}, { file: display });
  } catch (err) {
    closeSync(fd);
    remove();
    if (err instanceof CscheckError) throw err;
    throw new CscheckError('input.read-failed', { detail: (err as Error).message }, { file: display }, { cause: err });
  }
  closeSync(fd);
  return path;
}

/**
 * A named pipe without a writer reads as empty at once (a first read returns 0); with one, what it
 * has so far is read now and the rest as it comes (a first read fails with EAGAIN while it is empty).
 */
function openFifo(arg: string): Readable {
  const fd = openSync(arg, constants.O_RDONLY | constants.O_NONBLOCK);
  const head = Buffer.alloc(HEAD_BYTES);
  let n = -1;
  try {
    n = readSync(fd, head, 0, head.length, null);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') {
      closeSync(fd);
      throw err;
    }
  }
  if (n === 0) {
    closeSync(fd);
    return Readable.from([]);
  }
  const rest = new Socket({ fd, readable: true, writable: false });
  return Readable.from(
    (async function* () {
      if (n > 0) yield head.subarray(0, n);
      for await (const chunk of rest) yield chunk as Buffer;
    })(),
  );
}

/**
 * A named pipe is opened without waiting for a writer (one with none reads as empty, at once) and
 * read as the socket-like stream Node makes of a pipe; a device is read as a file, unless it is a
 * terminal, which would wait for typing.
 */
function openNonRegular(arg: string, st: Stats): Readable {
  if (st.isFIFO()) return openFifo(arg);
  const fd = openSync(arg, constants.O_RDONLY | constants.O_NONBLOCK);
  if (isatty(fd)) {
    closeSync(fd);
    throw new CscheckError('input.stdin-terminal', {}, { file: arg });
  }
  return createReadStream('', { fd });
}

/**
 * Names of this process's standard input. Read from the stream Node holds, not reopened: when
 * stdin is a socket (as some parents, Node's own spawn among them, pass it), opening its name fails.
 */
const STDIN_NAMES = new Set(['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

/**
 * Resolves the input arguments. A folder is a usage error pointing to `cscheck batch`; a glob that
 * matches nothing is one too. Paths that do not exist are passed on: the readers say so, naming
 * them.
 */
export async function resolveInputArgs(args: string[], values?: string, stdin: Readable & { isTTY?: boolean } = process.stdin): Promise<InputArgs> {
  const files: string[] = [];
  const display: string[] = [];
  const add = (file: string, shown = file) => {
    files.push(file);
    display.push(shown);
  };
  if ([...args, values].filter((a) => a === STDIO || (a !== undefined && STDIN_NAMES.has(a))).length > 1) throw new CscheckError('input.stdin-twice');
  const readStdin = () => {
    if (stdin.isTTY) throw new CscheckError('input.stdin-terminal', {}, { file: STDIO });
    return spool(stdin, 'stdin', STDIO);
  };
  for (const arg of args) {
    if (arg === STDIO || STDIN_NAMES.has(arg)) {
      add(await readStdin(), arg);
      continue;
    }
    const st = await stat(arg).catch(() => null);
    if (st?.isDirectory()) throw new CscheckError('input.folder-for-batch', { file: arg }, { file: arg });
    if (st && !st.isFile()) add(await spool(openNonRegular(arg, st), basename(arg), arg), arg);
    else if (!st && isDynamicPattern(arg)) {
      const matches = await globMatches(arg);
      if (!matches.length) throw new CscheckError('input.glob-no-match', {}, { file: arg });
      for (const m of matches) add(m.path, globDisplay(m));
    } else add(arg);
  }
  if (values === undefined) return { files, display };
  if (values === STDIO || STDIN_NAMES.has(values)) return { files, display, values: await readStdin() };
  const st = await stat(values).catch(() => null);
  return { files, display, values: st && !st.isFile() && !st.isDirectory() ? await spool(openNonRegular(values, st), basename(values), values) : values };
}
