// `cscheck ledger FILE... [--plan ID] [--as-of DATE] [--unit NAME]`: the library's checkLedger,
// reported in any format.

import { ledgerFindings } from '../api/ledger.js';
import type { LedgerOptions } from '../api/ledger.js';
import type { Io } from './io.js';
import { resolveInputArgs } from './input-args.js';
import { inputWarnings } from './input-warnings.js';
import type { ReportOptions } from './report-options.js';
import { checkOutputPath, reportFindings } from './report-options.js';
import { SEVERITY_FAIL_ON } from './options.js';

export type { LedgerOptions };

export async function ledgerCommand(args: string[], opts: LedgerOptions & ReportOptions, io: Io): Promise<number> {
  const { files, display } = await resolveInputArgs(args);
  checkOutputPath(opts.output, files);
  for (const line of inputWarnings(files, display, opts, opts.lang)) io.stderr(line);
  return reportFindings(await ledgerFindings(files, { ...opts, display }), opts, SEVERITY_FAIL_ON, io);
}
