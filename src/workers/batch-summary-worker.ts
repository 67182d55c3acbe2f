// The thread of SummaryFilesThread: waits for the batch summary, writes summary.xlsx and
// index.html, and says whether it could.

import { parentPort } from 'node:worker_threads';
import type { SummaryFilesJob, SummaryFilesReply } from './batch-summary-files.js';
import { writeSummaryFiles } from './batch-summary-files.js';
import { toWire } from './wire.js';

const port = parentPort!;
// The listener's promise is dropped on purpose: write() catches and replies with any error.
port.once('message', (job: SummaryFilesJob) => void write(job));

async function write(job: SummaryFilesJob): Promise<void> {
  let reply: SummaryFilesReply = { ok: true };
  try {
    await writeSummaryFiles(job);
  } catch (err) {
    reply = { ok: false, error: toWire(err) };
  }
  port.postMessage(reply);
}
