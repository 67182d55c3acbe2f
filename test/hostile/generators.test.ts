// The hostile suite's generators are what they claim: a bomb inflates to the size and CRC its
// headers state, and the zip writer's packages open in the zip reader cscheck uses.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readZip } from '../report/zip-entries.js';
import { tmpDir } from '../cli/helpers.js';
import { crc32Combine, repeatedDeflate, zip } from './zip.js';

describe('hostile generators', () => {
  it('crc32Combine agrees with a CRC over the whole', () => {
    const a = Buffer.from('村（社区）名称,城乡类型\n');
    const b = Buffer.from('塘西社区,城市\n'.repeat(37));
    expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(crc32(Buffer.concat([a, b])));
  });

  it('repeatedDeflate inflates to head + unit × n + tail, with the true CRC', () => {
    const unit = Buffer.alloc(65536, 0x20);
    const raw = repeatedDeflate('<a>', unit, 21, '</a>');
    const whole = inflateRawSync(raw.compressed);
    const expected = Buffer.concat([Buffer.from('<a>'), Buffer.alloc(65536 * 21, 0x20), Buffer.from('</a>')]);
    expect(whole.equals(expected)).toBe(true);
    expect(raw.size).toBe(expected.length);
    expect(raw.crc).toBe(crc32(expected));
    // The point of it: about 1000:1.
    expect(raw.compressed.length * 500).toBeLessThan(raw.size);
  });

  it('zip() writes packages yauzl reads back, stored and deflated, with UTF-8 names', async () => {
    const file = path.join(tmpDir('cscheck-gen-'), 'x.zip');
    writeFileSync(file, zip([{ name: 'a.txt', data: 'hello' }, { name: '村/b.xml', data: '<b/>', method: 0 }, { name: 'c.bin', raw: repeatedDeflate('', Buffer.alloc(1024, 1), 3, '') }]));
    const entries = await readZip(file);
    expect(entries.map((e) => [e.name, e.data.length, e.compressionMethod])).toEqual([
      ['a.txt', 5, 8],
      ['村/b.xml', 4, 0],
      ['c.bin', 3072, 8],
    ]);
    expect(entries[2].crc32).toBe(crc32(Buffer.alloc(3072, 1)));
  });
});
