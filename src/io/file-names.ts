// File names as the file system stores them: bytes. Linux keeps whatever bytes a name was written
// with, and a folder copied from a Chinese Windows machine (a zip, a USB stick) often holds GBK
// names, which Node would decode as UTF-8 with U+FFFD in place of their bytes and then fail to
// open. Such a name is shown decoded as GBK when that reads cleanly, and its file is opened by its
// bytes.

import iconv from 'iconv-lite';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** How a name (or path) of raw bytes is shown, and whether that text is also how it is opened. */
export function decodeName(bytes: Buffer): { text: string; exact: boolean } {
  try {
    return { text: utf8.decode(bytes), exact: true };
  } catch {
    const gbk = iconv.decode(bytes, 'gbk');
    if (!gbk.includes('\uFFFD') && iconv.encode(gbk, 'gbk').equals(bytes)) return { text: gbk, exact: false };
    return { text: bytes.toString('utf8'), exact: false };
  }
}
