// iconv-lite, loaded the first time a text that is not UTF-8 (or a forced encoding) needs it: most
// files are UTF-8 and decoded natively, and every command would otherwise pay for loading its
// tables at start-up. It is a CommonJS package, so it can be required synchronously on demand.

import { createRequire } from 'node:module';
import type Iconv from 'iconv-lite';

let loaded: typeof Iconv | undefined;

export function iconv(): typeof Iconv {
  return (loaded ??= createRequire(import.meta.url)('iconv-lite') as typeof Iconv);
}
