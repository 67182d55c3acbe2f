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
import { copyFile, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { CscheckError } from '../schema/errors.js';
import { decodeName } from '../io/file-names.js';
import { spoolFile } from '../output/temp-files.js';
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
  add(root: string, file: string, real: string, readAt = resolve(root, file)): void {
    if (inside(real, this.outReal) || this.byReal.has(real)) return;
    if (this.byReal.size >= LIMITS.batchFiles) throw new CscheckError('input.limit', limitArgs('batchFiles'), { file: root });
    this.byReal.set(real, { path: readAt, display: slashes(join(root, file)), input: slashes(file) });
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
  /**
   * A folder to read: its path below root (through links, as it is named, decoded), its path as
   * bytes (names need not be UTF-8), its real path (decoded: a key), its depth.
   */
  type Dir = { rel: string; bytes: Buffer; real: string; depth: number };
  const rootBytes = Buffer.from(root);
  const stack: Dir[] = [{ rel: '', bytes: rootBytes, real: rootReal, depth: 0 }];
  const links: { rel: string; bytes: Buffer; depth: number }[] = [];
  for (;;) {
    let dir = stack.pop();
    while (!dir && links.length) {
      const link = links.shift()!;
      const [st, real] = await Promise.all([stat(link.bytes).catch(() => null), realpath(link.bytes).catch(() => null)]);
      // A dangling link leads nowhere.
      if (!st || !real) continue;
      if (st.isFile()) {
        if (isSurvey(link.rel)) await addFile(found, root, link.rel, link.bytes, real);
      } else if (st.isDirectory() && !found.walked.has(real) && !inside(real, found.outReal)) {
        if (link.depth > LIMITS.directoryDepth) throw tooDeep(join(root, link.rel), link.depth);
        found.walked.add(real);
        dir = { rel: link.rel, bytes: link.bytes, real, depth: link.depth };
      }
    }
    if (!dir) return;
    let entries: Dirent<Buffer>[];
    try {
      entries = await readdir(dir.bytes, { withFileTypes: true, encoding: 'buffer' });
    } catch (err) {
      throw new CscheckError('input.read-failed', { detail: (err as Error).message }, { file: join(root, dir.rel) }, { cause: err });
    }
    for (const e of entries) {
      const name = decodeName(e.name).text;
      // Hidden files and folders (.git, a report directory's temporary files) are not surveys.
      if (name.startsWith('.')) continue;
      const rel = dir.rel ? join(dir.rel, name) : name;
      const bytes = Buffer.concat([dir.bytes, SEP, e.name]);
      if (e.isSymbolicLink()) {
        if (follow) links.push({ rel, bytes, depth: dir.depth + 1 });
        // Said only where it could have led to a survey: a folder, or a file of a survey's name.
        else if (isSurvey(name) || (await stat(bytes).catch(() => null))?.isDirectory()) found.skippedLinks.push(slashes(join(root, rel)));
      } else if (e.isDirectory()) {
        const real = join(dir.real, name);
        if (found.walked.has(real) || inside(real, found.outReal)) continue;
        if (dir.depth + 1 > LIMITS.directoryDepth) throw tooDeep(join(root, rel), dir.depth + 1);
        found.walked.add(real);
        stack.push({ rel, bytes, real, depth: dir.depth + 1 });
      } else if (e.isFile() && isSurvey(name)) {
        // A FIFO or device named .csv is not a file to read: it could wait forever.
        await addFile(found, root, rel, bytes, join(dir.real, name));
      }
    }
  }
}

const SEP = Buffer.from(sep);

/**
 * Adds a file found in a folder. A path that is not UTF-8 cannot be handed on as text (the readers
 * and the worker threads take strings): that file is copied, by its bytes, to a temporary file of
 * its decoded name, and read there; reports name it decoded.
 */
async function addFile(found: Found, root: string, rel: string, bytes: Buffer, real: string): Promise<void> {
  if (decodeName(bytes).exact) return found.add(root, rel, real);
  const copy = spoolFile(basename(rel));
  await copyFile(bytes, copy.path);
  found.add(root, rel, real, copy.path);
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
