// The sheet XML scanner on hand-written XML: what it must do as an XML parser would, chunk ends
// anywhere included (the inflated text arrives in pieces that cut tags, entities and CR LF).

import { describe, expect, it } from 'vitest';
import { XmlScanner, attrOf, xmlDecode } from '../../src/io/xlsx-scan.js';

/** Every <v>/<t> text of `xml`, fed in pieces of `size` characters, as [element, text]. */
function texts(xml: string, size = xml.length, limit = 1 << 20): [string, string][] {
  const out: [string, string][] = [];
  const s: XmlScanner = new XmlScanner(
    {
      open: (name) => {
        if (name === 'v' || name === 't') s.capture = true;
      },
      close: (name) => {
        if (name === 'v' || name === 't') {
          out.push([name, s.take()]);
          s.capture = false;
        }
      },
    },
    limit,
    (n) => {
      throw new Error(`too long: ${n}`);
    },
  );
  for (let i = 0; i < xml.length; i += size) s.write(xml.slice(i, i + size));
  s.end();
  return out;
}

/** Every start tag as [name, attrs, empty]. */
function tags(xml: string, size = xml.length): [string, string, boolean][] {
  const out: [string, string, boolean][] = [];
  const s = new XmlScanner({ open: (name, attrs, empty) => out.push([name, attrs, empty]), close: () => undefined }, 1 << 20, () => {
    throw new Error('too long');
  });
  for (let i = 0; i < xml.length; i += size) s.write(xml.slice(i, i + size));
  s.end();
  return out;
}

const SHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<x:worksheet xmlns:x="urn:x"><x:sheetData>' +
  '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve"> a &amp; b &lt;c&gt; &#x4E00;&#19968; </x:t></x:is></x:c>' +
  '<x:c r="B1"><x:f>SUM(A1:A2)&gt;0</x:f><x:v>3</x:v></x:c><x:c r="C1" s="2"/></x:row>' +
  '<!-- a comment with <c> in it --><x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t><![CDATA[<raw & text>]]></x:t></x:is></x:c>' +
  '<x:c r="B2" t="str"><x:v>line1\r\nline2\rline3</x:v></x:c></x:row></x:sheetData></x:worksheet>';

// Worked out by hand from SHEET: &amp; &lt; &gt; decoded, &#x4E00; and &#19968; both 一, the
// formula's text not captured, CDATA kept as written, CR LF and a lone CR read as LF.
const EXPECTED: [string, string][] = [
  ['t', ' a & b <c> 一一 '],
  ['v', '3'],
  ['t', '<raw & text>'],
  ['v', 'line1\nline2\nline3'],
];

describe('XmlScanner', () => {
  it('decodes entities, CDATA and line ends, skips comments and formulas, drops namespace prefixes', () => {
    expect(texts(SHEET)).toEqual(EXPECTED);
  });

  it('gives the same texts whatever the chunk ends cut', () => {
    for (const size of [1, 2, 3, 5, 7, 13, 64]) expect(texts(SHEET, size), `chunks of ${size}`).toEqual(EXPECTED);
  });

  it('finds the end of a tag past a ">" inside a quoted value, either quote', () => {
    const xml = `<a><b x="1>2" y='it"s'/><c z='a>b'>t</c></a>`;
    for (const size of [1, 4, xml.length]) {
      expect(tags(xml, size)).toEqual([
        ['a', '', false],
        ['b', ` x="1>2" y='it"s'`, true],
        ['c', ` z='a>b'`, false],
      ]);
    }
  });

  it('rich text runs are captured run by run, phonetic runs are left to the reader', () => {
    expect(texts('<si><r><rPr><b/></rPr><t>洪</t></r><r><t>四村</t></r></si>')).toEqual([
      ['t', '洪'],
      ['t', '四村'],
    ]);
  });

  it('refuses a DOCTYPE, an unknown entity and a character reference out of range', () => {
    expect(() => texts('<!DOCTYPE x [<!ENTITY e "boom">]><x><t>&e;</t></x>')).toThrow(/DOCTYPE/);
    expect(() => texts('<x><t>&nbsp;</t></x>')).toThrow(/entity/);
    expect(() => texts('<x><t>&#x110000;</t></x>')).toThrow(/entity/);
    expect(() => texts('<x><t>a & b</t></x>')).toThrow(/entity/);
  });

  it('a part cut short (an open tag or a tag left unclosed) is an error at the end', () => {
    expect(() => texts('<x><t>a</t>')).toThrow(/unclosed/);
    expect(() => texts('<x><t>a</t></x><y a="')).toThrow(/inside a tag/);
  });

  it('stops captured text and unfinished tags at the limit, counting what it holds', () => {
    expect(() => texts(`<x><t>${'a'.repeat(50)}</t></x>`, 10, 20)).toThrow(/too long: 2\d/);
    expect(() => texts(`<x><c r="${'1'.repeat(50)}"/></x>`, 10, 20)).toThrow(/too long: 2\d/);
    // Text outside a capture is not held at all: a sheet of blanks is no error.
    expect(texts(`<x>${' '.repeat(500)}<t>ok</t></x>`, 10, 20)).toEqual([['t', 'ok']]);
  });
});

describe('attrOf', () => {
  it('finds a whole attribute name only, decoded', () => {
    const attrs = ` r:id="rId3" ref="A1" id = 'x&amp;y' t="s"`;
    expect(attrOf(attrs, 'id')).toBe('x&y');
    expect(attrOf(attrs, 'r')).toBeUndefined();
    expect(attrOf(attrs, 't')).toBe('s');
    expect(attrOf(attrs, 'ref')).toBe('A1');
  });
});

describe('xmlDecode', () => {
  it('leaves plain text as it is', () => {
    expect(xmlDecode('罗溪镇 123')).toBe('罗溪镇 123');
  });
  it('decodes the five named entities and both forms of character references', () => {
    expect(xmlDecode('&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x1F600;')).toBe(`<>&"'AB\u{1F600}`);
  });
});
