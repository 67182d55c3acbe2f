// Tables are designed for a wide terminal (130–180 columns). On a narrower one every row would wrap
// at the terminal's edge and the borders break apart, so the widest columns give up width first,
// down to a floor; below the floor the table keeps its minimum widths and the terminal wraps it.

/** Narrowest a column is made (cli-table3 width, padding included): a word of six characters still fits. */
const MIN_COLUMN = 8;

/**
 * The width tables are fitted to: the terminal's columns when stdout is one, else the COLUMNS
 * variable (set by shells and CI), else none (a file or a pipe: the designed widths).
 */
export function terminalWidth(isTTY: boolean, columns: number | undefined, env: Record<string, string | undefined>): number | undefined {
  if (isTTY && columns && columns > 0) return columns;
  const n = Number(env.COLUMNS);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** This process's terminal width (for output that has no format context: the batch summary). */
export const processWidth = (): number | undefined => terminalWidth(Boolean(process.stdout.isTTY), process.stdout.columns, process.env);

/**
 * `widths` (cli-table3 colWidths) shrunk so the table, borders included, fits in `width` columns:
 * the widest column gives up a column at a time (names and gaps first, short labels last), none
 * below its floor (min(its width, 8)); when the floors do not fit, the floors.
 */
export function fitColumns(widths: number[], width: number | undefined): number[] {
  const borders = widths.length + 1;
  let over = widths.reduce((a, b) => a + b, 0) + borders - (width ?? Infinity);
  if (over <= 0) return widths;
  const floors = widths.map((w) => Math.min(w, MIN_COLUMN));
  const out = [...widths];
  while (over > 0) {
    let widest = -1;
    for (let i = 0; i < out.length; i++) if (out[i] > floors[i] && (widest < 0 || out[i] > out[widest])) widest = i;
    if (widest < 0) break;
    out[widest]--;
    over--;
  }
  return out;
}
