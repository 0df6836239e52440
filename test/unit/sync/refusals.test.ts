import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { commentsDocName, pageDocName } from '../../../lib/collab/doc-names';
import { entriesMap } from '../../../lib/collab/page-doc';
import { seedEntry } from '../../../lib/collab/seed';
import { setField } from '../../../lib/collab/set-field';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import { testConnection } from '../../../lib/settings/sync-settings';
import { serverAddress } from '../../../lib/sync/doc-address';
import { SAVED_LOCALLY, SYNCED, UNREACHABLE } from '../../../lib/sync/status';
import type { WebSocketClass } from '../../../lib/sync/sync-socket';
import { REFUSAL_MESSAGES } from '../../../server/protocol';
import { mintToken, signClaims } from '../../../server/token';
import { entryInput, SEED_PAGE } from '../collab/page-fixture';
import { stateOf } from '../drafts/hub-fixture';
import { type ServerProcess, startServer, tempDir, waitFor } from '../server/support/server-process';
import { Device, editorToken, serverSecret, serverState, settingsFor } from './support/devices';

/**
 * Tokens the server refuses, roles that may only read, and servers that are not there: each ends as
 * the right words in the status region (and in `Test connection`), and no document is changed.
 */
const Polyfill = WebSocket as unknown as WebSocketClass;
let counter = 0;
function freshPage() {
  counter += 1;
  const page = { ...SEED_PAGE, page: `GSoC 2014 refusals ${counter}` };
  return { page, doc: pageDocName(page), input: { ...entryInput(1), page } };
}

/** A port on 127.0.0.1 that nothing listens on (taken, then given back). */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('sync manager: refusals and read-only roles', { timeout: 120_000 }, () => {
  const dir = tempDir();
  let server: ServerProcess;
  const cleanup: (() => unknown)[] = [];
  const expiredToken = () =>
    mintToken(
      serverSecret(dir.path),
      { space: 'xen', role: 'editor', name: 'Old', days: 1 },
      new Date(Date.now() - 3 * 86_400_000),
    );
  const forgedToken = () => mintToken('x'.repeat(40), { space: 'xen', role: 'editor', name: 'Eve', days: 1 });

  beforeAll(async () => {
    server = await startServer({ dataDir: dir.path });
  });
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });
  afterAll(async () => {
    await server.stop();
    dir.remove();
  });

  function device(name: string, token: string, url = server.url): Device {
    const device = new Device(name, settingsFor(url, token));
    cleanup.push(() => device.stop());
    return device;
  }

  it.each([
    ['forged', forgedToken, REFUSAL_MESSAGES['token-bad-signature']],
    ['expired', expiredToken, REFUSAL_MESSAGES['token-expired']],
  ])(
    'a %s token: the status says why, in words, and seeding may go on locally',
    async (_kind, token, words) => {
      const { doc } = freshPage();
      const eve = device('Eve', token());
      await eve.manager.open(doc);
      await eve.waitForText(doc, words);
      expect(eve.manager.status(doc).state).toBe('error');
    },
  );

  it('a token that cannot be read is said at once, without a connection', async () => {
    const { doc } = freshPage();
    const eve = device('Eve', 'not-a-token');
    await eve.manager.open(doc);
    expect(eve.text(doc)).toBe(REFUSAL_MESSAGES['token-malformed']);
  });

  it('a signed token with invalid claims is refused in words, before any connection', async () => {
    const { doc } = freshPage();
    const now = Math.floor(Date.now() / 1000);
    // Signed by the server's secret, but without a token id: the server would refuse it too.
    const odd = signClaims(serverSecret(dir.path), {
      space: 'xen',
      role: 'editor',
      name: 'Ann',
      iat: now,
      exp: now + 99,
      jti: '',
    });
    const eve = device('Eve', odd);
    await eve.manager.open(doc);
    expect(eve.text(doc)).toBe(REFUSAL_MESSAGES['token-invalid-claims']);
  });

  it('no server configured: Saved on this device, and editing allowed', async () => {
    const { doc } = freshPage();
    const solo = new Device('Solo', null);
    cleanup.push(() => solo.stop());
    await solo.manager.open(doc);
    expect(solo.manager.status(doc)).toEqual({
      doc,
      state: 'local',
      text: SAVED_LOCALLY,
      waiting: 0,
      canWrite: true,
    });
  });

  it('new options apply to open documents: local, then a server, then a fixed token, then none', async () => {
    const { doc } = freshPage();
    const ada = new Device('Ada', null);
    cleanup.push(() => ada.stop());
    await ada.manager.open(doc);
    expect(ada.text(doc)).toBe(SAVED_LOCALLY);
    ada.manager.configure(settingsFor(server.url, forgedToken()));
    await ada.waitForText(doc, REFUSAL_MESSAGES['token-bad-signature']);
    ada.manager.configure(settingsFor(server.url, editorToken(dir.path, 'Ada')));
    await ada.waitForText(doc, SYNCED);
    ada.manager.configure(null);
    await ada.waitForText(doc, SAVED_LOCALLY);
    expect(ada.manager.openDocs()).toEqual([]);
  });

  it('a server that is not there: the status says so, and seeding is not held up', async () => {
    const { doc } = freshPage();
    const ada = device('Ada', editorToken(dir.path, 'Ada'), `ws://127.0.0.1:${await closedPort()}`);
    await ada.manager.open(doc);
    await ada.waitForText(doc, UNREACHABLE);
  });

  it('a reviewer reads drafts but may not write them: canWrite is false, and a write is refused in words', async () => {
    const { doc, input } = freshPage();
    const ada = device('Ada', editorToken(dir.path, 'Ada'));
    await ada.manager.open(doc);
    let entryId = '';
    await ada.hub.edit(doc, (edited) => {
      entryId = seedEntry(edited, input);
    });
    await ada.waitForText(doc, SYNCED);
    const rita = device('Rita', editorToken(dir.path, 'Rita', 'reviewer'));
    expect(rita.manager.canWrite(doc)).toBe(false);
    await rita.manager.open(doc);
    await rita.waitForText(doc, SYNCED);
    expect(rita.manager.status(doc).canWrite).toBe(false);
    expect(entriesMap(await rita.hubDoc(doc)).has(entryId)).toBe(true);
    // A panel that ignored canWrite: the change stays on Rita's device, the server refuses it.
    await rita.hub.edit(doc, (edited) => setField(edited, entryId, 'Difficulty', 'Impossible', XEN_PROFILE));
    await rita.waitForText(doc, REFUSAL_MESSAGES['read-only']);
    expect(rita.manager.status(doc).waiting).toBeGreaterThan(0);
    const address = serverAddress(doc, 'xen');
    if (!address.ok) throw new Error(address.reason);
    const onServer = await serverState(server.url, address.name, editorToken(dir.path, 'Reader'));
    expect(stateOf(onServer)).toBe(stateOf(await ada.hubDoc(doc)));
    expect(JSON.stringify(stateOf(onServer))).not.toContain('Impossible');
  });

  it('a reviewer may write comments; a viewer may write neither', async () => {
    const comments = commentsDocName(freshPage().page);
    const rita = device('Rita', editorToken(dir.path, 'Rita', 'reviewer'));
    const vic = device('Vic', editorToken(dir.path, 'Vic', 'viewer'));
    expect(rita.manager.canWrite(comments)).toBe(true);
    expect(vic.manager.canWrite(comments)).toBe(false);
    expect(vic.manager.canWrite(pageDocName(SEED_PAGE))).toBe(false);
    await rita.manager.open(comments);
    await vic.manager.open(comments);
    await rita.hub.edit(comments, (edited) => edited.getMap('threads').set('t1', 'a remark'));
    await rita.waitForText(comments, SYNCED);
    await waitFor(() => vic.manager.status(comments).state === 'synced', 'the viewer reads it');
    expect((await vic.hubDoc(comments)).getMap('threads').get('t1')).toBe('a remark');
    expect(vic.manager.status(comments).canWrite).toBe(false);
  });
});

describe('Test connection', { timeout: 60_000 }, () => {
  const dir = tempDir();
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ dataDir: dir.path });
  });
  afterAll(async () => {
    await server.stop();
    dir.remove();
  });
  const options = { WebSocketPolyfill: Polyfill, timeoutMs: 20_000 };

  it('says who you are connected as, and what your role may do', async () => {
    const editor = await testConnection(settingsFor(server.url, editorToken(dir.path, 'Ada')), options);
    expect(editor).toEqual({
      ok: true,
      scope: 'read-write',
      message: `Connected to ${server.url} as Ada (editor) in space xen.`,
    });
    const reviewer = await testConnection(
      settingsFor(server.url, editorToken(dir.path, 'Rita', 'reviewer')),
      options,
    );
    expect(reviewer).toMatchObject({ ok: true, scope: 'readonly' });
    expect(reviewer.message).toContain('drafts are read-only for your role');
  });

  it('says why not: forged, expired, unreachable, not a token, no server', async () => {
    const forged = mintToken('y'.repeat(40), { space: 'xen', role: 'editor', name: 'Eve', days: 1 });
    expect(await testConnection(settingsFor(server.url, forged), options)).toEqual({
      ok: false,
      message: REFUSAL_MESSAGES['token-bad-signature'],
    });
    const expired = mintToken(
      serverSecret(dir.path),
      { space: 'xen', role: 'editor', name: 'Old', days: 1 },
      new Date(2020, 0, 1),
    );
    expect((await testConnection(settingsFor(server.url, expired), options)).message).toBe(
      REFUSAL_MESSAGES['token-expired'],
    );
    const url = `ws://127.0.0.1:${await closedPort()}`;
    expect(await testConnection(settingsFor(url, editorToken(dir.path, 'Ada')), options)).toEqual({
      ok: false,
      message: `The sync server at ${url} cannot be reached.`,
    });
    expect((await testConnection(settingsFor(server.url, 'garbage'), options)).message).toBe(
      REFUSAL_MESSAGES['token-malformed'],
    );
    expect((await testConnection(settingsFor('', ''), options)).ok).toBe(false);
    expect((await testConnection(settingsFor('http://127.0.0.1:1', 'x'), options)).message).toContain(
      'ws://',
    );
  });
});
