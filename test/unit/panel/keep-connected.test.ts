import { describe, expect, it } from 'vitest';
import { seedEntry } from '../../../lib/collab/seed';
import { setField } from '../../../lib/collab/set-field';
import { DraftReplica } from '../../../lib/drafts/replica';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import { keepConnected } from '../../../lib/panel/keep-connected';
import { whenSaved } from '../../../lib/panel/when-saved';
import { entryInput } from '../collab/page-fixture';
import { DOC, Profile, saved, stateOf } from '../drafts/hub-fixture';
import { eventually, type PortPair, portPair } from '../drafts/port-pair';

/** Timers that run on the next turn and remember the delays asked for (no clock involved). */
function turnTimers() {
  const delays: number[] = [];
  return {
    delays,
    setTimer: (run: () => void, ms: number) => {
      delays.push(ms);
      return setImmediate(run);
    },
    clearTimer: (timer: unknown) => clearImmediate(timer as NodeJS.Immediate),
  };
}

describe('keeping a replica connected', () => {
  it('reconnects at once when the service worker goes away, and the typing meanwhile reaches the new hub', async () => {
    const profile = new Profile();
    let hub = profile.startHub();
    const pairs: PortPair[] = [];
    const timers = turnTimers();
    const replica = new DraftReplica(DOC);
    const stop = keepConnected(replica, {
      ...timers,
      connect: () => {
        const pair = portPair();
        hub.attach(pair.hub);
        pairs.push(pair);
        return pair.replica;
      },
    });
    await replica.whenSynced;
    const id = seedEntry(replica.doc, entryInput(1));
    await eventually('seed stored', saved(replica));
    // The worker stops: its hub is gone with the port; a new one starts on the same storage.
    pairs[0]!.cut();
    await hub.close();
    setField(replica.doc, id, 'Difficulty', 'Hard', XEN_PROFILE);
    hub = profile.startHub();
    await eventually('reconnected', () => pairs.length === 2 && saved(replica)());
    expect(timers.delays[0]).toBe(0);
    expect(stateOf(await profile.storedDoc())).toBe(stateOf(replica.doc));
    stop();
    replica.destroy();
    await hub.close();
  });

  it('backs off while connecting keeps failing, and stops when told', async () => {
    const timers = turnTimers();
    const replica = new DraftReplica(DOC);
    let attempts = 0;
    const errors: unknown[] = [];
    const stop = keepConnected(replica, {
      ...timers,
      delays: [0, 10, 20],
      connect: () => {
        attempts++;
        throw new Error('Extension context invalidated.');
      },
      onConnectError: (error) => errors.push(error),
    });
    await eventually('five attempts', () => attempts >= 5);
    stop();
    const stoppedAt = attempts;
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(attempts).toBe(stoppedAt);
    expect(timers.delays.slice(0, 4)).toEqual([0, 10, 20, 20]);
    expect(errors[0]).toBeInstanceOf(Error);
    replica.destroy();
  });
});

describe('waiting for the last changes to be stored', () => {
  it('resolves true once the hub has acknowledged everything, false when it cannot', async () => {
    const profile = new Profile();
    const hub = profile.startHub();
    const replica = new DraftReplica(DOC);
    const pair = portPair();
    hub.attach(pair.hub);
    replica.connect(pair.replica);
    await replica.whenSynced;
    const id = seedEntry(replica.doc, entryInput(1));
    setField(replica.doc, id, 'Project', 'Changed', XEN_PROFILE);
    expect(replica.status.unsaved).toBeGreaterThan(0);
    expect(await whenSaved(replica, 60_000)).toBe(true);
    pair.cut();
    await eventually('disconnected', () => !replica.status.connected);
    setField(replica.doc, id, 'Project', 'Changed again', XEN_PROFILE);
    expect(await whenSaved(replica, 1)).toBe(false);
    replica.destroy();
    await hub.close();
  });
});
