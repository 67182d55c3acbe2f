// The entries of a zip (an .xlsx) as yauzl reads them, inflated, with the CRC-32 and sizes the
// central directory claims for each: the workbook tests check the package itself, not only what a
// forgiving library makes of it.

import yauzl from 'yauzl';
import type { Entry } from 'yauzl';

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** CRC-32 of the uncompressed data as the central directory records it. */
  crc32: number;
  compressionMethod: number;
}

export function readZip(file: string): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true }, (err, zip) => {
      if (err) return reject(err);
      const entries: ZipEntry[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.push({ name: entry.fileName, data: Buffer.concat(chunks), crc32: entry.crc32, compressionMethod: entry.compressionMethod });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** The text of one part of a package. */
export function partText(entries: ZipEntry[], name: string): string {
  const e = entries.find((x) => x.name === name);
  if (!e) throw new Error(`no part ${name}; parts: ${entries.map((x) => x.name).join(', ')}`);
  return e.data.toString('utf8');
}
