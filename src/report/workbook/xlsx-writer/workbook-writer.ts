// A streaming XLSX writer for workbooks too large to hold: each sheet is compressed into a file of
// its own as it is written, and the package is assembled from those files at the end. exceljs' streaming
// WorkbookWriter did the same job at about 5 µs a cell and kept every note in memory (its comment
// parts wait behind the sheet in one zip stream): 100,000 annotated rows took over a minute and
// 830 MB. This writes only what cscheck's workbooks use — values, number formats, fills, fonts,
// wrapping, notes, merges, column widths and formats, frozen headers, auto filters, conditional
// formats, formulas and the creator's name.

import { mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PARTS_PREFIX } from '../../../output/temp-files.js';
import { PRESERVE, SharedStrings, SheetWriter } from './sheet-writer.js';
import type { SheetOptions } from './sheet-writer.js';
import { StyleSheet } from './style-sheet.js';
import { xmlText } from './xml-text.js';
import { wholePart, writeZip } from './zip-parts.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
/** Uncompressed bytes allowed to wait for the compressor. */
const BACKLOG = 8 << 20;
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export class XlsxWriter {
  readonly styles = new StyleSheet();
  readonly sharedStrings = new SharedStrings();
  private readonly sheets: SheetWriter[] = [];
  private readonly dir: string;
  /** The application named as the workbook's author (docProps/core.xml), e.g. `cscheck 0.1.0`. */
  creator: string | undefined;

  /** Temporary parts go in a new directory beside `near` (the output), removed when done. */
  constructor(near: string) {
    this.dir = mkdtempSync(join(dirname(near), PARTS_PREFIX));
  }

  /**
   * Adds a sheet (several may be open at once: each has its own file). `name` must already be a
   * valid sheet name, unique in the workbook.
   */
  addSheet(name: string, options: SheetOptions = {}): SheetWriter {
    const sheet = new SheetWriter(name, this.sheets.length + 1, this.dir, options);
    this.sheets.push(sheet);
    return sheet;
  }

  /**
   * Undefined while compression keeps up; otherwise a promise to wait on before producing more
   * rows, so memory stays flat when rows come faster than zlib takes them.
   */
  wait(): Promise<void> | undefined {
    const open = this.sheets.filter((s) => !s.closed);
    if (open.reduce((n, s) => n + s.backlog, 0) < BACKLOG) return undefined;
    return Promise.all(open.flatMap((s) => s.parts.map((p) => p.drained()))).then(() => undefined);
  }

  finishSheet(sheet: SheetWriter): void {
    if (!sheet.closed) sheet.close('rId1');
  }

  /** Writes the package to `path` and removes the temporary parts. */
  async save(path: string): Promise<void> {
    try {
      for (const s of this.sheets) this.finishSheet(s);
      const parts: Parameters<typeof writeZip>[1] = [
        wholePart('[Content_Types].xml', this.contentTypes()),
        wholePart('_rels/.rels', this.packageRels()),
        wholePart('xl/workbook.xml', this.workbookXml()),
        wholePart('xl/_rels/workbook.xml.rels', this.workbookRels()),
        wholePart('xl/styles.xml', this.styles.xml()),
      ];
      if (this.sharedStrings.values.length) parts.push(wholePart('xl/sharedStrings.xml', this.sharedStringsXml()));
      if (this.creator !== undefined) parts.push(wholePart('docProps/core.xml', this.coreXml(this.creator)));
      for (const s of this.sheets) {
        if (s.hasNotes) {
          parts.push(
            wholePart(
              `xl/worksheets/_rels/sheet${s.index}.xml.rels`,
              `${XML_HEAD}<Relationships xmlns="${PKG_REL}">` +
                `<Relationship Id="rId1" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing${s.index}.vml"/>` +
                `<Relationship Id="rId2" Type="${REL}/comments" Target="../comments${s.index}.xml"/></Relationships>`,
            ),
          );
        }
        for (const part of s.parts) parts.push(part);
      }
      await writeZip(path, parts);
    } finally {
      await this.discard();
    }
  }

  /** Removes the temporary parts (after save, or instead of it). */
  async discard(): Promise<void> {
    await Promise.all(this.sheets.map((s) => s.discard()));
    rmSync(this.dir, { recursive: true, force: true });
  }

  private contentTypes(): string {
    const sheets = this.sheets
      .map(
        (s) =>
          `<Override PartName="/xl/worksheets/sheet${s.index}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
          (s.hasNotes ? `<Override PartName="/xl/comments${s.index}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>` : ''),
      )
      .join('');
    return (
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      (this.sharedStrings.values.length ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '') +
      (this.creator !== undefined ? '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' : '') +
      `${sheets}</Types>`
    );
  }

  private packageRels(): string {
    const core = this.creator !== undefined ? `<Relationship Id="rId2" Type="${PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>` : '';
    return `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>${core}</Relationships>`;
  }

  /** Who made the workbook and when (OPC core properties, ECMA-376 Part 2 §11). */
  private coreXml(creator: string): string {
    const now = `${new Date().toISOString().slice(0, 19)}Z`;
    return (
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
      'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:creator>${xmlText(creator)}</dc:creator>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified>` +
      '</cp:coreProperties>'
    );
  }

  /** The sheets in tab order. */
  private get tabs(): SheetWriter[] {
    return [...this.sheets].sort((a, b) => a.order - b.order || a.index - b.index);
  }

  private workbookXml(): string {
    const sheets = this.tabs.map((s) => `<sheet name="${xmlText(s.name)}" sheetId="${s.index}" r:id="rId${s.index}"/>`).join('');
    // Excel keeps each sheet's filter range in a hidden defined name as well as in the sheet.
    const names = this.tabs
      .map((s, i) => (s.filterRange ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${xmlText(s.name.replace(/'/g, "''"))}'!${s.filterRange}</definedName>` : ''))
      .join('');
    return (
      `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews>` +
      `<sheets>${sheets}</sheets>${names ? `<definedNames>${names}</definedNames>` : ''}</workbook>`
    );
  }

  private workbookRels(): string {
    const sheets = this.sheets.map((s) => `<Relationship Id="rId${s.index}" Type="${REL}/worksheet" Target="worksheets/sheet${s.index}.xml"/>`).join('');
    const styles = `<Relationship Id="rId${this.sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/>`;
    const strings = this.sharedStrings.values.length ? `<Relationship Id="rId${this.sheets.length + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '';
    return `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${sheets}${styles}${strings}</Relationships>`;
  }

  private sharedStringsXml(): string {
    const n = this.sharedStrings.values.length;
    const items = this.sharedStrings.values.map((t) => `<si><t${PRESERVE.test(t) ? ' xml:space="preserve"' : ''}>${xmlText(t)}</t></si>`).join('');
    return `${XML_HEAD}<sst xmlns="${MAIN}" count="${n}" uniqueCount="${n}">${items}</sst>`;
  }
}
