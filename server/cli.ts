import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR, DEFAULT_HOST, DEFAULT_PORT, resolveConfig, type ServerConfig } from './config';
import { createLogger, routeConsoleToLogger } from './log';
import { ensureDataDir, loadOrCreateSecret, SecretSchema } from './secret';
import { openStore } from './store/open';
import { startSyncServer } from './sync-server';
import { MintRequestSchema, mintToken } from './token';

/**
 * `project-desk-server [--port N] [--data DIR] [--host H] …` serves; `project-desk-server token …`
 * mints an access token. Exit codes: 0 done, 1 failed while running, 2 bad command line or configuration.
 */

export const USAGE = `Usage:
  project-desk-server [--port N] [--data DIR] [--host HOST] [--log-level debug|info|warn|error|silent]
                      [--max-message-bytes N] [--max-connections-per-address N]
                      [--max-documents-per-space N] [--database-url postgres://…] [--redis redis://…]
  project-desk-server token --data DIR --space S --role editor|reviewer|viewer --name NAME --days D

Defaults: --port ${DEFAULT_PORT}, --host ${DEFAULT_HOST}, --data ${DEFAULT_DATA_DIR}.
Every flag has an environment variable (PROJECT_DESK_PORT, PROJECT_DESK_DATA, …; docs/sync-server.md);
the token signing secret is PROJECT_DESK_SECRET, or the file "secret" in the data directory.`;

export interface CliIo {
  env: Record<string, string | undefined>;
  out: (text: string) => void;
  err: (text: string) => void;
  /** Resolves when the process is asked to stop (SIGTERM/SIGINT in the real process). */
  stopSignal: Promise<string>;
}

function usageError(io: CliIo, message: string): number {
  io.err(`project-desk-server: ${message}\n`);
  return 2;
}

const SERVE_FLAGS = {
  port: 'port',
  host: 'host',
  data: 'dataDir',
  'log-level': 'logLevel',
  'max-message-bytes': 'maxMessageBytes',
  'max-connections-per-address': 'maxConnectionsPerAddress',
  'max-documents-per-space': 'maxDocumentsPerSpace',
  'database-url': 'databaseUrl',
  redis: 'redisUrl',
} as const satisfies Record<string, keyof ServerConfig>;

/** Every flag takes a value except --help; an unknown flag or a stray word throws. */
function parse(
  args: string[],
  names: readonly string[],
): { values: Record<string, string | boolean | undefined> } {
  const options = Object.fromEntries(names.map((name) => [name, { type: 'string' as const }]));
  const { values } = parseArgs({
    args,
    options: { ...options, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  return { values: values as Record<string, string | boolean | undefined> };
}

async function serve(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, Object.keys(SERVE_FLAGS));
  if (values.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  const flags: Partial<Record<keyof ServerConfig, string>> = {};
  for (const [flag, key] of Object.entries(SERVE_FLAGS)) {
    const value = values[flag];
    if (typeof value === 'string') flags[key] = value;
  }
  const resolved = resolveConfig(flags, io.env);
  if (!resolved.ok) return usageError(io, resolved.message);
  const { config } = resolved;
  const logger = createLogger(config.logLevel, io.out);
  routeConsoleToLogger(logger);
  try {
    ensureDataDir(config.dataDir);
    const secret = loadOrCreateSecret(config.dataDir, config.secret);
    const store = await openStore(config);
    const server = await startSyncServer({
      config,
      secret,
      store,
      logger,
      describe: {
        dataDir: config.dataDir,
        store: config.databaseUrl ? 'postgres' : 'sqlite',
        maxMessageBytes: config.maxMessageBytes,
        maxConnectionsPerAddress: config.maxConnectionsPerAddress,
        maxDocumentsPerSpace: config.maxDocumentsPerSpace,
      },
    });
    const signal = await io.stopSignal;
    logger.info('server.signal', { signal });
    await server.stop();
    return 0;
  } catch (error) {
    logger.error('server.failed', { error });
    return 1;
  }
}

function token(args: string[], io: CliIo): number {
  const { values } = parse(args, ['data', 'space', 'role', 'name', 'days']);
  if (values.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  for (const required of ['space', 'role', 'name', 'days'] as const) {
    if (values[required] === undefined) return usageError(io, `token: --${required} is required`);
  }
  const request = MintRequestSchema.safeParse({
    space: values.space,
    role: values.role,
    name: values.name,
    days: Number(values.days),
  });
  if (!request.success) {
    const issue = request.error.issues[0]!;
    return usageError(io, `token: --${String(issue.path[0])} ${issue.message}`);
  }
  const dataDir = (values.data as string | undefined) ?? (io.env.PROJECT_DESK_DATA || DEFAULT_DATA_DIR);
  const fromEnv = io.env.PROJECT_DESK_SECRET || undefined;
  const envSecret = SecretSchema.optional().safeParse(fromEnv);
  if (!envSecret.success)
    return usageError(io, `token: PROJECT_DESK_SECRET ${envSecret.error.issues[0]!.message}`);
  let secret: string;
  try {
    secret = loadOrCreateSecret(dataDir, envSecret.data);
  } catch (error) {
    return usageError(io, `token: cannot read or make the secret in ${dataDir}: ${(error as Error).message}`);
  }
  io.out(`${mintToken(secret, request.data)}\n`);
  return 0;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    if (argv[0] === 'token') return token(argv.slice(1), io);
    return await serve(argv[0] === 'serve' ? argv.slice(1) : argv, io);
  } catch (error) {
    // parseArgs: unknown flag, missing value, stray argument.
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
}

/** The real process: stdout/stderr, the environment, and SIGTERM/SIGINT as the stop signal. */
export function processIo(): CliIo {
  return {
    env: process.env,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    stopSignal: new Promise((resolve) => {
      let received = false;
      const onSignal = (signal: string) => {
        // A second signal while flushing: stop waiting (every acknowledged change is already stored).
        if (received) process.exit(1);
        received = true;
        resolve(signal);
      };
      process.on('SIGTERM', onSignal);
      process.on('SIGINT', onSignal);
    }),
  };
}
