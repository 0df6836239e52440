import { z } from 'zod';
import { RedisUrlSchema, redactRedisUrl } from './scale/redis-url';
import { SecretSchema } from './secret';

/**
 * The server's configuration: flags win over environment variables, which win over the defaults.
 * Everything is parsed with one zod schema; the first problem found becomes a one-line message that
 * names the flag and the variable, so a bad setting stops start-up before anything listens.
 */

export const DEFAULT_PORT = 1234;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR = '.state/sync';

export const LogLevelSchema = z.enum(['debug', 'info', 'warn', 'error', 'silent']);
export type LogLevel = z.infer<typeof LogLevelSchema>;

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

export const ServerConfigSchema = z.object({
  port: integer(0, 65_535).default(DEFAULT_PORT),
  host: z
    .string()
    .regex(/^[A-Za-z0-9.:_[\]-]{1,253}$/, 'must be a host name or an IP address')
    .default(DEFAULT_HOST),
  dataDir: z.string().min(1, 'must not be empty').default(DEFAULT_DATA_DIR),
  secret: SecretSchema.optional(),
  logLevel: LogLevelSchema.default('info'),
  /** The largest WebSocket message accepted (ws's maxPayload); a bigger one closes its connection. */
  maxMessageBytes: integer(1024, 256 * 2 ** 20).default(8 * 2 ** 20),
  maxConnectionsPerAddress: integer(1, 100_000).default(64),
  maxDocumentsPerSpace: integer(1, 10_000_000).default(10_000),
  /** postgres://… to keep documents in PostgreSQL instead of the SQLite file in the data directory. */
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /**
   * redis:// (or rediss:// for TLS) to share live updates with the other server instances of one
   * deployment (docs/deployment.md). They must share the PostgreSQL database too: an SQLite file is one
   * instance's, and its compaction would drop updates another instance appended.
   */
  redisUrl: RedisUrlSchema.optional(),
});

/** The configuration schema with the rules that tie settings together. */
export const ServerConfigCheckedSchema = ServerConfigSchema.superRefine((config, context) => {
  if (config.redisUrl && !config.databaseUrl)
    context.addIssue({
      code: 'custom',
      path: ['redisUrl'],
      message: `needs ${SETTINGS.databaseUrl.flag} (${SETTINGS.databaseUrl.env}): instances that share Redis must share one PostgreSQL database`,
    });
});
export type ServerConfig = z.infer<typeof ServerConfigSchema>;
type Key = keyof ServerConfig;

/** Each setting's flag and environment variable. */
export const SETTINGS: Record<Key, { flag: string; env: string }> = {
  port: { flag: '--port', env: 'PROJECT_DESK_PORT' },
  host: { flag: '--host', env: 'PROJECT_DESK_HOST' },
  dataDir: { flag: '--data', env: 'PROJECT_DESK_DATA' },
  secret: { flag: '(none: environment only)', env: 'PROJECT_DESK_SECRET' },
  logLevel: { flag: '--log-level', env: 'PROJECT_DESK_LOG_LEVEL' },
  maxMessageBytes: { flag: '--max-message-bytes', env: 'PROJECT_DESK_MAX_MESSAGE_BYTES' },
  maxConnectionsPerAddress: {
    flag: '--max-connections-per-address',
    env: 'PROJECT_DESK_MAX_CONNECTIONS_PER_ADDRESS',
  },
  maxDocumentsPerSpace: { flag: '--max-documents-per-space', env: 'PROJECT_DESK_MAX_DOCUMENTS_PER_SPACE' },
  databaseUrl: { flag: '--database-url', env: 'PROJECT_DESK_DATABASE_URL' },
  redisUrl: { flag: '--redis', env: 'PROJECT_DESK_REDIS_URL' },
};

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; message: string };

/** `flags` are keyed like ServerConfig (the CLI maps `--data` to `dataDir`); empty env values count as unset. */
export function resolveConfig(
  flags: Partial<Record<Key, string>>,
  env: Record<string, string | undefined>,
): ConfigResult {
  const raw: Partial<Record<Key, string>> = {};
  for (const key of Object.keys(SETTINGS) as Key[]) {
    const fromEnv = env[SETTINGS[key].env];
    const value = flags[key] ?? (fromEnv === '' ? undefined : fromEnv);
    if (value !== undefined) raw[key] = value;
  }
  const parsed = ServerConfigCheckedSchema.safeParse(raw);
  if (parsed.success) return { ok: true, config: parsed.data };
  const issue = parsed.error.issues[0]!;
  const key = issue.path[0] as Key;
  const setting = SETTINGS[key];
  const shown =
    key === 'secret'
      ? ''
      : ` (got ${JSON.stringify(key === 'redisUrl' ? redactRedisUrl(raw[key]!) : raw[key])})`;
  const source = flags[key] !== undefined ? setting.flag : setting.env;
  return { ok: false, message: `invalid configuration: ${source} ${issue.message}${shown}` };
}
