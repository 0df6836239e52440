import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { docName } from '../../../lib/collab/doc-names';
import { ProjectDeskDb } from '../../../lib/store/database';
import { SettingsStore } from '../../../lib/store/settings-store';
import { pageKey, readPageKey, serverAddress } from '../../../lib/sync/doc-address';
import { MemoryPendingDocs, StoredPendingDocs } from '../../../lib/sync/pending-docs';
import { FocusBoard, readPeer, readPeers } from '../../../lib/sync/presence';
import {
  CONNECTING,
  closeCodeProblem,
  OFFLINE,
  SAVED_LOCALLY,
  type StatusInput,
  SYNCED,
  syncState,
  UNREACHABLE,
  waitingText,
} from '../../../lib/sync/status';
import { WaitingLedger } from '../../../lib/sync/waiting-ledger';
import { MessageType, readFrameHead, SyncStep } from '../../../lib/sync/wire';
import { PageKeySchema, parseDocumentName } from '../../../server/protocol';
import { FrameWriter } from '../server/support/clients';

/** The sync layer's pure parts: names, frame heads, the waiting count, status words, presence. */

describe('server names for local documents', () => {
  const wiki = 'https://wiki.xenproject.org';

  it('maps a local name to <space>/<kind>/<page key>, and the key reads back', () => {
    const local = docName('drafts', { wiki, page: 'GSoC_2014' });
    const address = serverAddress(local, 'xen');
    if (!address.ok) throw new Error(address.reason);
    expect(address.name).toBe(`xen/drafts/${address.pageKey}`);
    expect(parseDocumentName(address.name)).toEqual({ space: 'xen', kind: 'drafts', page: address.pageKey });
    expect(readPageKey(address.pageKey)).toEqual({ origin: wiki, title: 'GSoC 2014' });
    const comments = serverAddress(docName('comments', { wiki, page: 'GSoC 2014' }), 'xen');
    expect(comments.ok && comments.name).toBe(`xen/comments/${address.pageKey}`);
  });

  it.each(['Projects ~ (2024)!', "O'Brien's *ideas*", 'Ünïcødé/sub page', '100% sure?#&=', '~~~'])(
    'keeps a title with awkward characters apart and reversible: %s',
    (title) => {
      const key = pageKey('http://127.0.0.1:8080', title);
      expect(PageKeySchema.safeParse(key).success).toBe(true);
      expect(key.split('~')).toHaveLength(2);
      expect(readPageKey(key)).toEqual({ origin: 'http://127.0.0.1:8080', title });
    },
  );

  it('two wikis with the same page title never share a document', () => {
    const a = serverAddress(docName('drafts', { wiki, page: 'Ideas' }), 'xen');
    const b = serverAddress(docName('drafts', { wiki: 'https://wiki.example.org', page: 'Ideas' }), 'xen');
    expect(a.ok && b.ok && a.name !== b.name).toBe(true);
  });

  it('refuses names that are not ours, titles too long to sync, and unusable spaces', () => {
    expect(serverAddress('something else', 'xen')).toMatchObject({ ok: false });
    expect(serverAddress(docName('drafts', { wiki, page: 'ä'.repeat(300) }), 'xen')).toEqual({
      ok: false,
      reason: 'This page’s name is too long to be synced.',
    });
    expect(serverAddress(docName('drafts', { wiki, page: 'Ideas' }), 'bad/space')).toMatchObject({
      ok: false,
    });
  });
});

const frame = (doc: string) => new FrameWriter().string(doc);
const update = (doc: string) =>
  frame(doc)
    .varUint(MessageType.sync)
    .varUint(SyncStep.update)
    .bytes(new Uint8Array([0, 0]))
    .done();
const step2 = (doc: string) =>
  frame(doc)
    .varUint(MessageType.sync)
    .varUint(SyncStep.step2)
    .bytes(new Uint8Array([0, 0]))
    .done();
const status = (doc: string, applied: boolean) =>
  frame(doc)
    .varUint(MessageType.syncStatus)
    .varUint(applied ? 1 : 0)
    .done();
const head = (bytes: Uint8Array) => {
  const read = readFrameHead(bytes);
  if (!read) throw new Error('unreadable frame');
  return read;
};

describe('frame heads', () => {
  it('reads the document, type, sync step and sync status; anything else is null', () => {
    expect(readFrameHead(update('a/drafts/b'))).toEqual({ documentName: 'a/drafts/b', type: 0, syncStep: 2 });
    expect(readFrameHead(status('d', true))).toEqual({ documentName: 'd', type: 8, applied: true });
    expect(readFrameHead(status('d', false)?.buffer)).toEqual({ documentName: 'd', type: 8, applied: false });
    expect(readFrameHead(frame('d\0session').varUint(MessageType.awareness).done())).toEqual({
      documentName: 'd',
      type: 1,
    });
    expect(readFrameHead('text')).toBeNull();
    expect(readFrameHead(new Uint8Array([5, 65]))).toBeNull();
    expect(readFrameHead(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))).toBeNull();
  });
});

describe('the waiting ledger', () => {
  it('counts offline changes until the handshake that carries them is acknowledged', () => {
    const ledger = new WaitingLedger();
    ledger.changedOffline();
    ledger.changedOffline();
    expect(ledger.waiting).toBe(2);
    ledger.sent(head(update('d')));
    ledger.sent(head(step2('d')));
    expect(ledger.waiting).toBe(3);
    expect(ledger.received(head(status('d', true)))).toBe(true);
    expect(ledger).toMatchObject({ waiting: 2, handshakeDone: false });
    ledger.received(head(status('d', true)));
    expect(ledger).toMatchObject({ waiting: 0, handshakeDone: true });
    expect(ledger.received(head(status('d', true)))).toBe(false);
  });

  it('puts what was in flight back to waiting when the socket closes', () => {
    const ledger = new WaitingLedger();
    ledger.sent(head(step2('d')));
    ledger.received(head(status('d', true)));
    ledger.sent(head(update('d')));
    ledger.sent(head(update('d')));
    ledger.disconnected();
    expect(ledger).toMatchObject({ waiting: 2, handshakeDone: false });
    ledger.sent(head(step2('d')));
    ledger.received(head(status('d', true)));
    expect(ledger.waiting).toBe(0);
  });

  it('keeps a refused write waiting, and counts the refusal', () => {
    const ledger = new WaitingLedger();
    ledger.sent(head(update('d')));
    ledger.received(head(status('d', false)));
    expect(ledger).toMatchObject({ waiting: 1, refused: 1 });
  });
});

describe('status words', () => {
  const base: StatusInput = {
    local: false,
    settingsProblem: null,
    refusal: null,
    phase: 'connected',
    socketProblem: null,
    inStep: true,
    waiting: 0,
  };

  it.each([
    [{ local: true }, 'local', SAVED_LOCALLY],
    [{}, 'synced', SYNCED],
    [{ waiting: 1 }, 'waiting', '1 change waiting'],
    [{ waiting: 4, inStep: false }, 'waiting', '4 changes waiting'],
    [{ inStep: false }, 'connecting', CONNECTING],
    [{ phase: 'offline', waiting: 3 }, 'offline', OFFLINE],
    [{ phase: 'unreachable' }, 'error', UNREACHABLE],
    [{ phase: 'unreachable', socketProblem: 'Too big.' }, 'error', 'Too big.'],
    [{ socketProblem: 'Too big.', inStep: false }, 'error', 'Too big.'],
    [{ refusal: 'Expired.', phase: 'offline' }, 'error', 'Expired.'],
    [{ settingsProblem: 'Bad token.', refusal: 'Expired.' }, 'error', 'Bad token.'],
  ] as const)('%o → %s "%s"', (change, state, text) => {
    expect(syncState({ ...base, ...change })).toEqual({ state, text });
  });

  it('says what the server’s close codes mean', () => {
    expect(closeCodeProblem(1009)).toBe('A change is too large for the sync server.');
    expect(closeCodeProblem(4429)).toContain('Too many connections');
    expect(closeCodeProblem(4400)).toContain('malformed');
    expect(closeCodeProblem(1001)).toBeNull();
    expect(waitingText(1)).toBe('1 change waiting');
    expect(waitingText(12)).toBe('12 changes waiting');
  });
});

describe('presence', () => {
  it('prefers the server-verified name, and drops what is malformed', () => {
    expect(
      readPeer(7, {
        name: 'Mallory',
        colour: '#12ab34',
        entryId: 'r1-e1',
        field: 'Desc',
        verified: { name: 'Ada', role: 'editor' },
      }),
    ).toEqual({
      clientId: 7,
      name: 'Ada',
      verified: true,
      role: 'editor',
      colour: '#12ab34',
      entryId: 'r1-e1',
      field: 'Desc',
    });
    expect(readPeer(8, { name: 'Bob', colour: 'red;background:url(x)', entryId: 5, field: 'Desc' })).toEqual({
      clientId: 8,
      name: 'Bob',
      verified: false,
      role: null,
      colour: '#767676',
      entryId: null,
      field: null,
    });
    expect(readPeer(9, {})).toBeNull();
    expect(readPeer(9, 'Ada')).toBeNull();
    expect(readPeer(9, { name: '\u0007' })).toBeNull();
    expect(readPeer(9, { verified: { name: 'Eve', role: 'admin' }, name: 'Eve' })).toMatchObject({
      verified: false,
      role: null,
    });
  });

  it('lists everyone but ourselves, in client id order', () => {
    const states = new Map<number, unknown>([
      [3, { name: 'C' }],
      [1, { name: 'A' }],
      [2, { name: 'Me' }],
      [4, null],
    ]);
    expect(readPeers(states, 2).map((peer) => peer.name)).toEqual(['A', 'C']);
  });

  it('publishes the latest focus among a device’s panels', () => {
    const board = new FocusBoard();
    expect(board.current()).toBeNull();
    board.set('p1', { entryId: 'e1', field: 'Desc' });
    board.set('p2', { entryId: 'e2', field: null });
    expect(board.current()).toEqual({ entryId: 'e2', field: null });
    board.set('p1', { entryId: 'e1', field: 'Skills' });
    expect(board.current()).toEqual({ entryId: 'e1', field: 'Skills' });
    board.set('p1', null);
    expect(board.current()).toEqual({ entryId: 'e2', field: null });
  });
});

describe('pending documents', () => {
  it('are kept in the settings table across restarts, one entry per document', async () => {
    const factory = new IDBFactory();
    const open = () =>
      new StoredPendingDocs(
        new SettingsStore(new ProjectDeskDb('project-desk', { indexedDB: factory, IDBKeyRange })),
      );
    const first = open();
    await Promise.all([first.mark('a'), first.mark('b'), first.mark('a')]);
    const second = open();
    expect(await second.list()).toEqual(['a', 'b']);
    await second.clear('a');
    expect(await open().list()).toEqual(['b']);
    const memory = new MemoryPendingDocs();
    await memory.mark('x');
    expect(await memory.list()).toEqual(['x']);
  });
});
