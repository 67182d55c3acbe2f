// The input arguments of `evaluate` and `ledger` as users give them: `-` for standard input, a pipe
// or device (`/dev/stdin`, `<(…)`), a quoted glob (cmd and PowerShell pass `dir/*.csv` on
// unexpanded), or a folder meant for `batch`. What cannot be read twice is copied to a temporary
// file first (the readers seek: a zip's directory is at its end); reports still name it as given.

import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CscheckError } from '../schema/errors.js';
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

/** Copies a stream that can be read once into a temporary file named like the input (its extension kept). */
async function spool(from: Readable, name: string, display: string): Promise<string> {
  const { path, remove } = spoolFile(name);
  try {
    await pipeline(from, createWriteStream(path));
  } catch (err) {
    remove();
    throw new CscheckError('input.read-failed', { detail: (err as Error).message }, { file: display }, { cause: err });
  }
  return path;
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
    if (st && !st.isFile()) add(await spool(createReadStream(arg), basename(arg), arg), arg);
    else if (!st && isDynamicPattern(arg)) {
      const matches = await globMatches(arg);
      if (!matches.length) throw new CscheckError('input.glob-no-match', {}, { file: arg });
      for (const m of matches) add(m.path, globDisplay(m));
    } else add(arg);
  }
  if (values === undefined) return { files, display };
  if (values === STDIO || STDIN_NAMES.has(values)) return { files, display, values: await readStdin() };
  const st = await stat(values).catch(() => null);
  return { files, display, values: st && !st.isFile() && !st.isDirectory() ? await spool(createReadStream(values), basename(values), values) : values };
}
