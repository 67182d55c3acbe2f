// The thread that writes an annotated workbook: replays what the main thread's AnnotatorThread
// sends onto a WorkbookAnnotator.

import { parentPort, workerData } from 'node:worker_threads';
import { WorkbookAnnotator } from '../report/workbook/annotator.js';
import type { AnnotatorReply, AnnotatorRequest } from './annotate-thread.js';
import { toWire } from './wire.js';

const port = parentPort!;
const { lang, path } = workerData as { lang: 'zh' | 'en'; path: string };
const reply = (r: AnnotatorReply) => port.postMessage(r);
const failure = (err: unknown): AnnotatorReply => ({ kind: 'failed', error: toWire(err) });

let annotator: WorkbookAnnotator;
try {
  annotator = new WorkbookAnnotator({ lang, path });
} catch (err) {
  reply(failure(err));
  throw err;
}

// One request at a time, in order: a batch is replayed, and the next taken only once compression
// has caught up, so a burst of rows (a workbook's first rows wait for its merged ranges) queues as
// messages instead of piling up in the compressors.
const queue: AnnotatorRequest[] = [];
let busy = false;

async function handle(req: AnnotatorRequest): Promise<void> {
  if (req.kind === 'events') {
    for (const e of req.events) {
      if (e[0] === 'row') annotator.row(e[1], e[2], e[3]);
      else if (e[0] === 'finding') annotator.onFinding(e[1]);
      else if (e[0] === 'table') annotator.table(e[1]);
      else annotator.end();
    }
    await annotator.wait();
    reply({ kind: 'ack' });
  } else if (req.kind === 'finish') {
    await annotator.finish(req.report, req.path);
    reply({ kind: 'done' });
  } else {
    await annotator.abort();
    reply({ kind: 'done' });
  }
}

// The listener's promise is dropped on purpose: drain() catches every request's error and replies with it.
port.on('message', (req: AnnotatorRequest) => void drain(req));

async function drain(req: AnnotatorRequest): Promise<void> {
  queue.push(req);
  if (busy) return;
  busy = true;
  while (queue.length) {
    try {
      await handle(queue.shift()!);
    } catch (err) {
      queue.length = 0;
      reply(failure(err));
    }
  }
  busy = false;
}
