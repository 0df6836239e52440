import type { ReplicaStatus } from '../drafts/replica';
import type { PageSyncStatus } from '../sync/status';

/**
 * The text of the panel's `role=status` region (DESIGN §6). Two layers speak: the replica (is what was
 * typed stored on this device, in the background?) and sync (is it on the server?). The replica wins
 * while it has a problem or has not reached the background, or when there is no server; otherwise the
 * sync words: `Synced`, `N changes waiting`, `Offline`, `Connecting…` or the error in words.
 */
export interface PanelStatus {
  text: string;
  error: boolean;
}

const changes = (n: number) => `${n} change${n === 1 ? '' : 's'}`;

export function replicaStatusText(status: ReplicaStatus): string {
  if (status.error) return status.error;
  if (!status.connected || !status.synced) {
    return status.unsaved > 0
      ? `Not saved yet: ${changes(status.unsaved)} waiting for Project Desk to wake up`
      : 'Connecting to Project Desk…';
  }
  return status.unsaved > 0 ? `Saving ${changes(status.unsaved)}…` : 'Saved on this device';
}

export function panelStatus(replica: ReplicaStatus, sync: PageSyncStatus | null): PanelStatus {
  const reachedHub = replica.connected && replica.synced;
  if (replica.error || !reachedHub || sync === null || sync.state === 'local')
    return { text: replicaStatusText(replica), error: replica.error !== null };
  return { text: sync.text, error: sync.state === 'error' };
}

/** Sync states a short wait spares screen readers from, when `Synced` was shown just before. */
export const isPassing = (sync: PageSyncStatus | null): boolean => sync?.state === 'waiting';
