// Records from pieces of CSV text, parsed by papaparse's parser. papaparse's own streaming front end
// parses the unfinished last record again with every new piece, so a record of n characters costs
// time in n²/piece: a 10 MB line took 11 s, a 40 MB one over a minute. Here the unfinished record
// is parsed again only once the text after it is at least as long as it is, so every character is
// parsed a bounded number of times; and a field or record past its limit stops the read as soon
// as it is seen, naming the record and the column.

import Papa from 'papaparse';
import { CscheckError } from '../schema/errors.js';
import type { Location } from '../schema/finding.js';
import { columnLetter } from '../schema/finding.js';
import type { LimitName } from '../schema/limits.js';
import { LIMITS, limitArgs } from '../schema/limits.js';

interface ChunkParser {
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): Papa.ParseResult<string[]>;
}

// The handle papaparse's streamers use: it guesses the line end from the first piece it is given,
// exactly as Papa.parse does, and keeps it for the pieces after.
const papa = Papa as unknown as { ParserHandle: new (config: Papa.ParseConfig) => ChunkParser };

export type OnRecord = (cells: string[], record: number) => void;

export class RecordParser {
  private readonly handle: ChunkParser;
  /** The text of the unfinished last record. */
  private partial = '';
  private pending: string[] = [];
  private pendingChars = 0;
  /** Position of `partial` in the whole text (papaparse's cursors count from the start). */
  private base = 0;
  private linebreak = '\n';
  /** Number of the last record delivered. */
  private record: number;

  constructor(
    private readonly delimiter: string,
    firstRecord: number,
    private readonly file: string,
    private readonly onRecord: OnRecord,
  ) {
    this.record = firstRecord - 1;
    this.handle = new papa.ParserHandle({ delimiter, quoteChar: '"', skipEmptyLines: false });
  }

  /** The next piece of text. Errors thrown by `onRecord` come out of here. */
  push(text: string): void {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars < this.partial.length && this.partial.length + this.pendingChars <= LIMITS.csvRecordChars) return;
    this.parse(false);
  }

  /** The text has ended: its last record is complete. */
  end(): void {
    // As a stream gives it: the line end that closes the text ends its last record, and does not
    // start an empty one.
    if (this.pendingChars > 0) this.parse(false);
    this.parse(true);
  }

  /** Where the text pushed so far ends: the record and column the next character belongs to. */
  place(): Location {
    if (this.pendingChars > 0) this.parse(false);
    const { cells } = this.probe();
    return this.cellAt(this.record + 1, Math.max(0, cells.length - 1));
  }

  private parse(final: boolean): void {
    const more = this.pending.length === 1 ? this.pending[0] : this.pending.join('');
    const input = this.partial + more;
    this.pending = [];
    this.pendingChars = 0;
    const results = this.handle.parse(input, this.base, !final);
    this.linebreak = results.meta.linebreak;
    const rows = results.data;
    const first = this.record + 1;
    // Only a parse of more text than a field may hold can hold a field past the limit.
    if (input.length > Math.min(LIMITS.csvFieldChars, LIMITS.csvRecordChars)) this.checkRows(rows, first);
    for (let i = 0; i < rows.length; i++) {
      if (rows[i].length > LIMITS.columns) throw new CscheckError('input.limit', limitArgs('columns', rows[i].length), { file: this.file, row: this.record + 1 });
      this.onRecord(rows[i], ++this.record);
    }
    const quotes = results.errors.find((e) => e.type === 'Quotes');
    if (quotes) {
      const row = first + (quotes.row ?? 0);
      throw new CscheckError('input.csv-syntax', { row, detail: quotes.message }, { file: this.file, row });
    }
    if (final) return;
    const cursor = results.meta.cursor;
    this.partial = input.slice(cursor - this.base);
    this.base = cursor;
    if (this.partial.length > Math.min(LIMITS.csvFieldChars, LIMITS.csvRecordChars)) this.checkPartial();
  }

  /** Complete records of a large parse: a field or the whole record past its limit. */
  private checkRows(rows: string[][], first: number): void {
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r];
      let chars = cells.length - 1;
      for (let c = 0; c < cells.length; c++) {
        if (cells[c].length > LIMITS.csvFieldChars) throw this.overLimit('csvFieldChars', cells[c].length, this.cellAt(first + r, c));
        chars += cells[c].length;
      }
      if (chars > LIMITS.csvRecordChars) throw this.overLimit('csvRecordChars', chars, { file: this.file, row: first + r });
    }
  }

  /**
   * The unfinished record is longer than a field may be: stop if one of its fields already is, or
   * if the record itself is past its limit. A quoted field still open then is most likely a
   * quotation mark that is never closed, and is named as such.
   */
  private checkPartial(): void {
    const { cells, open } = this.probe();
    const long = cells.findIndex((c) => c.length > LIMITS.csvFieldChars);
    if (long < 0 && this.partial.length <= LIMITS.csvRecordChars) return;
    const limit: LimitName = long >= 0 ? 'csvFieldChars' : 'csvRecordChars';
    const column = long >= 0 ? long : cells.length - 1;
    const where = this.cellAt(this.record + 1, column);
    if (open) throw new CscheckError('input.csv-open-quote', limitArgs(limit), where);
    throw this.overLimit(limit, undefined, where);
  }

  /** The cells of the unfinished record as far as it goes (its last field cut where the text ends). */
  private probe(): { cells: string[]; open: boolean } {
    const parser = new Papa.Parser({ delimiter: this.delimiter, newline: this.linebreak as Papa.ParseConfig['newline'], quoteChar: '"' });
    const results = parser.parse(this.partial, 0, false) as Papa.ParseResult<string[]>;
    return { cells: results.data[0] ?? [], open: results.errors.some((e) => e.code === 'MissingQuotes') };
  }

  private cellAt(row: number, column: number): Location {
    return { file: this.file, row, columnIndex: column + 1, cell: `${columnLetter(column + 1)}${row}` };
  }

  private overLimit(limit: LimitName, actual: number | undefined, where: Location): CscheckError {
    return new CscheckError('input.limit', limitArgs(limit, actual), where);
  }
}
