// LibreOffice as the real viewer in tests: a workbook cscheck writes must open in a spreadsheet
// program, not only in the library that wrote it. Each conversion gets its own profile directory
// (-env:UserInstallation), so parallel test files never share, lock or corrupt one.

import { execFileSync, execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SOFFICE = process.env.SOFFICE ?? 'soffice';
/** A cold start with a fresh profile takes a few seconds; a hung office must not hang the suite. */
const TIMEOUT_MS = 120_000;

/**
 * Every sheet to its own UTF-8 CSV (`NAME-SHEET.csv`): field separator `,`, text delimiter `"`,
 * charset 76 (UTF-8), from line 1, cells as shown, and -1 = all sheets (LibreOffice ≥ 7.2).
 * Plain `csv` writes the first sheet only, in the system charset.
 */
export const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

let available: boolean | undefined;

/** Whether `soffice` runs here (cached). */
export function sofficeAvailable(): boolean {
  if (available === undefined) {
    try {
      execFileSync(SOFFICE, ['--version'], { stdio: 'ignore', timeout: 30_000 });
      available = true;
    } catch {
      available = false;
    }
  }
  return available;
}

/**
 * Converts `input` with `soffice --headless --convert-to FORMAT` into `outDir` and returns the files
 * the conversion wrote there (for CSV_ALL_SHEETS one per sheet, else one). FORMAT is an extension
 * (`xlsx`, `pdf`) or `ext:Filter name:options`. Throws with soffice's output when nothing was written.
 */
export async function sofficeConvert(input: string, format: string, outDir: string): Promise<string[]> {
  if (!sofficeAvailable()) throw new Error(`${SOFFICE} not found: LibreOffice (libreoffice-calc) is needed to open the workbook in a real viewer`);
  const profile = mkdtempSync(path.join(tmpdir(), 'cscheck-soffice-'));
  const ext = format.split(':')[0];
  const stem = path.basename(input, path.extname(input));
  const ours = (f: string) => f.endsWith(`.${ext}`) && (f === `${stem}.${ext}` || f.startsWith(`${stem}-`));
  const before = new Set(readdirSync(outDir).filter(ours));
  try {
    const { stdout, stderr } = await run(
      SOFFICE,
      ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(profile).href}`, '--convert-to', format, '--outdir', outDir, input],
      { timeout: TIMEOUT_MS },
    );
    const written = readdirSync(outDir).filter((f) => ours(f) && !before.has(f)).sort();
    if (!written.length) throw new Error(`soffice wrote nothing for ${input} (--convert-to ${format}):\n${stdout}\n${stderr}`);
    return written.map((f) => path.join(outDir, f));
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
