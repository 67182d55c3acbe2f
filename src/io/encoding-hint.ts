// A forced --encoding that does not fit the file makes its header unreadable: the error then says
// which encoding the file looks like, instead of only that no header was found.

import { CscheckError } from '../schema/errors.js';
import { sniffEncoding } from './text-sniff.js';

/** Encodings that read the same Chinese text alike, under one name. */
function family(encoding: string): string {
  const e = encoding.toLowerCase().replace(/[-_]/g, '');
  if (e === 'utf8') return 'utf8';
  if (['gbk', 'gb2312', 'gb18030', 'cp936', 'euccn'].includes(e)) return 'gbk';
  return e;
}

/**
 * The no-header error for a CSV whose sample was decoded as `encoding`: with a hint when the user
 * named that encoding and the bytes look like another.
 */
export function noHeaderError(rows: number, display: string, sample: { sample: Buffer; complete: boolean; encoding: string; named?: boolean }): CscheckError {
  if (sample.named) {
    let likely: string | null = null;
    try {
      likely = family(sniffEncoding(sample.sample, sample.complete).encoding);
    } catch {
      // Binary content: no encoding to suggest.
    }
    if (likely && likely !== family(sample.encoding)) {
      return new CscheckError('input.no-header-encoding', { rows, encoding: sample.encoding, likely: likely === 'utf8' ? 'UTF-8' : 'GBK' }, { file: display });
    }
  }
  return new CscheckError('input.no-header', { rows }, { file: display });
}
