import type { PanelStatus } from '../../lib/panel/panel-status';

/** The `role=status` region (DESIGN §6): stored on this device, synced, waiting, offline, or what is wrong. */
export function SyncStatus({ status }: { status: PanelStatus }) {
  return (
    <p role="status" className={`sync-status ${status.error ? 'error' : ''}`}>
      {status.text}
    </p>
  );
}
