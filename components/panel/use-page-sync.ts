import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { LostOverwrite } from '../../lib/collab/overwrite-watch';
import { fromRuntimePort } from '../../lib/drafts/port';
import { isPassing } from '../../lib/panel/panel-status';
import { SyncLink } from '../../lib/panel/sync-link';
import { SYNC_PORT_NAME } from '../../lib/sync/messages';
import type { Peer, PresenceFocus } from '../../lib/sync/presence';
import type { PageSyncStatus } from '../../lib/sync/status';

/** A keystroke's "1 change waiting" lasts until the server's acknowledgement: not worth announcing. */
const WAITING_GRACE_MS = 1000;

export interface PageSyncView {
  /** The document's sync status from the background (null until it answered). */
  status: PageSyncStatus | null;
  /** Everyone else on this page, and where. */
  peers: Peer[];
  setFocus: (focus: PresenceFocus | null) => void;
}

/** The panel's view of the background's sync of one document, over the sync port. */
export function usePageSync(docName: string, onLost: (lost: LostOverwrite) => void): PageSyncView {
  const [status, setStatus] = useState<PageSyncStatus | null>(null);
  const [peers, setPeers] = useState<Peer[]>([]);
  const link = useRef<SyncLink | null>(null);
  const lostListener = useRef(onLost);
  lostListener.current = onLost;

  useEffect(() => {
    let shown: PageSyncStatus | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const show = (next: PageSyncStatus) => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (isPassing(next) && shown?.state === 'synced') {
        timer = setTimeout(() => {
          shown = next;
          setStatus(next);
        }, WAITING_GRACE_MS);
        return;
      }
      shown = next;
      setStatus(next);
    };
    const running = new SyncLink({
      doc: docName,
      connect: () => fromRuntimePort(browser.runtime.connect({ name: SYNC_PORT_NAME })),
      onMessage: (message) => {
        if (message.type === 'status' && message.status.doc === docName) show(message.status);
        else if (message.type === 'presence' && message.doc === docName) setPeers(message.peers);
        else if (message.type === 'lostOverwrite' && message.doc === docName) lostListener.current(message);
        else if (message.type === 'error') console.warn('Project Desk sync:', message.message);
      },
    });
    link.current = running;
    return () => {
      if (timer) clearTimeout(timer);
      running.stop();
      link.current = null;
    };
  }, [docName]);

  const setFocus = useCallback((focus: PresenceFocus | null) => link.current?.setFocus(focus), []);
  return { status, peers, setFocus };
}
