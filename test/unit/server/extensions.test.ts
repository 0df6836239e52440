import type {
  afterHandleMessagePayload,
  beforeHandleMessagePayload,
  onAuthenticatePayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AuthExtension } from '../../../server/extensions/auth';
import { PersistenceExtension } from '../../../server/extensions/persistence';
import { Refusal } from '../../../server/extensions/refusal';
import { createLogger } from '../../../server/log';
import { canWrite, documentName, parseDocumentName } from '../../../server/protocol';
import { openSqliteStore } from '../../../server/store/sqlite';
import type { DocumentStore } from '../../../server/store/types';
import { mintToken } from '../../../server/token';
import { updateFrame } from './support/clients';
import { tempDir } from './support/server-process';

const quiet = createLogger('silent');
const SECRET = 'k'.repeat(43);

describe('document names', () => {
  it('round-trips <space>/<kind>/<page> and refuses anything else', () => {
    const name = documentName({
      space: 'xen',
      kind: 'comments',
      page: encodeURIComponent('Archived/2014 GSoC|x'),
    });
    expect(name).toBe('xen/comments/Archived%2F2014%20GSoC%7Cx');
    expect(parseDocumentName(name)).toEqual({
      space: 'xen',
      kind: 'comments',
      page: 'Archived%2F2014%20GSoC%7Cx',
    });
    for (const bad of [
      'xen/drafts',
      'xen/notes/p',
      'xen/drafts/a/b',
      '/drafts/p',
      'xen/drafts/%zz',
      'x y/drafts/p',
    ])
      expect(parseDocumentName(bad), bad).toBeNull();
  });

  it('gives write access by role and kind', () => {
    expect([canWrite('editor', 'drafts'), canWrite('editor', 'comments')]).toEqual([true, true]);
    expect([canWrite('reviewer', 'drafts'), canWrite('reviewer', 'comments')]).toEqual([false, true]);
    expect([canWrite('viewer', 'drafts'), canWrite('viewer', 'comments')]).toEqual([false, false]);
  });
});

describe('AuthExtension alone', () => {
  const auth = new AuthExtension(SECRET, quiet);
  const attempt = async (name: string, token: string) => {
    const connectionConfig = { readOnly: false, isAuthenticated: false };
    const payload = { documentName: name, token, context: { address: '127.0.0.1' }, connectionConfig };
    const context = await auth.onAuthenticate(payload as unknown as onAuthenticatePayload);
    return { context, readOnly: connectionConfig.readOnly };
  };

  it.each([
    ['editor', 'drafts', false],
    ['editor', 'comments', false],
    ['reviewer', 'drafts', true],
    ['reviewer', 'comments', false],
    ['viewer', 'drafts', true],
    ['viewer', 'comments', true],
  ] as const)('%s on %s: read-only %s', async (role, kind, readOnly) => {
    const token = mintToken(SECRET, { space: 'xen', role, name: 'N', days: 1 });
    const result = await attempt(`xen/${kind}/P`, token);
    expect(result.readOnly).toBe(readOnly);
    expect(result.context).toMatchObject({ space: 'xen', kind, role, name: 'N', writable: !readOnly });
  });

  it('throws a Refusal that carries its reason', async () => {
    const token = mintToken(SECRET, { space: 'xen', role: 'editor', name: 'N', days: 1 });
    const error = await attempt('elsewhere/drafts/P', token).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Refusal);
    expect((error as Refusal).reason).toBe('wrong-space');
    // Empty on purpose: Hocuspocus would console.error a message; our log line says it instead.
    expect((error as Refusal).message).toBe('');
  });
});

describe('PersistenceExtension alone', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const step of cleanups.splice(0).reverse()) await step();
  }, 120_000);
  function setUp(): { store: DocumentStore; persistence: PersistenceExtension } {
    const dir = tempDir();
    const store = openSqliteStore(dir.path);
    cleanups.push(dir.remove, () => store.close());
    return { store, persistence: new PersistenceExtension(store, quiet) };
  }
  const NAME = 'xen/drafts/P';
  const connection = { readOnly: false };

  it('appends before a message is handled, and compaction keeps what is not applied yet', async () => {
    const { store, persistence } = setUp();
    const serverDoc = new Y.Doc();
    await persistence.onLoadDocument({
      documentName: NAME,
      document: serverDoc,
    } as unknown as onLoadDocumentPayload);
    const client = new Y.Doc();
    const updates: Uint8Array[] = [];
    client.on('update', (update: Uint8Array) => updates.push(update));
    client.getText('desc').insert(0, 'applied ');
    client.getText('desc').insert(8, 'pending');
    const frames = updates.map((update) => updateFrame(NAME, update));
    const message = (frame: Uint8Array) => ({ documentName: NAME, update: frame, connection });

    // The first frame goes all the way through; the second is appended but not yet applied.
    await persistence.beforeHandleMessage(message(frames[0]!) as unknown as beforeHandleMessagePayload);
    Y.applyUpdate(serverDoc, updates[0]!);
    await persistence.afterHandleMessage(message(frames[0]!) as unknown as afterHandleMessagePayload);
    await persistence.beforeHandleMessage(message(frames[1]!) as unknown as beforeHandleMessagePayload);
    await persistence.onStoreDocument({
      documentName: NAME,
      document: serverDoc,
    } as unknown as onStoreDocumentPayload);

    const stored = await store.load(NAME);
    expect(stored?.chunks).toHaveLength(2);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, Y.mergeUpdates(stored!.chunks));
    expect(reloaded.getText('desc').toString()).toBe('applied pending');

    Y.applyUpdate(serverDoc, updates[1]!);
    await persistence.afterHandleMessage(message(frames[1]!) as unknown as afterHandleMessagePayload);
    await persistence.onStoreDocument({
      documentName: NAME,
      document: serverDoc,
    } as unknown as onStoreDocumentPayload);
    expect((await store.load(NAME))?.chunks).toHaveLength(1);
  });

  it('appends nothing from a read-only connection', async () => {
    const { store, persistence } = setUp();
    const client = new Y.Doc();
    client.getText('desc').insert(0, 'no');
    const frame = updateFrame(NAME, Y.encodeStateAsUpdate(client));
    await persistence.beforeHandleMessage({
      documentName: NAME,
      update: frame,
      connection: { readOnly: true },
    } as unknown as beforeHandleMessagePayload);
    expect(await store.load(NAME)).toBeNull();
  });

  it('loads the stored state and tail into the document, then compacts them', async () => {
    const { store, persistence } = setUp();
    const client = new Y.Doc();
    const updates: Uint8Array[] = [];
    client.on('update', (update: Uint8Array) => updates.push(update));
    for (const word of ['one ', 'two ', 'three'])
      client.getText('desc').insert(client.getText('desc').length, word);
    for (const update of updates) await store.append(NAME, 'xen', update);
    const serverDoc = new Y.Doc();
    await persistence.onLoadDocument({
      documentName: NAME,
      document: serverDoc,
    } as unknown as onLoadDocumentPayload);
    expect(serverDoc.getText('desc').toString()).toBe('one two three');
    await persistence.flushAll(new Map([[NAME, serverDoc]]) as never);
    expect((await store.load(NAME))?.chunks).toHaveLength(1);
  });
});
