import type { Location } from '../schema/finding.js';
import type { TableSink } from './row-builder.js';
import type { Raw } from './values.js';

/** One row of a reported-values table (填报指标): the plan decides how to read the value. */
export interface ReportedValue {
  name: string;
  raw: Raw;
  /** The cell is formatted as a percentage in Excel (0.75 means 75%). */
  percentCell: boolean;
  location: Location;
}

export interface InputSink extends TableSink {
  onReported(value: ReportedValue): void;
}
