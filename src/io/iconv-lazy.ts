// iconv-lite, loaded the first time a text that is not UTF-8 (or a forced encoding) needs it: most
// files are UTF-8 and decoded natively, and every command would otherwise pay for loading its
// tables at start-up. It is a CommonJS package, so it can be required synchronously on demand.

import { createRequire } from 'node:module';
import type Iconv from 'iconv-lite';

let loaded: typeof Iconv | undefined;

export function iconv(): typeof Iconv {
  return (loaded ??= createRequire(import.meta.url)('iconv-lite') as typeof Iconv);
}

const UTF8 = /^utf-?8$/i;

/** A streaming decoder for `encoding`: UTF-8 natively, anything else through iconv-lite. */
export function decoderFor(encoding: string): { write(bytes: Buffer): string; end(): string | undefined } {
  if (!UTF8.test(encoding)) return iconv().getDecoder(encoding);
  const utf8 = new TextDecoder('utf-8');
  return { write: (bytes) => utf8.decode(bytes, { stream: true }), end: () => utf8.decode() };
}

/** `bytes` decoded from `encoding`: UTF-8 natively, anything else through iconv-lite. */
export function decodeText(bytes: Buffer, encoding: string): string {
  return UTF8.test(encoding) ? new TextDecoder('utf-8').decode(bytes) : iconv().decode(bytes, encoding);
}
