import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../server/config';
import { verifyToken } from '../../../server/token';
import { runCli, startServer, tempDir } from './support/server-process';

describe('configuration', () => {
  it('uses the embedded defaults', () => {
    expect(resolveConfig({}, {})).toEqual({
      ok: true,
      config: expect.objectContaining({
        port: 1234,
        host: '127.0.0.1',
        dataDir: '.state/sync',
        logLevel: 'info',
      }),
    });
  });

  it('takes the environment, and flags over it', () => {
    const env = { PROJECT_DESK_PORT: '4000', PROJECT_DESK_DATA: '/srv/desk', PROJECT_DESK_LOG_LEVEL: 'warn' };
    const result = resolveConfig({ port: '5000' }, env);
    expect(result).toMatchObject({
      ok: true,
      config: { port: 5000, dataDir: '/srv/desk', logLevel: 'warn' },
    });
  });

  it.each([
    [{ port: 'abc' }, {}, '--port'],
    [{}, { PROJECT_DESK_PORT: '70000' }, 'PROJECT_DESK_PORT'],
    [{ logLevel: 'loud' }, {}, '--log-level'],
    [{ maxMessageBytes: '10' }, {}, '--max-message-bytes'],
    [{ databaseUrl: 'mysql://x' }, {}, '--database-url'],
    [{ host: 'bad host' }, {}, '--host'],
  ])('names the setting that is wrong (%j %j)', (flags, env, named) => {
    const result = resolveConfig(flags, env);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain(named);
      expect(result.message).not.toContain('\n');
    }
  });

  it('never repeats the secret in its message', () => {
    const result = resolveConfig({}, { PROJECT_DESK_SECRET: 'hunter2' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('PROJECT_DESK_SECRET');
      expect(result.message).not.toContain('hunter2');
    }
  });
});

describe('command line', { timeout: 60_000 }, () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('mints a token alone on one line, with a secret file of mode 0600', async () => {
    const data = path.join(dir.path, 'fresh');
    const run = await runCli([
      'token',
      '--data',
      data,
      '--space',
      'xen',
      '--role',
      'reviewer',
      '--name',
      'Lars K',
      '--days',
      '30',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const secretFile = path.join(data, 'secret');
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    const check = verifyToken(readFileSync(secretFile, 'utf8').trim(), run.stdout.trim());
    expect(check).toMatchObject({ ok: true, claims: { space: 'xen', role: 'reviewer', name: 'Lars K' } });
  });

  it('signs with PROJECT_DESK_SECRET when it is set, and writes no secret file', async () => {
    const data = path.join(dir.path, 'env-secret');
    const secret = 'e'.repeat(40);
    const run = await runCli(
      ['token', '--data', data, '--space', 'xen', '--role', 'viewer', '--name', 'V', '--days', '1'],
      {
        PROJECT_DESK_SECRET: secret,
      },
    );
    expect(run.code).toBe(0);
    expect(verifyToken(secret, run.stdout.trim()).ok).toBe(true);
    expect(existsSync(path.join(data, 'secret'))).toBe(false);
  });

  it.each([
    [['token', '--space', 'xen', '--name', 'A', '--days', '1'], '--role'],
    [['token', '--space', 'xen', '--role', 'owner', '--name', 'A', '--days', '1'], '--role'],
    [['token', '--space', 'xen', '--role', 'editor', '--name', 'A', '--days', '0'], '--days'],
    [['token', '--space', 'a/b', '--role', 'editor', '--name', 'A', '--days', '1'], '--space'],
    [['--port', 'abc'], '--port'],
    [['--bogus'], 'bogus'],
    [['--port', '1', 'extra'], 'extra'],
    [['--log-level', 'loud'], '--log-level'],
  ])('refuses %j with one line and exit code 2', async (args, named) => {
    const run = await runCli([...args, '--data', dir.path]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(named);
    expect(run.stdout).toBe('');
  });

  it.each([
    [{ PROJECT_DESK_PORT: '99999' }, 'PROJECT_DESK_PORT'],
    [{ PROJECT_DESK_SECRET: 'short' }, 'PROJECT_DESK_SECRET'],
    [{ PROJECT_DESK_MAX_CONNECTIONS_PER_ADDRESS: '0' }, 'PROJECT_DESK_MAX_CONNECTIONS_PER_ADDRESS'],
  ])('refuses a bad environment %j with exit code 2', async (env, named) => {
    const run = await runCli(['--data', dir.path], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(named);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('takes its limits from the environment', async () => {
    const server = await startServer({
      dataDir: path.join(dir.path, 'env'),
      env: { PROJECT_DESK_MAX_DOCUMENTS_PER_SPACE: '7', PROJECT_DESK_MAX_MESSAGE_BYTES: '65536' },
    });
    const listening = server.logs.find((line) => line.event === 'server.listening');
    expect(listening).toMatchObject({ maxDocumentsPerSpace: 7, maxMessageBytes: 65_536, host: '127.0.0.1' });
    expect(await server.stop()).toBe(0);
  });

  it('prints its usage on --help', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('project-desk-server token');
  });
});
