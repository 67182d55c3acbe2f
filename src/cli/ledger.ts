// `cscheck ledger FILE... [--plan ID] [--as-of DATE] [--unit NAME]`: the library's checkLedger,
// reported in any format.

import { ledgerFindings } from '../api/ledger.js';
import type { LedgerOptions } from '../api/ledger.js';
import type { Io } from './io.js';
import type { ReportOptions } from './report-options.js';
import { checkOutputPath, reportFindings } from './report-options.js';
import { SEVERITY_FAIL_ON } from './options.js';

export type { LedgerOptions };

export async function ledgerCommand(files: string[], opts: LedgerOptions & ReportOptions, io: Io): Promise<number> {
  checkOutputPath(opts.output, files);
  return reportFindings(await ledgerFindings(files, opts), opts, SEVERITY_FAIL_ON, io);
}
