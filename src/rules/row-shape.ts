// Where a level's fields sit in a row's value array, and where a finding about one of a row's
// cells points: what every per-row check needs to read a row and report on it.

import type { FieldDef, Level } from '../schema/contract.js';
import { FIELDS_BY_LEVEL } from '../schema/contract.js';
import type { Location } from '../schema/finding.js';
import { columnLetter } from '../schema/finding.js';
import type { DataRow } from '../io/row-builder.js';

export interface RowShape {
  level: Level;
  fields: readonly FieldDef[];
  kind: number;
  township: number;
  county: number;
  community: number;
}

export function rowShape(level: Level): RowShape {
  const fields = FIELDS_BY_LEVEL[level];
  const at = (id: string) => fields.findIndex((f) => f.id === id);
  return { level, fields, kind: at('kind'), township: at('township'), county: at('county'), community: at('community') };
}

/** The cell of `field` in `row`, with the township and community the row names. */
export function cellAt(row: DataRow, shape: RowShape, field: number): Location {
  const col = row.table.columns[field];
  const values = row.values;
  return {
    file: row.table.file,
    sheet: row.table.sheet,
    row: row.row,
    column: col?.header,
    columnIndex: col ? col.index + 1 : undefined,
    cell: col ? `${columnLetter(col.index + 1)}${row.row}` : undefined,
    township: (values[shape.township] as string | null) ?? undefined,
    community: shape.community >= 0 ? ((values[shape.community] as string | null) ?? undefined) : undefined,
  };
}
