import type { FocusEvent } from 'react';
import type { DraftReplica } from '../../lib/drafts/replica';
import { type PanelStatus, panelStatus } from '../../lib/panel/panel-status';
import type { Peer } from '../../lib/sync/presence';
import { useLostOverwrites } from './use-lost-overwrites';
import { usePageSync } from './use-page-sync';
import { useReplicaStatus } from './use-replica-status';

export interface EntrySync {
  status: PanelStatus;
  /** The server (or the token's role) lets this device read the draft but not change it. */
  readOnly: boolean;
  peers: Peer[];
  lost: ReturnType<typeof useLostOverwrites>;
  /** For the form: where the caret is, as presence. */
  onFocus: (event: FocusEvent<HTMLFormElement>) => void;
  onBlur: (event: FocusEvent<HTMLFormElement>) => void;
}

/** Everything an entry's form shows about storage and sync: status, read-only, presence, lost values. */
export function useEntrySync(replica: DraftReplica, entryId: string): EntrySync {
  const replicaStatus = useReplicaStatus(replica);
  const lost = useLostOverwrites(replica.doc, entryId);
  const sync = usePageSync(replica.docName, lost.add);
  const onFocus = (event: FocusEvent<HTMLFormElement>) => {
    const field = event.target.closest('[data-param]')?.getAttribute('data-param') ?? null;
    sync.setFocus({ entryId, field });
  };
  const onBlur = (event: FocusEvent<HTMLFormElement>) => {
    const next = event.relatedTarget;
    if (!(next instanceof Node) || !event.currentTarget.contains(next)) sync.setFocus(null);
  };
  return {
    status: panelStatus(replicaStatus, sync.status),
    readOnly: sync.status?.canWrite === false,
    peers: sync.peers,
    lost,
    onFocus,
    onBlur,
  };
}
