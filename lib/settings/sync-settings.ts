import { z } from 'zod';
import { REFUSAL_MESSAGES, RoleSchema, SpaceSchema } from '../../server/protocol';
import { type ConnectionTestOptions, type ConnectionTestResult, probeServer } from '../sync/connection-test';
import { ColourSchema } from '../sync/presence';

/**
 * The sync options (DESIGN §6: `Sync server`, `Access token`, `Display name`, and a colour): their
 * schema, their validation in words, what an access token says about itself, and what the sync
 * layer is to connect to. Pure: testConnection (lib/sync/connection-test.ts) opens the socket.
 */

export const DEFAULT_COLOUR = '#3366cc';

const isLoopback = (host: string) => host === 'localhost' || host === '[::1]' || /^127\./.test(host);

export const SyncSettingsSchema = z.object({
  /** ws:// or wss:// address of the sync server; '' means none (drafts stay on this device). */
  serverUrl: z
    .string()
    .trim()
    .max(2048, 'The sync server address is too long.')
    .superRefine((value, context) => {
      if (value === '') return;
      const problem = serverUrlProblem(value);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    }),
  token: z.string().trim().max(16_384, 'The access token is too long.'),
  /** Shown to collaborators until the server's verified name (from the token) replaces it. */
  displayName: z
    .string()
    .trim()
    .max(100, 'A display name is at most 100 characters.')
    .refine((name) => !/\p{Cc}/u.test(name), 'A display name has no control characters.'),
  colour: ColourSchema,
});
export type SyncSettings = z.infer<typeof SyncSettingsSchema>;

export const DEFAULT_SYNC_SETTINGS: SyncSettings = {
  serverUrl: '',
  token: '',
  displayName: '',
  colour: DEFAULT_COLOUR,
};

function serverUrlProblem(value: string): string | null {
  if (!URL.canParse(value))
    return 'The sync server address is not a web address (e.g. wss://sync.example.org).';
  const url = new URL(value);
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:')
    return 'The sync server address starts with ws:// or wss://.';
  if (url.username || url.password) return 'The sync server address carries no user name or password.';
  if (url.hash) return 'The sync server address has no #fragment.';
  return null;
}

/**
 * The claims of a Project Desk token as the server writes them (server/token.ts TokenClaimsSchema,
 * kept in step by test/unit/sync/sync-settings.test.ts). Read without checking the signature: only
 * the server can do that, so this is for display and for naming documents, never for trust.
 */
export const TokenPayloadSchema = z.object({
  space: SpaceSchema,
  role: RoleSchema,
  name: z.string().trim().min(1).max(100),
  iat: z.number().int().nonnegative(),
  exp: z.number().int().positive(),
  jti: z.string().min(1).max(64),
});

export const TokenInfoSchema = z.object({
  space: z.string(),
  role: RoleSchema,
  name: z.string(),
  issuedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  expired: z.boolean(),
});
export type TokenInfo = z.infer<typeof TokenInfoSchema>;

export type TokenReading = { ok: true; info: TokenInfo } | { ok: false; message: string };

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function decodeBase64Url(part: string): string {
  const base64 = part.replaceAll('-', '+').replaceAll('_', '/');
  const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (char) =>
    char.charCodeAt(0),
  );
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** What a token says about itself (space, role, name, expiry), or why it cannot be read. */
export function readToken(token: string, now: Date = new Date()): TokenReading {
  const trimmed = token.trim();
  if (trimmed === '') return { ok: false, message: REFUSAL_MESSAGES['token-missing'] };
  const parts = trimmed.split('.');
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part)))
    return { ok: false, message: REFUSAL_MESSAGES['token-malformed'] };
  let payload: unknown;
  try {
    payload = JSON.parse(decodeBase64Url(parts[1] ?? ''));
  } catch {
    return { ok: false, message: REFUSAL_MESSAGES['token-malformed'] };
  }
  const claims = TokenPayloadSchema.safeParse(payload);
  if (!claims.success) return { ok: false, message: REFUSAL_MESSAGES['token-invalid-claims'] };
  const { space, role, name, iat, exp } = claims.data;
  return {
    ok: true,
    info: {
      space,
      role,
      name,
      issuedAt: new Date(iat * 1000).toISOString(),
      expiresAt: new Date(exp * 1000).toISOString(),
      expired: exp * 1000 <= now.getTime(),
    },
  };
}

/** One line for the options page, e.g. "Ada, editor in space xen, valid until 2026-03-01". */
export function describeToken(info: TokenInfo): string {
  const date = info.expiresAt.slice(0, 10);
  return `${info.name}, ${info.role} in space ${info.space}, ${info.expired ? 'expired on' : 'valid until'} ${date}`;
}

export interface SettingsProblem {
  field: keyof SyncSettings;
  message: string;
}

export type SettingsCheck =
  | { ok: true; settings: SyncSettings; token: TokenInfo | null; warnings: string[] }
  | { ok: false; problems: SettingsProblem[]; warnings: string[] };

/** Checks what the options form holds; every problem says which field and why. */
export function validateSyncSettings(input: unknown, now: Date = new Date()): SettingsCheck {
  const parsed = SyncSettingsSchema.safeParse(input);
  const problems: SettingsProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        field: String(issue.path[0] ?? 'serverUrl') as keyof SyncSettings,
        message: issue.message,
      }));
  const warnings: string[] = [];
  if (!parsed.success) {
    // Say everything wrong at once: the token is read even when another field is wrong.
    const token = (input as { token?: unknown } | null)?.token;
    if (typeof token === 'string' && token.trim() !== '' && !problems.some((p) => p.field === 'token')) {
      const reading = readToken(token, now);
      if (!reading.ok) problems.push({ field: 'token', message: reading.message });
    }
    return { ok: false, problems, warnings };
  }
  const settings = parsed.data;
  let token: TokenInfo | null = null;
  if (settings.token !== '') {
    const reading = readToken(settings.token, now);
    if (reading.ok) token = reading.info;
    else problems.push({ field: 'token', message: reading.message });
  }
  if (settings.serverUrl !== '' && settings.token === '')
    problems.push({ field: 'token', message: 'An access token is needed to use the sync server.' });
  if (settings.serverUrl === '' && settings.token !== '')
    warnings.push('No sync server is set: the token is kept, and drafts stay on this device.');
  if (token?.expired) warnings.push(REFUSAL_MESSAGES['token-expired']);
  if (settings.serverUrl !== '') {
    const url = new URL(settings.serverUrl);
    if (url.protocol === 'ws:' && !isLoopback(url.hostname))
      warnings.push('ws:// sends the access token unencrypted: use wss:// for a server on another machine.');
  }
  return problems.length > 0 ? { ok: false, problems, warnings } : { ok: true, settings, token, warnings };
}

/** Stored settings read back defensively: anything that does not fit gives the defaults and a reason. */
export function readSyncSettings(raw: unknown): { settings: SyncSettings; dropped: string | null } {
  if (raw === undefined || raw === null) return { settings: DEFAULT_SYNC_SETTINGS, dropped: null };
  const parsed = SyncSettingsSchema.safeParse(raw);
  return parsed.success
    ? { settings: parsed.data, dropped: null }
    : { settings: DEFAULT_SYNC_SETTINGS, dropped: z.prettifyError(parsed.error) };
}

/** What the sync layer connects to: nothing, a server, or settings it cannot use (in words). */
export type SyncTarget =
  | { kind: 'none' }
  | { kind: 'problem'; message: string }
  | {
      kind: 'server';
      url: string;
      token: string;
      /** From the token, unverified: names the documents; the server has the last word on roles. */
      claims: TokenInfo;
      /** For presence: the display name, or the token's name when none is set. */
      displayName: string;
      colour: string;
    };

export function syncTarget(settings: SyncSettings | null, now: Date = new Date()): SyncTarget {
  if (settings === null || settings.serverUrl.trim() === '') return { kind: 'none' };
  const check = validateSyncSettings(settings, now);
  if (!check.ok)
    return { kind: 'problem', message: check.problems.map((problem) => problem.message).join(' ') };
  const claims = check.token;
  if (!claims) return { kind: 'problem', message: REFUSAL_MESSAGES['token-missing'] };
  return {
    kind: 'server',
    url: check.settings.serverUrl,
    token: check.settings.token,
    claims,
    displayName: check.settings.displayName || claims.name,
    colour: check.settings.colour,
  };
}

export type { ConnectionTestOptions, ConnectionTestResult } from '../sync/connection-test';

/**
 * `Test connection`: opens a socket to the server, authenticates with the token, and says in words
 * whether that worked (and with which role) or why not.
 */
export async function testConnection(
  settings: SyncSettings,
  options: ConnectionTestOptions = {},
): Promise<ConnectionTestResult> {
  const target = syncTarget(settings);
  if (target.kind === 'none')
    return { ok: false, message: 'No sync server is set: enter its address first.' };
  if (target.kind === 'problem') return { ok: false, message: target.message };
  return probeServer(target, options);
}
