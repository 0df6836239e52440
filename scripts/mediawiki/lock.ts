import fs from 'node:fs';
import { processExists, sleep } from './processes';

/** A fresh install and seed take well under a minute here; waiting longer means something is stuck. */
const LOCK_WAIT_MS = 180_000;
const LOCK_POLL_MS = 200;

/**
 * Holds `lockFile` (created exclusively, holding our pid) while `action` runs, so two processes that
 * start the same wiki at once (two test runs, a test and the demo) install, seed and spawn it once.
 * A lock whose process is gone is taken over.
 */
export async function withLock<T>(lockFile: string, action: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  // Written aside and hard-linked into place: the link appears atomically with the pid already in it.
  const claim = `${lockFile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  fs.writeFileSync(claim, String(process.pid));
  try {
    for (;;) {
      try {
        fs.linkSync(claim, lockFile);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readHolder(lockFile);
      if (holder !== undefined && !processExists(holder)) {
        fs.rmSync(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`${lockFile} is held by process ${holder} for too long`);
      await sleep(LOCK_POLL_MS);
    }
  } finally {
    fs.rmSync(claim, { force: true });
  }
  try {
    return await action();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

function readHolder(lockFile: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
