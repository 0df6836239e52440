import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseServerNotice, REFUSAL_MESSAGES } from '../../../server/protocol';
import { mintToken, signClaims } from '../../../server/token';
import { connectClient, type TestClient } from './support/clients';
import { fetchHealth, type ServerProcess, startServer, tempDir, waitFor } from './support/server-process';

// Real server processes on 127.0.0.1 (port 0: the OS picks a free one), real SQLite files in temp dirs.
describe('sync server: convergence, tokens and roles', { timeout: 120_000 }, () => {
  const dir = tempDir();
  let server: ServerProcess;
  let secret: string;
  const clients: TestClient[] = [];
  const token = (role: 'editor' | 'reviewer' | 'viewer', name = `A ${role}`, space = 'xen') =>
    mintToken(secret, { space, role, name, days: 1 });
  const tokensUsed: string[] = [];
  const client = (name: string, tokenText: string) => {
    tokensUsed.push(tokenText);
    const made = connectClient(server.url, name, tokenText);
    clients.push(made);
    return made;
  };

  beforeAll(async () => {
    server = await startServer({ dataDir: dir.path });
    secret = readFileSync(path.join(dir.path, 'secret'), 'utf8').trim();
  }, 120_000);
  afterAll(async () => {
    for (const made of clients) made.destroy();
    await server?.stop();
    dir.remove();
  }, 120_000);

  it('makes two editors converge on one document', async () => {
    const a = client('xen/drafts/Main_Page', token('editor', 'Ada'));
    const b = client('xen/drafts/Main_Page', token('editor', 'Bob'));
    await waitFor(() => a.synced() && b.synced(), 'both clients synced');
    a.doc.getText('desc').insert(0, 'Lazy restore ');
    b.doc.getMap('fields').set('Difficulty', 'Medium');
    b.doc.getText('desc').insert(0, 'using memory paging ');
    const same = () => Y.encodeStateVector(a.doc).toString() === Y.encodeStateVector(b.doc).toString();
    await waitFor(() => same() && a.synced() && b.synced(), 'convergence');
    expect(a.doc.getText('desc').toString()).toBe(b.doc.getText('desc').toString());
    expect(a.doc.getText('desc').toString()).toContain('Lazy restore');
    expect(a.doc.getText('desc').toString()).toContain('using memory paging');
    expect(a.doc.getMap('fields').get('Difficulty')).toBe('Medium');
    expect(a.events.scope).toBe('read-write');
  });

  it.each([
    [
      'a forged signature',
      () => mintToken('x'.repeat(40), { space: 'xen', role: 'editor', name: 'Eve', days: 1 }),
      'token-bad-signature',
    ],
    ['an altered payload', () => tamper(token('viewer')), 'token-bad-signature'],
    ['an expired token', () => expired(secret), 'token-expired'],
    ['a token for another space', () => token('editor', 'Ada', 'other-wiki'), 'wrong-space'],
    [
      'a role that does not exist',
      () => signClaims(secret, { ...claims(), role: 'admin' }),
      'token-invalid-claims',
    ],
    ['no token at all', () => '', 'token-missing'],
    ['garbage', () => 'not.a.token!', 'token-malformed'],
  ])('refuses %s with a clear reason', async (_label, makeToken, reason) => {
    const refused = client('xen/drafts/Main_Page', makeToken());
    await waitFor(() => refused.events.failure !== undefined, 'the refusal');
    expect(refused.events.failure).toBe(reason);
    expect(REFUSAL_MESSAGES[reason as keyof typeof REFUSAL_MESSAGES]).toBeTruthy();
    expect(refused.provider.isAuthenticated).toBe(false);
  });

  it('refuses a document name that is not <space>/<kind>/<page>', async () => {
    const refused = client('xen/notes/Main_Page', token('editor'));
    await waitFor(() => refused.events.failure !== undefined, 'the refusal');
    expect(refused.events.failure).toBe('bad-document-name');
  });

  it.each([
    ['a viewer', 'viewer'],
    ['a reviewer', 'reviewer'],
  ] as const)(
    'refuses %s writing a drafts document, tells why, and leaves it unchanged',
    async (_label, role) => {
      const name = `xen/drafts/Roles_${role}`;
      const editor = client(name, token('editor', 'Ada'));
      await waitFor(() => editor.synced(), 'editor synced');
      editor.doc.getText('desc').insert(0, 'original');
      await waitFor(() => editor.synced(), 'editor write acknowledged');

      const reader = client(name, token(role, 'Rita'));
      await waitFor(
        () => reader.synced() && reader.doc.getText('desc').toString() === 'original',
        'reader has the doc',
      );
      expect(reader.events.scope).toBe('readonly');
      reader.doc.getText('desc').insert(0, 'vandalised ');
      await waitFor(() => reader.events.notices.length > 0, 'the refusal notice');
      const notice = parseServerNotice(reader.events.notices[0]!);
      expect(notice).toMatchObject({ type: 'project-desk/refused', code: 'read-only', document: name, role });
      expect(reader.provider.unsyncedChanges).toBeGreaterThan(0);

      // The editor keeps writing; a fresh client sees the editor's text and nothing of the refused write.
      editor.doc.getText('desc').insert(8, ' text');
      await waitFor(() => editor.synced(), 'editor write acknowledged');
      const fresh = client(name, token('viewer', 'Val'));
      await waitFor(() => fresh.synced() && fresh.doc.getText('desc').length > 0, 'fresh client loaded');
      expect(fresh.doc.getText('desc').toString()).toBe('original text');
      expect(editor.doc.getText('desc').toString()).toBe('original text');
    },
  );

  it('lets a reviewer write comments, and refuses a viewer', async () => {
    const name = 'xen/comments/Main_Page';
    const reviewer = client(name, token('reviewer', 'Rita'));
    await waitFor(() => reviewer.synced(), 'reviewer synced');
    expect(reviewer.events.scope).toBe('read-write');
    reviewer.doc.getArray('threads').push(['Needs a mentor']);
    await waitFor(() => reviewer.synced(), 'comment acknowledged');

    const viewer = client(name, token('viewer', 'Val'));
    await waitFor(
      () => viewer.synced() && viewer.doc.getArray('threads').length === 1,
      'viewer reads comments',
    );
    viewer.doc.getArray('threads').push(['spam']);
    await waitFor(() => viewer.events.notices.length > 0, 'the refusal notice');
    expect(parseServerNotice(viewer.events.notices[0]!)?.code).toBe('read-only');
    reviewer.doc.getArray('threads').push(['Second remark']);
    await waitFor(
      () => reviewer.synced() && viewer.doc.getArray('threads').length === 3,
      'viewer sees the remark',
    );
    expect(reviewer.doc.getArray('threads').toArray()).toEqual(['Needs a mentor', 'Second remark']);
  });

  it('answers GET /health with its counts', async () => {
    const { status, body } = await fetchHealth(server.port);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, version: expect.any(String) });
    expect(body.uptime).toEqual(expect.any(Number));
    expect(body.documents).toBeGreaterThan(0);
    expect(body.connections).toBeGreaterThan(0);
    const missing = await fetch(`http://127.0.0.1:${server.port}/nothing`);
    expect(missing.status).toBe(404);
  });

  it('logs one JSON object per line, and never a token', async () => {
    const lines = server.logs;
    expect(lines.some((line) => line.event === 'document.connected' && line.name === 'Ada')).toBe(true);
    expect(lines.some((line) => line.event === 'auth.refused' && line.reason === 'token-expired')).toBe(true);
    const everything = JSON.stringify(lines);
    const signatures = tokensUsed
      .map((used) => used.split('.')[2])
      .filter((part) => part && part.length > 20);
    expect(signatures.length).toBeGreaterThan(5);
    for (const signature of signatures) expect(everything).not.toContain(signature);
  });

  function claims() {
    const now = Math.floor(Date.now() / 1000);
    return { space: 'xen', role: 'editor', name: 'Ada', iat: now, exp: now + 3600, jti: 'test' };
  }

  function expired(key: string) {
    const now = Math.floor(Date.now() / 1000);
    return signClaims(key, { ...claims(), iat: now - 7200, exp: now - 3600 });
  }
});

/** Swaps the payload for another one (a viewer making itself an editor) and keeps the old signature. */
function tamper(token: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  const forged = Buffer.from(JSON.stringify({ ...claims, role: 'editor' })).toString('base64url');
  return [header, forged, signature].join('.');
}
