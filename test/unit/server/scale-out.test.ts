import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { resolveConfig } from '../../../server/config';
import { parseRedisUrl } from '../../../server/scale/redis-url';
import { openPostgresStore } from '../../../server/store/postgres';
import { mintToken } from '../../../server/token';
import { connectClient, type TestClient } from './support/clients';
import { type Postgres, postgresBin, startPostgres } from './support/postgres';
import { type RedisProcess, redisServerBin, startRedis } from './support/redis';
import {
  fetchHealth,
  type LogRecord,
  runCli,
  type ServerProcess,
  startServer,
  tempDir,
  waitFor,
} from './support/server-process';

describe('scale-out configuration', () => {
  it('reads redis:// and rediss:// URLs, with credentials and a database number', () => {
    expect(parseRedisUrl('redis://127.0.0.1:6380/2')).toEqual({
      host: '127.0.0.1',
      port: 6380,
      db: 2,
      tls: false,
      username: undefined,
      password: undefined,
    });
    expect(parseRedisUrl('rediss://desk:p%40ss@cache.internal')).toMatchObject({
      host: 'cache.internal',
      port: 6379,
      db: 0,
      tls: true,
      username: 'desk',
      password: 'p@ss',
    });
    expect(parseRedisUrl('redis://[::1]:7000')).toMatchObject({ host: '::1', port: 7000 });
  });

  it.each([
    'http://127.0.0.1:6379',
    'redis://127.0.0.1:6379/cache',
    'redis://127.0.0.1:6379/0?timeout=1',
    'redis:///0',
  ])('refuses %s, naming the variable', (url) => {
    const result = resolveConfig({ databaseUrl: 'postgres://db/desk' }, { PROJECT_DESK_REDIS_URL: url });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('PROJECT_DESK_REDIS_URL');
  });

  it('refuses Redis without a shared PostgreSQL database, and never repeats a password', () => {
    const result = resolveConfig({}, { PROJECT_DESK_REDIS_URL: 'redis://:hunter2@127.0.0.1:6379' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('PROJECT_DESK_REDIS_URL');
      expect(result.message).toContain('PROJECT_DESK_DATABASE_URL');
      expect(result.message).not.toContain('hunter2');
    }
    const withDatabase = resolveConfig(
      { databaseUrl: 'postgres://db/desk' },
      { PROJECT_DESK_REDIS_URL: 'redis://127.0.0.1:6379' },
    );
    expect(withDatabase).toMatchObject({ ok: true, config: { redisUrl: 'redis://127.0.0.1:6379' } });
  });
});

/** mulberry32: a seeded PRNG, so a failing run replays exactly. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const textOf = (client: TestClient) => client.doc.getText('desc').toString();
const words = (text: string) => text.split(' ').filter(Boolean);
const pause = () => new Promise((resolve) => setImmediate(resolve));

const redisBin = redisServerBin();
const pgBin = postgresBin();
const missing = redisBin === null || pgBin === null;

// Needs Debian's redis-server and postgresql; CI installs both (scripts/install-system-deps.sh), so there
// a missing one fails instead of skipping.
describe.skipIf(missing && !process.env.CI)(
  'scale-out: instances sharing Redis and PostgreSQL',
  {
    timeout: 240_000,
  },
  () => {
    let postgres: Postgres;
    let redis: RedisProcess;
    const servers = new Map<string, ServerProcess>();
    const clients: TestClient[] = [];
    const dirs: { remove: () => void }[] = [];
    // All instances of one deployment verify tokens with one secret.
    const secret = randomBytes(32).toString('hex');
    const tokenFor = (name: string) => mintToken(secret, { space: 'xen', role: 'editor', name, days: 1 });

    const startInstance = async (label: string, port = 0) => {
      const dir = tempDir();
      dirs.push(dir);
      const server = await startServer({
        dataDir: dir.path,
        args: ['--database-url', postgres.url, '--port', String(port)],
        env: { PROJECT_DESK_SECRET: secret, PROJECT_DESK_REDIS_URL: redis.url },
      });
      servers.set(label, server);
      return server;
    };
    const client = (server: ServerProcess, document: string, name: string) => {
      const connected = connectClient(server.url, document, tokenFor(name));
      clients.push(connected);
      return connected;
    };
    const converged = (group: TestClient[]) =>
      group.every((one) => one.synced() && textOf(one) === textOf(group[0]!));

    beforeAll(async () => {
      if (missing) throw new Error('the scale-out test needs redis-server and postgresql installed');
      postgres = await startPostgres(pgBin!);
      redis = await startRedis(redisBin!);
      await startInstance('A');
      await startInstance('B');
    }, 120_000);

    afterAll(async () => {
      for (const one of clients) one.destroy();
      for (const server of servers.values()) await server.stop();
      await redis?.stop();
      await postgres?.stop();
      for (const dir of dirs) dir.remove();
    }, 120_000);

    it('reports the link to Redis in its health and its start-up line', async () => {
      const a = servers.get('A')!;
      expect(a.logs.find((line) => line.event === 'server.listening')).toMatchObject({
        store: 'postgres',
        scaleOut: 'redis',
      });
      expect((await fetchHealth(a.port)).body).toMatchObject({ ok: true, redis: 'ready' });
    });

    it('does not start when Redis does not answer, and says so', async () => {
      const dir = tempDir();
      dirs.push(dir);
      const run = await runCli(['--port', '0', '--data', dir.path, '--database-url', postgres.url], {
        PROJECT_DESK_SECRET: secret,
        PROJECT_DESK_REDIS_URL: 'redis://127.0.0.1:1',
      });
      expect(run.code).toBe(1);
      const failed = run.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as LogRecord)
        .find((line) => line.event === 'server.failed');
      expect(failed?.error).toMatchObject({
        message: expect.stringContaining('Redis at redis://127.0.0.1:1 refused or is unreachable'),
      });
    });

    it('converges clients on different instances that edit one document concurrently', async () => {
      const [a, b] = [servers.get('A')!, servers.get('B')!];
      const group = [
        client(a, 'xen/drafts/Concurrent', 'Ada'),
        client(a, 'xen/drafts/Concurrent', 'Ari'),
        client(b, 'xen/drafts/Concurrent', 'Bea'),
        client(b, 'xen/drafts/Concurrent', 'Bo'),
      ];
      await waitFor(() => group.every((one) => one.synced()), 'all four clients synced');
      const next = random(6);
      const typed: string[] = [];
      for (let round = 0; round < 40; round++) {
        for (const [index, one] of group.entries()) {
          const text = one.doc.getText('desc');
          const word = `w${index}x${round} `;
          typed.push(word.trim());
          // At a word boundary, so that words typed at once never split each other.
          const boundaries = [
            0,
            ...[...text.toString()].flatMap((char, at) => (char === ' ' ? [at + 1] : [])),
          ];
          text.insert(boundaries[Math.floor(next() * boundaries.length)]!, word);
          one.doc.getMap('fields').set('Difficulty', `set by ${index} in ${round}`);
        }
        if (next() < 0.3) await pause();
      }
      await waitFor(() => converged(group), 'the four replicas to converge', 60_000);
      expect(words(textOf(group[0]!)).sort()).toEqual([...typed].sort());
      const difficulty = group.map((one) => one.doc.getMap('fields').get('Difficulty'));
      expect(new Set(difficulty).size).toBe(1);
    });

    it('shows a client on one instance the edits and presence of a client on another, live', async () => {
      const a = client(servers.get('A')!, 'xen/drafts/Live', 'Ada');
      const b = client(servers.get('B')!, 'xen/drafts/Live', 'Bea');
      await waitFor(() => a.synced() && b.synced(), 'both synced');
      for (let turn = 0; turn < 10; turn++) {
        b.doc.getText('desc').insert(0, `b${turn} `);
        await waitFor(() => textOf(a).includes(`b${turn} `), `B's edit ${turn} on A`);
        a.doc.getText('desc').insert(0, `a${turn} `);
        await waitFor(() => textOf(b).includes(`a${turn} `), `A's edit ${turn} on B`);
      }
      b.provider.setAwarenessField('editing', { entry: 'e1', field: 'Desc' });
      const seenOnA = () =>
        [...a.provider.awareness!.getStates().values()].find((state) => state.editing?.field === 'Desc');
      await waitFor(() => seenOnA() !== undefined, "B's presence on A");
      // Stamped by instance B from Bea's token, and passed through A unchanged.
      expect(seenOnA()?.verified).toEqual({ name: 'Bea', role: 'editor' });
    });

    it('loses nothing when an instance is killed mid-editing and restarted on its port', async () => {
      let b = servers.get('B')!;
      const onA = client(servers.get('A')!, 'xen/drafts/Restart', 'Ada');
      const onB = client(b, 'xen/drafts/Restart', 'Bea');
      await waitFor(() => onA.synced() && onB.synced(), 'both synced');
      const typed: string[] = [];
      const type = (one: TestClient, word: string) => {
        one.doc.getText('desc').insert(one.doc.getText('desc').length, `${word} `);
        typed.push(word);
      };
      for (let i = 0; i < 20; i++) {
        type(onA, `a${i}`);
        type(onB, `b${i}`);
        if (i % 5 === 4) await pause();
      }
      b.child.kill('SIGKILL');
      await b.exited;
      // Both keep typing while B is gone: A's client reaches A; B's client keeps its words until B is back.
      for (let i = 20; i < 30; i++) {
        type(onA, `a${i}`);
        type(onB, `b${i}`);
      }
      await waitFor(() => onA.synced(), "A's client synced while B is down");
      b = await startInstance('B', b.port);
      await waitFor(() => converged([onA, onB]), 'both replicas to converge after the restart', 60_000);
      expect(words(textOf(onA)).sort()).toEqual([...typed].sort());

      const readers = [
        client(servers.get('A')!, 'xen/drafts/Restart', 'Ari'),
        client(b, 'xen/drafts/Restart', 'Bo'),
      ];
      await waitFor(
        () => readers.every((one) => one.synced() && textOf(one) === textOf(onA)),
        'fresh readers',
      );
      const store = await openPostgresStore(postgres.url);
      const stored = new Y.Doc();
      Y.applyUpdate(stored, Y.mergeUpdates((await store.load('xen/drafts/Restart'))!.chunks));
      await store.close();
      expect(stored.getText('desc').toString()).toBe(textOf(onA));
    });

    it('lives through a Redis outage: what each side wrote meanwhile meets when Redis is back', async () => {
      const [a, b] = [servers.get('A')!, servers.get('B')!];
      const onA = client(a, 'xen/drafts/Outage', 'Ada');
      const onB = client(b, 'xen/drafts/Outage', 'Bea');
      await waitFor(() => onA.synced() && onB.synced(), 'both synced');
      onA.doc.getText('desc').insert(0, 'before ');
      await waitFor(() => textOf(onB) === 'before ', 'the first word on B');

      await redis.kill();
      await waitFor(() => a.logs.some((line) => line.event === 'redis.lost'), 'A noticing the outage');
      expect((await fetchHealth(a.port)).body).toMatchObject({ ok: true, redis: 'reconnecting' });
      onA.doc.getText('desc').insert(onA.doc.getText('desc').length, 'fromA ');
      onB.doc.getText('desc').insert(0, 'fromB ');
      // Each instance stores and acknowledges its own client's word while Redis is away.
      await waitFor(() => onA.synced() && onB.synced(), 'both acknowledged by their own instance');
      expect(textOf(onB)).not.toContain('fromA');
      // An outage long enough that ioredis gives up the publications it held back (after its 20 retries):
      // what the instances missed can now only come from their resync.
      const gaveUp = (server: ServerProcess) =>
        server.logs.some(
          (line) => line.event === 'library.console' && String(line.message).includes('failed to publish'),
        );
      await waitFor(() => gaveUp(a) && gaveUp(b), 'both instances giving up their held publications', 90_000);

      await redis.restart();
      // No further edit: the instances catch each other up by themselves once they are reconnected.
      await waitFor(() => converged([onA, onB]) && textOf(onA).includes('fromA'), 'convergence', 60_000);
      expect(words(textOf(onA)).sort()).toEqual(['before', 'fromA', 'fromB']);
      for (const server of [a, b])
        expect(server.logs.some((line) => line.event === 'redis.resynced')).toBe(true);
      expect((await fetchHealth(b.port)).body).toMatchObject({ redis: 'ready' });
    });
  },
);
