import { describe, expect, it, vi } from 'vitest';
import { pageDocName } from '../../../lib/collab/doc-names';
import { SyncLink } from '../../../lib/panel/sync-link';
import type { BackgroundSyncMessage } from '../../../lib/sync/messages';
import { type PortPair, portPair } from '../drafts/port-pair';

const DOC = pageDocName({ wiki: 'http://wiki.test', page: 'Ideas' });

/** A background end that records what the panel says; each connection is a fresh pair. */
function background() {
  const pairs: PortPair[] = [];
  const heard: unknown[][] = [];
  const connect = () => {
    const pair = portPair();
    const log: unknown[] = [];
    heard.push(log);
    pair.hub.onMessage((message) => log.push(message));
    pairs.push(pair);
    return pair.replica;
  };
  return { pairs, heard, connect };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the panel’s sync link', () => {
  it('watches its document, reports focus changes once, and passes on what the background says', async () => {
    const bg = background();
    const received: BackgroundSyncMessage[] = [];
    const link = new SyncLink({ doc: DOC, connect: bg.connect, onMessage: (m) => received.push(m) });
    link.setFocus({ entryId: 'r1-e1', field: 'Project' });
    link.setFocus({ entryId: 'r1-e1', field: 'Project' });
    link.setFocus(null);
    await vi.waitFor(() => expect(bg.heard[0]).toHaveLength(3));
    expect(bg.heard[0]).toEqual([
      { type: 'watch', doc: DOC },
      { type: 'focus', doc: DOC, focus: { entryId: 'r1-e1', field: 'Project' } },
      { type: 'focus', doc: DOC, focus: null },
    ]);
    bg.pairs[0]!.hub.postMessage({ type: 'presence', doc: DOC, peers: [] });
    bg.pairs[0]!.hub.postMessage({ type: 'status', status: { doc: DOC, state: 'bogus' } });
    await vi.waitFor(() => expect(received).toHaveLength(1));
    await settle();
    expect(received).toEqual([{ type: 'presence', doc: DOC, peers: [] }]);
    link.stop();
  });

  it('opens a new port when the worker goes, and says watch and its focus again', async () => {
    const bg = background();
    const link = new SyncLink({ doc: DOC, connect: bg.connect, onMessage: () => undefined, delays: [0] });
    link.setFocus({ entryId: 'r1-e1', field: 'Outcomes' });
    await settle();
    bg.pairs[0]!.cut();
    await vi.waitFor(() => expect(bg.heard[1]).toHaveLength(2));
    expect(bg.pairs).toHaveLength(2);
    expect(bg.heard[1]).toEqual([
      { type: 'watch', doc: DOC },
      { type: 'focus', doc: DOC, focus: { entryId: 'r1-e1', field: 'Outcomes' } },
    ]);
    link.stop();
    await settle();
    expect(bg.pairs).toHaveLength(2);
  });
});
