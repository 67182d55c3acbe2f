// A scanner for the XML of a spreadsheet part, in place of a general SAX parser: it finds tags
// with indexOf, hands the reader each tag's local name and its attribute text (parsed only when
// the reader asks, see attrOf), and keeps the text between tags only while the reader captures it
// (a cell's <v> or <t>). Text elsewhere — the whitespace of an indented sheet, formulas — is
// passed over without being copied. Entities and line ends are decoded as XML 1.0 says;
// comments, processing instructions and CDATA sections are understood. It checks no more of
// well-formedness than a reader of cells needs: every tag closed by the end.

export interface ScanHandler {
  /** A start tag (`empty`: `<x/>`, no close follows); `attrs` is the text after the name. */
  open(name: string, attrs: string, empty: boolean): void;
  close(name: string): void;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]+)?(;)?/g;
const CR = /\r\n?/g;

/** Text as XML gives it to an application: entities replaced, CR LF and lone CR read as LF. */
export function xmlDecode(s: string): string {
  if (s.indexOf('&') < 0 && s.indexOf('\r') < 0) return s;
  const text = s.indexOf('\r') < 0 ? s : s.replace(CR, '\n');
  return text.indexOf('&') < 0
    ? text
    : text.replace(ENTITY, (m, name: string | undefined, semi: string | undefined) => {
        const named = name !== undefined && semi !== undefined ? NAMED[name] : undefined;
        if (named !== undefined) return named;
        const code = name === undefined || semi === undefined || name[0] !== '#' ? NaN : name[1] === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        if (!(code >= 1 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) throw new Error(`invalid entity ${m.length > 12 ? m.slice(0, 12) : m}`);
        return String.fromCodePoint(code);
      });
}

/** The value of attribute `name` in a tag's attribute text, decoded, or undefined. */
export function attrOf(attrs: string, name: string): string | undefined {
  let at = 0;
  for (;;) {
    const i = attrs.indexOf(name, at);
    if (i < 0) return undefined;
    at = i + name.length;
    // A whole name: after whitespace (or a prefix's colon is not ours: `r:id` is not `id`).
    const before = i === 0 ? 32 : attrs.charCodeAt(i - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let j = at;
    while (j < attrs.length && attrs.charCodeAt(j) <= 32) j++;
    if (attrs.charCodeAt(j) !== 61) continue; // '='
    j++;
    while (j < attrs.length && attrs.charCodeAt(j) <= 32) j++;
    const q = attrs.charCodeAt(j);
    if (q !== 34 && q !== 39) continue;
    const end = attrs.indexOf(q === 34 ? '"' : "'", j + 1);
    if (end < 0) return undefined;
    return xmlDecode(attrs.slice(j + 1, end));
  }
}

const isNameEnd = (c: number) => c <= 32 || c === 47 || c === 62; // whitespace, '/', '>'

export class XmlScanner {
  /** While true, text between tags is kept for take(). */
  capture = false;
  private carry = '';
  private raw = '';
  private taken = '';
  private depth = 0;
  /** Where the next '"' and "'" are in the text being scanned (Infinity: none; -1: not searched). */
  private quot = -1;
  private apos = -1;

  /**
   * `limit`: the most characters held at once — an unfinished tag, or captured text — before
   * `tooLong` is called with their count (a gigabyte text node must not be built in memory first).
   */
  constructor(
    private readonly handler: ScanHandler,
    private readonly limit: number,
    private readonly tooLong: (length: number) => never,
  ) {}

  /** The text captured since the last take(), decoded. */
  take(): string {
    const out = this.taken + xmlDecode(this.raw);
    this.taken = this.raw = '';
    // XML allows no NUL, not even as a character reference; only text that becomes a value is checked,
    // since scanning every byte of a sheet for one would cost a pass of its own.
    if (out.includes('\0')) throw new Error('a NUL character in the XML text');
    return out;
  }

  write(chunk: string): void {
    const s = this.carry ? this.carry + chunk : chunk;
    this.carry = '';
    this.quot = this.apos = -1;
    const h = this.handler;
    let i = 0;
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        if (this.capture) this.keep(s.slice(i));
        return;
      }
      if (this.capture && lt > i) this.keep(s.slice(i, lt));
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === 33 || c1 === 63) {
        // <!-- comment -->, <![CDATA[ … ]]>, <!DOCTYPE …>, <?pi?>
        const end = this.special(s, lt);
        if (end < 0) return this.hold(s.slice(lt));
        i = end;
        continue;
      }
      const gt = this.tagEnd(s, lt + 1);
      if (gt < 0) return this.hold(s.slice(lt));
      if (c1 === 47) {
        // </name>
        let e = lt + 2;
        while (e < gt && !isNameEnd(s.charCodeAt(e))) e++;
        this.depth--;
        h.close(local(s.slice(lt + 2, e)));
      } else {
        let e = lt + 1;
        while (e < gt && !isNameEnd(s.charCodeAt(e))) e++;
        const empty = s.charCodeAt(gt - 1) === 47;
        const name = local(s.slice(lt + 1, e));
        h.open(name, e < gt ? s.slice(e, empty ? gt - 1 : gt) : '', empty);
        if (empty) h.close(name);
        else this.depth++;
      }
      i = gt + 1;
    }
  }

  /** The end of the stream: a tag left open means the part is cut short or damaged. */
  end(): void {
    if (this.carry || this.depth > 0) throw new Error(this.carry ? 'unexpected end of XML inside a tag' : 'unclosed tag at the end of the XML');
  }

  /**
   * The end ('>') of the tag that starts at `from`, past quoted attribute values, or -1. The next
   * quote of each kind is remembered across tags (a chunk with no apostrophe is searched for one
   * once, not at every tag).
   */
  private tagEnd(s: string, from: number): number {
    let j = from;
    for (;;) {
      const gt = s.indexOf('>', j);
      if (gt < 0) return -1;
      if (this.quot < j) this.quot = next(s, '"', j);
      if (this.apos < j) this.apos = next(s, "'", j);
      const q = Math.min(this.quot, this.apos);
      if (q > gt) return gt;
      const close = s.indexOf(q === this.quot ? '"' : "'", q + 1);
      if (close < 0) return -1;
      j = close + 1;
    }
  }

  private keep(text: string): void {
    this.raw += text;
    if (this.raw.length > this.limit) this.tooLong(this.raw.length);
  }

  private hold(rest: string): void {
    if (rest.length > this.limit) this.tooLong(rest.length);
    this.carry = rest;
  }

  /** Past a comment, CDATA section, declaration or processing instruction at `lt`; -1 if unfinished. */
  private special(s: string, lt: number): number {
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      if (this.capture) {
        this.taken += xmlDecode(this.raw) + s.slice(lt + 9, end);
        this.raw = '';
        if (this.taken.length > this.limit) this.tooLong(this.taken.length);
      }
      return end + 3;
    }
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s.charCodeAt(lt + 1) === 63) {
      const end = s.indexOf('?>', lt + 2);
      return end < 0 ? -1 : end + 2;
    }
    if (s.length < lt + 9) return -1; // too short yet to tell '<![CDATA[' from '<!DOCTYPE'
    // A declaration (<!DOCTYPE …>) may declare entities a spreadsheet never uses: refused.
    throw new Error('a DOCTYPE declaration in a spreadsheet part');
  }
}

function next(s: string, ch: string, from: number): number {
  const i = s.indexOf(ch, from);
  return i < 0 ? Infinity : i;
}

function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}
