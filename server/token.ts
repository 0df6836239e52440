import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { type RefusalCode, RoleSchema, SpaceSchema } from './protocol';

/**
 * Access tokens: JSON Web Tokens signed with HMAC-SHA256 (RFC 7519 with `alg: HS256` only), made and
 * checked with node:crypto. A standard format, so any JWT tool can read one, and no dependency.
 * The header is checked byte for byte against the one we write: no `alg: none`, no key confusion.
 */

export const DisplayNameSchema = z
  .string()
  .trim()
  .min(1, 'a name is required')
  .max(100, 'a name is at most 100 characters')
  .refine((name) => !/\p{Cc}/u.test(name), 'a name has no control characters');

export const TokenClaimsSchema = z.object({
  space: SpaceSchema,
  role: RoleSchema,
  name: DisplayNameSchema,
  /** Issued at and expiry, in seconds since the epoch (JWT's NumericDate). */
  iat: z.number().int().nonnegative(),
  exp: z.number().int().positive(),
  /** A random id, so two tokens minted in the same second differ (and could be revoked one day). */
  jti: z.string().min(1).max(64),
});
export type TokenClaims = z.infer<typeof TokenClaimsSchema>;

export const MintRequestSchema = z.object({
  space: SpaceSchema,
  role: RoleSchema,
  name: DisplayNameSchema,
  /** Lifetime in days; fractions allowed. */
  days: z.number().positive('days must be more than 0').max(3650, 'days is at most 3650'),
});
export type MintRequest = z.infer<typeof MintRequestSchema>;

const HEADER = base64url(Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })));

function base64url(bytes: Buffer): string {
  return bytes.toString('base64url');
}

function sign(secret: string, signingInput: string): Buffer {
  return createHmac('sha256', secret).update(signingInput).digest();
}

/** A signed token for `request`, valid from `now` for `request.days` days. */
export function mintToken(secret: string, request: MintRequest, now: Date = new Date()): string {
  const { space, role, name, days } = MintRequestSchema.parse(request);
  const iat = Math.floor(now.getTime() / 1000);
  const claims: TokenClaims = {
    space,
    role,
    name,
    iat,
    exp: iat + Math.max(1, Math.round(days * 86_400)),
    jti: randomBytes(9).toString('base64url'),
  };
  return signClaims(secret, claims);
}

/** Signs claims as they are (tests use it to make expired or odd tokens with a real signature). */
export function signClaims(secret: string, claims: unknown): string {
  const payload = base64url(Buffer.from(JSON.stringify(claims)));
  const signingInput = `${HEADER}.${payload}`;
  return `${signingInput}.${base64url(sign(secret, signingInput))}`;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: RefusalCode };

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Checks the signature first, then the claims, then the expiry: each failure names its reason. */
export function verifyToken(secret: string, token: string, now: Date = new Date()): TokenCheck {
  if (!token) return { ok: false, reason: 'token-missing' };
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part)))
    return { ok: false, reason: 'token-malformed' };
  const [header, payload, signature] = parts as [string, string, string];
  if (header !== HEADER) return { ok: false, reason: 'token-malformed' };
  const expected = sign(secret, `${header}.${payload}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'token-bad-signature' };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'token-malformed' };
  }
  const claims = TokenClaimsSchema.safeParse(json);
  if (!claims.success) return { ok: false, reason: 'token-invalid-claims' };
  if (claims.data.exp <= Math.floor(now.getTime() / 1000)) return { ok: false, reason: 'token-expired' };
  return { ok: true, claims: claims.data };
}
