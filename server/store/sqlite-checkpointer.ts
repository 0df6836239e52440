import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside whichever commit
 * crosses 1,000 WAL pages and fsyncs there: a 5–10 ms stall, measured here, of the one thread that
 * relays every keystroke. So the writing connection turns auto-checkpoints off and this worker thread,
 * with its own connection, runs a PASSIVE checkpoint (which never blocks the writer) every `everyMs`.
 * Plain JavaScript evaluated in the worker: it must not depend on the TypeScript loader.
 */
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const checkpoint = (mode) => {
  try {
    db.pragma('wal_checkpoint(' + mode + ')');
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message) });
  }
};
const timer = setInterval(() => checkpoint('PASSIVE'), workerData.everyMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint('PASSIVE');
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/** `onFailure` is called when the worker cannot run (the caller turns auto-checkpoints back on). */
export function startCheckpointer(
  file: string,
  everyMs: number,
  onFailure: (reason: string) => void,
): Checkpointer {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, everyMs, module } });
  worker.unref();
  let stopped = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', (error) => onFailure(error.message));
  worker.on('exit', (code) => {
    if (!stopped) onFailure(`checkpoint worker exited (${code})`);
  });
  worker.on('message', (message: { error?: string }) => {
    if (message.error) onFailure(message.error);
  });
  return {
    stop: async () => {
      if (stopped) return;
      stopped = true;
      // Unref'd so that it never keeps the process up; but while we wait for it, it must.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
