import { z } from 'zod';

/**
 * The Redis address of a scaled-out deployment: `redis://[user[:password]@]host[:port][/db]`, or
 * `rediss://…` for TLS. Anything else (a query string, a path that is not a database number) is refused
 * rather than silently ignored.
 */

export const DEFAULT_REDIS_PORT = 6379;

export const RedisAddressSchema = z.object({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65_535),
  username: z.string().optional(),
  password: z.string().optional(),
  db: z.number().int().min(0),
  tls: z.boolean(),
});
export type RedisAddress = z.infer<typeof RedisAddressSchema>;

function decoded(part: string): string | undefined {
  return part === '' ? undefined : decodeURIComponent(part);
}

/** The address a Redis URL names, or null when it is not one. */
export function parseRedisUrl(text: string): RedisAddress | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') return null;
  if (url.search || url.hash || !/^(\/(\d+)?)?$/.test(url.pathname)) return null;
  const parsed = RedisAddressSchema.safeParse({
    // An IPv6 host comes back in brackets ([::1]); the socket wants it bare.
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : DEFAULT_REDIS_PORT,
    username: decoded(url.username),
    password: decoded(url.password),
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:',
  });
  return parsed.success ? parsed.data : null;
}

export const RedisUrlSchema = z
  .string()
  .refine(
    (text) => parseRedisUrl(text) !== null,
    'must be a redis:// or rediss:// URL: redis://[user:password@]host[:port][/db]',
  );

/** The URL with its password masked, for logs and error messages. */
export function redactRedisUrl(text: string): string {
  try {
    const url = new URL(text);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(not a URL)';
  }
}
