import type { ReplicaStatus } from '../../lib/drafts/replica';

const changes = (n: number) => `${n} change${n === 1 ? '' : 's'}`;

/** The `role=status` region (DESIGN §6): whether everything typed is stored on this device. */
export function statusText(status: ReplicaStatus): string {
  if (status.error) return status.error;
  if (!status.connected || !status.synced) {
    return status.unsaved > 0
      ? `Not saved yet: ${changes(status.unsaved)} waiting for Project Desk to wake up`
      : 'Connecting to Project Desk…';
  }
  return status.unsaved > 0 ? `Saving ${changes(status.unsaved)}…` : 'Saved on this device';
}

export function SyncStatus({ status }: { status: ReplicaStatus }) {
  return (
    <p role="status" className={`sync-status ${status.error ? 'error' : ''}`}>
      {statusText(status)}
    </p>
  );
}
