// A tiny zip writer for hostile workbooks: entries stored or deflated, sizes and CRCs that may lie,
// names that may be anything, and deflate streams that expand to gigabytes from a few megabytes.
// Real writers (and exceljs) refuse to write most of these, which is why the tests make their own.

import { constants, crc32, deflateRawSync } from 'node:zlib';

/** A deflate stream made elsewhere: its bytes and what it inflates to. */
export interface RawDeflate {
  compressed: Buffer;
  size: number;
  crc: number;
}

export interface ZipEntryInput {
  name: string;
  /** The content (a string is UTF-8); or `raw`, an already deflated stream. */
  data?: Buffer | string;
  raw?: RawDeflate;
  /** 0 stored, 8 deflated (default), anything else to claim a method no reader has. */
  method?: number;
  /** What the headers claim, when they should lie. */
  claimSize?: number;
  claimCrc?: number;
}

const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n & 0xffff);
  return b;
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

// 1980-01-01 00:00, the DOS epoch: a fixed time keeps the bytes reproducible.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** The bytes of a zip holding `entries`, in order. */
export function zip(entries: ZipEntryInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const method = e.method ?? 8;
    let body: Buffer;
    let size: number;
    let crc: number;
    if (e.raw) {
      body = e.raw.compressed;
      size = e.raw.size;
      crc = e.raw.crc;
    } else {
      const data = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : (e.data ?? Buffer.alloc(0));
      body = method === 8 ? deflateRawSync(data) : data;
      size = data.length;
      crc = crc32(data);
    }
    size = e.claimSize ?? size;
    crc = e.claimCrc ?? crc;
    if (size > 0xffffffff || body.length > 0xffffffff) throw new Error('zip64 is not written here: keep a claim under 4 GiB');
    const common = Buffer.concat([u16(20), u16(0x0800), u16(method), u16(DOS_TIME), u16(DOS_DATE), u32(crc), u32(body.length), u32(size), u16(name.length), u16(0)]);
    const local = Buffer.concat([u32(0x04034b50), common, name]);
    centrals.push(Buffer.concat([u32(0x02014b50), u16(20), common, u16(0), u16(0), u16(0), u32(0), u32(offset), name]));
    locals.push(local, body);
    offset += local.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(cd.length), u32(offset), u16(0)]);
  return Buffer.concat([...locals, cd, end]);
}

// CRC-32 of a concatenation from the CRCs of its parts (zlib's crc32_combine): the CRC of
// gigabytes of repeated text without computing over gigabytes.
function gf2Times(mat: Uint32Array, vec: number): number {
  let sum = 0;
  for (let i = 0; vec !== 0; i++, vec >>>= 1) if (vec & 1) sum ^= mat[i];
  return sum >>> 0;
}
function gf2Square(square: Uint32Array, mat: Uint32Array): void {
  for (let n = 0; n < 32; n++) square[n] = gf2Times(mat, mat[n]);
}
export function crc32Combine(crc1: number, crc2: number, len2: number): number {
  if (len2 <= 0) return crc1;
  const even = new Uint32Array(32);
  const odd = new Uint32Array(32);
  odd[0] = 0xedb88320;
  for (let n = 1, row = 1; n < 32; n++, row <<= 1) odd[n] = row >>> 0;
  gf2Square(even, odd);
  gf2Square(odd, even);
  let c = crc1 >>> 0;
  let len = len2;
  for (;;) {
    gf2Square(even, odd);
    if (len % 2) c = gf2Times(even, c);
    len = Math.floor(len / 2);
    if (len === 0) break;
    gf2Square(odd, even);
    if (len % 2) c = gf2Times(odd, c);
    len = Math.floor(len / 2);
    if (len === 0) break;
  }
  return (c ^ crc2) >>> 0;
}

/**
 * `head`, then `unit` repeated `times`, then `tail`, as one raw deflate stream. The unit is
 * deflated once and its (byte-aligned, self-contained) blocks repeated, so 4 GB of spaces costs
 * about 4 MB and a few milliseconds; the CRC is the true one.
 */
export function repeatedDeflate(head: string, unit: Buffer, times: number, tail: string): RawDeflate {
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const h = Buffer.from(head, 'utf8');
  const t = Buffer.from(tail, 'utf8');
  const unitBlocks = deflateRawSync(unit, flush);
  const body: Buffer[] = [deflateRawSync(h, flush)];
  for (let i = 0; i < times; i++) body.push(unitBlocks);
  body.push(deflateRawSync(t));
  // CRC of unit×times by doubling.
  let crcRep = 0;
  let lenRep = 0;
  let crcPow = crc32(unit);
  let lenPow = unit.length;
  for (let k = times; k > 0; k = Math.floor(k / 2)) {
    if (k % 2) {
      crcRep = crc32Combine(crcRep, crcPow, lenPow);
      lenRep += lenPow;
    }
    crcPow = crc32Combine(crcPow, crcPow, lenPow);
    lenPow *= 2;
  }
  let crc = crc32Combine(crc32(h), crcRep, lenRep);
  crc = crc32Combine(crc, crc32(t), t.length);
  return { compressed: Buffer.concat(body), size: h.length + lenRep + t.length, crc };
}

export const MiB = 1024 * 1024;
