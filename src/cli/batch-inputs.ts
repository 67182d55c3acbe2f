// The inputs of `cscheck batch`: every survey file under the directories given (recursively), the
// files a glob matches, and files named one by one; each with the root it was found under, so its
// report can mirror the folder structure. Sorted by path, so every run lists them the same way.
//
// Symbolic links follow ripgrep's and fd's rule: a link named on the command line is followed, a
// link met inside a folder or by a glob is not, unless --follow. Either way each file is evaluated
// once, by its real path (a link to a folder above it, `sub/loop -> ..`, cannot make the same files
// count twice), and a folder already walked is not walked again. The folders are walked with an
// explicit stack, never deeper than LIMITS.directoryDepth, and at most LIMITS.batchFiles files are
// taken: past either bound the batch stops before it starts, with one line.

import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { CscheckError } from '../schema/errors.js';
import { LIMITS, limitArgs } from '../schema/limits.js';

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

export interface FindOptions {
  /** Follow symbolic links met inside folders and by globs too. */
  follow?: boolean;
}

export interface FoundInputs {
  inputs: FoundInput[];
  /** Links met inside folders and not followed (without --follow), as `display` names them. */
  skippedLinks: string[];
}

const slashes = (p: string) => p.split(sep).join('/');
/** Excel's owner file beside an open workbook (~$万安街道.xlsx): never a survey. */
const isLockFile = (p: string) => basename(p).startsWith('~$');
const isSurvey = (name: string) => SURVEY_EXTENSIONS.includes(extname(name).toLowerCase()) && !isLockFile(name);
const inside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);

/** A path as the file system resolves it (links followed) when it exists, else as written. */
const realOrResolved = (p: string) => realpath(p).catch(() => resolve(p));

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

/** The inputs found so far, one per real path, and the bounds every argument shares. */
class Found {
  private readonly byReal = new Map<string, FoundInput>();
  /** Real paths of the folders walked: none twice, whichever way it is reached. */
  readonly walked = new Set<string>();
  readonly skippedLinks: string[] = [];

  constructor(readonly outReal: string) {}

  /** Adds root/file (`real` its real path) unless that file is already in, or lies in the report directory. */
  add(root: string, file: string, real: string): void {
    if (inside(real, this.outReal) || this.byReal.has(real)) return;
    if (this.byReal.size >= LIMITS.batchFiles) throw new CscheckError('input.limit', limitArgs('batchFiles'), { file: root });
    this.byReal.set(real, { path: resolve(root, file), display: slashes(join(root, file)), input: slashes(file) });
  }

  list(): FoundInput[] {
    return [...this.byReal.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  }
}

const tooDeep = (dir: string, depth: number) => new CscheckError('input.limit', limitArgs('directoryDepth', depth), { file: dir });

/**
 * Every survey file under `root`. Links are taken after the folders themselves (a queue of their
 * own, drained when the stack is empty), so a file reached both directly and through a link is
 * named by its own place.
 */
async function walk(root: string, found: Found, follow: boolean): Promise<void> {
  const rootReal = await realpath(root);
  if (found.walked.has(rootReal)) return;
  found.walked.add(rootReal);
  /** A folder to read: its path below root (through links, as it is named), its real path, its depth. */
  type Dir = { rel: string; real: string; depth: number };
  const stack: Dir[] = [{ rel: '', real: rootReal, depth: 0 }];
  const links: { rel: string; depth: number }[] = [];
  for (;;) {
    let dir = stack.pop();
    while (!dir && links.length) {
      const link = links.shift()!;
      const at = join(root, link.rel);
      const [st, real] = await Promise.all([stat(at).catch(() => null), realpath(at).catch(() => null)]);
      // A dangling link leads nowhere.
      if (!st || !real) continue;
      if (st.isFile()) {
        if (isSurvey(link.rel)) found.add(root, link.rel, real);
      } else if (st.isDirectory() && !found.walked.has(real) && !inside(real, found.outReal)) {
        if (link.depth > LIMITS.directoryDepth) throw tooDeep(at, link.depth);
        found.walked.add(real);
        dir = { rel: link.rel, real, depth: link.depth };
      }
    }
    if (!dir) return;
    const at = join(root, dir.rel);
    let entries: Dirent[];
    try {
      entries = await readdir(at, { withFileTypes: true });
    } catch (err) {
      throw new CscheckError('input.read-failed', { detail: (err as Error).message }, { file: at }, { cause: err });
    }
    for (const e of entries) {
      // Hidden files and folders (.git, a report directory's temporary files) are not surveys.
      if (e.name.startsWith('.')) continue;
      const rel = dir.rel ? join(dir.rel, e.name) : e.name;
      if (e.isSymbolicLink()) {
        if (follow) links.push({ rel, depth: dir.depth + 1 });
        // Said only where it could have led to a survey: a folder, or a file of a survey's name.
        else if (isSurvey(e.name) || (await stat(join(root, rel)).catch(() => null))?.isDirectory()) found.skippedLinks.push(slashes(join(root, rel)));
      } else if (e.isDirectory()) {
        const real = join(dir.real, e.name);
        if (found.walked.has(real) || inside(real, found.outReal)) continue;
        if (dir.depth + 1 > LIMITS.directoryDepth) throw tooDeep(join(root, rel), dir.depth + 1);
        found.walked.add(real);
        stack.push({ rel, real, depth: dir.depth + 1 });
      } else if (e.isFile() && isSurvey(e.name)) {
        // A FIFO or device named .csv is not a file to read: it could wait forever.
        found.add(root, rel, join(dir.real, e.name));
      }
    }
  }
}

/** A file a glob matched: the glob's fixed leading folder, the file's path below it, its absolute path. */
export interface GlobMatch {
  root: string;
  rel: string;
  path: string;
}

/**
 * The files a glob matches (quoted globs, as cmd and PowerShell pass them on), sorted; Excel's lock
 * files left out. Hidden files and, without `follow`, links met on the way are not matched.
 */
export async function globMatches(pattern: string, follow = false): Promise<GlobMatch[]> {
  const root = globRoot(pattern);
  const files = await glob(pattern, { onlyFiles: true, dot: false, absolute: true, followSymbolicLinks: follow });
  const matches: GlobMatch[] = [];
  for (const f of files.sort()) {
    if (isLockFile(f)) continue;
    const rel = relative(resolve(root), f);
    const depth = rel.split(sep).length - 1;
    if (depth > LIMITS.directoryDepth) throw tooDeep(dirname(f), depth);
    matches.push({ root, rel, path: f });
  }
  return matches;
}

/** How a glob's match is named in reports: the glob's folder as written, joined with the rest. */
export const globDisplay = (m: GlobMatch): string => slashes(join(m.root, m.rel));

export { isDynamicPattern };

/**
 * Expands the arguments of `cscheck batch`. Files under `outDir` (a report directory inside an
 * input folder, with annotated workbooks in it) are skipped; an input folder inside the report
 * directory, or a path that does not exist, is a usage error; finding nothing is one too.
 */
export async function findInputs(args: string[], outDir: string, opts: FindOptions = {}): Promise<FoundInputs> {
  const found = new Found(await realOrResolved(outDir));
  for (const arg of args) {
    const st = await stat(arg).catch(() => null);
    if (st?.isDirectory()) {
      if (inside(await realOrResolved(arg), found.outReal)) throw new CscheckError('batch.out-contains-input', { dir: outDir, input: arg });
      await walk(arg, found, Boolean(opts.follow));
    } else if (st) {
      found.add(dirname(arg), basename(arg), await realOrResolved(arg));
    } else if (isDynamicPattern(arg)) {
      for (const m of await globMatches(arg, Boolean(opts.follow))) found.add(m.root, m.rel, await realOrResolved(m.path));
    } else {
      throw new CscheckError('input.not-found', { file: arg }, { file: arg });
    }
  }
  const inputs = found.list();
  if (!inputs.length) throw new CscheckError('batch.no-inputs', { inputs: args.join(' ') });
  return { inputs, skippedLinks: found.skippedLinks };
}
