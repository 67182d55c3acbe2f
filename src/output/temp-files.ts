// Every temporary file and folder cscheck writes, named in one place: outputs are written beside
// their target under a temporary name and renamed into place, and a workbook's parts are compressed
// into a folder beside it. Both names carry the process id, so what a run stopped short (a signal,
// a worker that died) leaves in a folder is found and removed without touching another run's.
// `guardTemp` registers a folder for that sweep while something is being written there.

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { onInterrupt } from './interrupt.js';

/** The prefix of a workbook writer's part folders (mkdtemp adds the rest). */
export const PARTS_PREFIX = `.cscheck-parts-${process.pid}-`;

const TEMP_SUFFIX = '.tmp';

/** The temporary name an output is written under, beside it, before it is renamed into place. */
export const tempPathFor = (path: string): string => join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}${TEMP_SUFFIX}`);

const isLeftover = (name: string): boolean => name.startsWith(PARTS_PREFIX) || (name.startsWith('.') && name.includes(`.${process.pid}.`) && name.endsWith(TEMP_SUFFIX));

/** Removes what this process's writers left in `dir`: part folders and outputs not yet renamed. */
export function removeLeftovers(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (isLeftover(name)) rmSync(join(dir, name), { recursive: true, force: true });
}

/**
 * While something is written into `dirs` (until the returned function is called), a stop signal
 * removes this process's leftovers there, then runs `also` (a last word on stderr), and ends the
 * process with the signal's exit code.
 */
export function guardTemp(dirs: string | Iterable<string>, also?: (signal: NodeJS.Signals) => void): () => void {
  const all = typeof dirs === 'string' ? [dirs] : [...new Set(dirs)];
  return onInterrupt((signal) => {
    for (const dir of all) removeLeftovers(dir);
    also?.(signal);
  });
}

/**
 * A temporary file for an input that can be read only once (standard input, a pipe, a device): the
 * readers need to seek (a zip's directory is at its end), so it is first copied here. It lives in a
 * folder of its own in the system's temporary folder, named after the input (`base`) so that its
 * extension still tells the readers what it is, and is removed at exit and on a stop signal, or by
 * `remove` when the caller is done.
 */
export function spoolFile(base: string): { path: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `${SPOOL_PREFIX}${process.pid}-`));
  const remove = (): void => {
    rmSync(dir, { recursive: true, force: true });
    process.off('exit', remove);
    stopped();
  };
  const stopped = onInterrupt(remove);
  process.on('exit', remove);
  return { path: join(dir, base), remove };
}

const SPOOL_PREFIX = '.cscheck-input-';
