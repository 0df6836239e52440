import type { DraftReplica } from '../drafts/replica';

/**
 * Resolves true once the replica has nothing unacknowledged (every change it made is stored by the
 * hub), false if that has not happened within `timeoutMs`. The panel closes only then, so closing it
 * never drops a change still on its way.
 */
export function whenSaved(replica: DraftReplica, timeoutMs: number): Promise<boolean> {
  const done = () => replica.status.connected && replica.status.unsaved === 0;
  if (done()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      unsubscribe();
      resolve(done());
    }, timeoutMs);
    const unsubscribe = replica.on('status', () => {
      if (!done()) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(true);
    });
  });
}
