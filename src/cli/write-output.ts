// Outputs are written to a temporary file beside the target and renamed into place, so a reader
// never sees half a report and an interrupted run leaves nothing behind. Devices and pipes
// (/dev/null, /dev/stdout) are written directly: renaming onto them would replace them.

import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CscheckError } from '../schema/errors.js';
import { localized } from '../schema/messages.js';

export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const existing = await stat(path).catch(() => null);
  if (existing && existing.isDirectory()) throw new CscheckError('output.write-failed', { file: path, detail: 'is a directory' }, { file: path });
  if (existing && !existing.isFile()) {
    await writeFile(path, data);
    return;
  }
  await writeAtomicWith(path, (tmp) => writeFile(tmp, data));
}

/** The temporary name an output is written under before it is renamed into place. */
const tempPathFor = (path: string, tag = 'tmp'): string => join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.${tag}`);

/**
 * Lets `write` produce the output at a temporary path beside `path` (a streamed workbook), then
 * renames it into place; on any failure the temporary file is removed and nothing is left.
 */
export async function writeAtomicWith<T>(path: string, write: (tmp: string) => Promise<T>): Promise<T> {
  const existing = await stat(path).catch(() => null);
  if (existing && existing.isDirectory()) throw new CscheckError('output.write-failed', { file: path, detail: 'is a directory' }, { file: path });
  const tmp = tempPathFor(path);
  try {
    const result = await write(tmp);
    await rename(tmp, path);
    return result;
  } catch (err) {
    await rm(tmp, { force: true });
    if (err instanceof CscheckError) throw err;
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? localized('output.no-directory') : (err as Error).message;
    throw new CscheckError('output.write-failed', { file: path, detail: reason }, { file: path }, { cause: err });
  }
}
