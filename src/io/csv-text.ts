// Decoding a delimited file's bytes (or a byte range of them) chunk by chunk. A file found to be
// UTF-8 is decoded strictly: the first byte that is not UTF-8 ends the text, and its value and
// offset are kept for the reader to name its place.

import { iconv } from './iconv-lazy.js';

/** A byte the file's encoding cannot decode, and its offset in the file. */
export interface Undecodable {
  byte: number;
  offset: number;
}

export interface Decoder {
  write(chunk: Buffer): string;
  end(): string;
  /** Set once a byte could not be decoded: the text returned stops before it. */
  bad: Undecodable | null;
}

const EMPTY = Buffer.alloc(0);

/**
 * UTF-8 with the native TextDecoder (several times faster here than iconv or a StringDecoder). It
 * replaces what it cannot decode by U+FFFD; only where that character shows up are the bytes
 * looked at, to tell a U+FFFD the file holds from one standing for a broken byte.
 */
class Utf8Decoder implements Decoder {
  private readonly decoder = new TextDecoder('utf-8');
  private prev: Buffer = EMPTY;
  /** Bytes at the end of `prev` that the decoder holds back, as the start of a character. */
  private held = 0;
  bad: Undecodable | null = null;

  constructor(
    /** Offset in the file of the next chunk's first byte. */
    private offset: number,
    private readonly strict: boolean,
  ) {}

  write(chunk: Buffer): string {
    const text = this.checked(this.decoder.decode(chunk, { stream: true }), chunk);
    this.held = heldBack(this.prev, chunk);
    this.prev = chunk;
    this.offset += chunk.length;
    return text;
  }

  end(): string {
    return this.checked(this.decoder.decode(), EMPTY);
  }

  private checked(text: string, chunk: Buffer): string {
    if (!this.strict || this.bad) return this.bad ? '' : text;
    let k = text.indexOf('\uFFFD');
    if (k < 0) return text;
    const byteAt = (at: number): number => (at >= this.offset ? chunk[at - this.offset] : this.prev[this.prev.length - (this.offset - at)]);
    // Offsets of the text's characters: each decoded from as many bytes as it has in UTF-8, up to
    // the first broken byte (which is where this stops).
    let at = this.offset - this.held;
    let from = 0;
    while (k >= 0) {
      at += Buffer.byteLength(text.slice(from, k));
      from = k;
      if (byteAt(at) !== 0xef || byteAt(at + 1) !== 0xbf || byteAt(at + 2) !== 0xbd) {
        this.bad = { byte: byteAt(at), offset: at };
        return text.slice(0, k);
      }
      k = text.indexOf('\uFFFD', k + 1);
    }
    return text;
  }
}

/**
 * How many bytes at the end of prev+chunk start a character not yet complete, which a streaming
 * UTF-8 decoder keeps for the next chunk: a lead byte and the valid continuation bytes after it.
 */
function heldBack(prev: Buffer, chunk: Buffer): number {
  const total = prev.length + chunk.length;
  const at = (i: number): number => (i >= prev.length ? chunk[i - prev.length] : prev[i]);
  for (let k = 1; k <= 3 && k <= total; k++) {
    const b = at(total - k);
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (need <= k) return 0;
    if (k >= 2) {
      // The second byte of these leads has a narrower range; outside it the decoder gives up at once.
      const c = at(total - k + 1);
      if ((b === 0xe0 && c < 0xa0) || (b === 0xed && c > 0x9f) || (b === 0xf0 && c < 0x90) || (b === 0xf4 && c > 0x8f)) return 0;
    }
    return k;
  }
  return 0;
}

class IconvDecoder implements Decoder {
  private readonly decoder: ReturnType<ReturnType<typeof iconv>['getDecoder']>;
  readonly bad = null;

  constructor(encoding: string) {
    this.decoder = iconv().getDecoder(encoding);
  }

  write(chunk: Buffer): string {
    return this.decoder.write(chunk);
  }

  end(): string {
    return this.decoder.end() ?? '';
  }
}

export interface TextFormat {
  encoding: string;
  /** The encoding was named by the user (--encoding): what it cannot decode is replaced, not refused. */
  named?: boolean;
}

/** A decoder for the file's bytes from offset `start` on. */
export function decoderFor(format: TextFormat, start: number): Decoder {
  return format.encoding === 'utf8' ? new Utf8Decoder(start, !format.named) : new IconvDecoder(format.encoding);
}
