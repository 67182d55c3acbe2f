// The inputs of `cscheck batch`: every survey file under the directories given (recursively), the
// files a glob matches, and files named one by one; each with the root it was found under, so its
// report can mirror the folder structure. Sorted by path, so every run lists them the same way.

import { stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { CscheckError } from '../schema/errors.js';

/** What a directory is searched for: text tables and every workbook format cscheck reads. */
export const SURVEY_EXTENSIONS = ['.csv', '.tsv', '.xlsx', '.xlsm', '.xls', '.et', '.ods', '.fods'];

export interface FoundInput {
  /** Where to read it (absolute). */
  path: string;
  /** How reports and messages name it: as given, or the argument it was found under joined with its relative path. */
  display: string;
  /** Its path relative to the root it was found under, `/`-separated. */
  input: string;
}

const slashes = (p: string) => p.split(sep).join('/');
/** Excel's owner file beside an open workbook (~$万安街道.xlsx): never a survey. */
const isLockFile = (p: string) => basename(p).startsWith('~$');
const inside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);

/** The leading part of a glob without wildcards: the folder its matches are relative to. */
function globRoot(pattern: string): string {
  const parts = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  for (const p of parts.slice(0, -1)) {
    if (isDynamicPattern(p)) break;
    fixed.push(p);
  }
  if (pattern.startsWith('/') && fixed[0] === '') return `/${fixed.slice(1).join('/')}`;
  return fixed.join('/') || '.';
}

/**
 * Expands the arguments of `cscheck batch`. Files under `outDir` (a report directory inside an
 * input folder, with annotated workbooks in it) are skipped; an input folder inside the report
 * directory, or a path that does not exist, is a usage error; finding nothing is one too.
 */
export async function findInputs(args: string[], outDir: string): Promise<FoundInput[]> {
  const out = resolve(outDir);
  const found = new Map<string, FoundInput>();
  const add = (root: string, file: string) => {
    const path = resolve(root, file);
    if (inside(path, out) || found.has(path)) return;
    found.set(path, { path, display: slashes(join(root, file)), input: slashes(file) });
  };
  for (const arg of args) {
    const st = await stat(arg).catch(() => null);
    if (st?.isDirectory()) {
      if (inside(resolve(arg), out)) throw new CscheckError('batch.out-contains-input', { dir: outDir, input: arg });
      const files = await glob('**/*', { cwd: arg, onlyFiles: true, dot: false });
      for (const f of files) if (SURVEY_EXTENSIONS.includes(extname(f).toLowerCase()) && !isLockFile(f)) add(arg, f);
    } else if (st) {
      add(dirname(arg), basename(arg));
    } else if (isDynamicPattern(arg)) {
      const root = globRoot(arg);
      const files = await glob(arg, { onlyFiles: true, dot: false, absolute: true });
      for (const f of files) if (!isLockFile(f)) add(root, relative(resolve(root), f));
    } else {
      throw new CscheckError('input.not-found', { file: arg }, { file: arg });
    }
  }
  if (!found.size) throw new CscheckError('batch.no-inputs', { inputs: args.join(' ') });
  return [...found.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}
