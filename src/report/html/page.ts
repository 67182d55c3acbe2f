// The HTML document around a report: one file that opens from a disk, a mail attachment or a CI
// artifact with nothing else. Its Content-Security-Policy allows only the page's own inline style
// and script (by hash) and data: images, so the browser itself refuses any request to the network —
// no font, no CDN, no tracking pixel can sneak in through a plan name or a cell value.

import { createHash } from 'node:crypto';
import type { Lang } from '../../schema/messages.js';
import { attrs, esc } from './html-escape.js';
import { STYLES } from './styles.js';

export interface PageSpec {
  lang: Lang;
  title: string;
  /** The body's HTML, already escaped: one string, or lines. */
  body: string | Iterable<string>;
  /** Inline script run at the end of the body. */
  script?: string;
}

const hashes = new Map<string, string>();
// The style sheet and the filter script are the same on every page: hashed once.
const sha256 = (text: string): string => {
  let h = hashes.get(text);
  if (h === undefined) hashes.set(text, (h = `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`));
  return h;
};

/** The page's lines, not joined, made as they are written (batch writes them through one buffer: see writeJoinedSync). */
export function* htmlPageLines(spec: PageSpec): Generator<string> {
  const csp = [
    "default-src 'none'",
    `style-src ${sha256(STYLES)}`,
    spec.script ? `script-src ${sha256(spec.script)}` : "script-src 'none'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  yield* [
    '<!DOCTYPE html>',
    `<html lang="${spec.lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta${attrs({ 'http-equiv': 'Content-Security-Policy', content: csp })}>`,
    '<meta name="color-scheme" content="light">',
    // Without an icon a browser asks the server (or the disk) for /favicon.ico.
    '<link rel="icon" href="data:,">',
    `<title>${esc(spec.title)}</title>`,
    `<style>${STYLES}</style>`,
    '</head>',
    '<body>',
  ];
  if (typeof spec.body === 'string') yield spec.body;
  else yield* spec.body;
  yield* [spec.script ? `<script>${spec.script}</script>` : '', '</body>', '</html>', ''];
}

export const htmlPage = (spec: PageSpec): string => [...htmlPageLines(spec)].join('\n');
