import { describe, expect, it } from 'vitest';
import { pageDocName } from '../../../lib/collab/doc-names';
import type { ReplicaStatus } from '../../../lib/drafts/replica';
import { panelStatus } from '../../../lib/panel/panel-status';
import type { PageSyncStatus } from '../../../lib/sync/status';

const stored: ReplicaStatus = { connected: true, synced: true, unsaved: 0, error: null };
const sync = (state: PageSyncStatus['state'], text: string): PageSyncStatus => ({
  doc: pageDocName({ wiki: 'http://wiki.test', page: 'Ideas' }),
  state,
  text,
  waiting: state === 'waiting' ? 2 : 0,
  canWrite: true,
});

describe('the panel’s status words', () => {
  it('says what sync says once the replica reached the background', () => {
    expect(panelStatus(stored, sync('synced', 'Synced'))).toEqual({ text: 'Synced', error: false });
    expect(panelStatus(stored, sync('waiting', '2 changes waiting')).text).toBe('2 changes waiting');
    expect(panelStatus(stored, sync('offline', 'Offline')).text).toBe('Offline');
    expect(panelStatus(stored, sync('error', 'The access token has expired.'))).toEqual({
      text: 'The access token has expired.',
      error: true,
    });
  });

  it('says Saved on this device without a server, or before the background answered about sync', () => {
    expect(panelStatus(stored, sync('local', 'Saved on this device')).text).toBe('Saved on this device');
    expect(panelStatus(stored, null).text).toBe('Saved on this device');
    expect(panelStatus({ ...stored, unsaved: 1 }, null).text).toBe('Saving 1 change…');
  });

  it('lets the replica’s own trouble win over a sync state', () => {
    const asleep = { connected: false, synced: false, unsaved: 3, error: null };
    expect(panelStatus(asleep, sync('synced', 'Synced')).text).toBe(
      'Not saved yet: 3 changes waiting for Project Desk to wake up',
    );
    const failing = { ...stored, error: 'The draft could not be stored.' };
    expect(panelStatus(failing, sync('synced', 'Synced'))).toEqual({
      text: 'The draft could not be stored.',
      error: true,
    });
  });
});
