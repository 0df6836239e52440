import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SYNC_SETTINGS,
  describeToken,
  readSyncSettings,
  readToken,
  type SyncSettings,
  syncTarget,
  TokenPayloadSchema,
  validateSyncSettings,
} from '../../../lib/settings/sync-settings';
import { REFUSAL_MESSAGES } from '../../../server/protocol';
import { mintToken, signClaims, TokenClaimsSchema, verifyToken } from '../../../server/token';

/** The sync options: validation in words, what a token says about itself, and what to connect to. */
const SECRET = 's'.repeat(40);
const NOW = new Date('2025-06-01T12:00:00Z');
const token = (role: 'editor' | 'reviewer' | 'viewer' = 'editor', days = 30, now = NOW) =>
  mintToken(SECRET, { space: 'xen', role, name: 'Ada Lovelace', days }, now);
const settings = (change: Partial<SyncSettings>): SyncSettings => ({
  ...DEFAULT_SYNC_SETTINGS,
  serverUrl: 'wss://sync.example.org',
  token: token(),
  ...change,
});

describe('access tokens, read for display', () => {
  it('say what the server signed, without being trusted', () => {
    const reading = readToken(token('reviewer'), NOW);
    expect(reading).toEqual({
      ok: true,
      info: {
        space: 'xen',
        role: 'reviewer',
        name: 'Ada Lovelace',
        issuedAt: '2025-06-01T12:00:00.000Z',
        expiresAt: '2025-07-01T12:00:00.000Z',
        expired: false,
      },
    });
    if (!reading.ok) return;
    expect(describeToken(reading.info)).toBe('Ada Lovelace, reviewer in space xen, valid until 2025-07-01');
    const later = readToken(token('editor', 1), new Date('2025-06-03T00:00:00Z'));
    expect(later.ok && describeToken(later.info)).toBe(
      'Ada Lovelace, editor in space xen, expired on 2025-06-02',
    );
  });

  it('are read with the same claims the server checks', () => {
    const minted = token();
    const verified = verifyToken(SECRET, minted, NOW);
    const reading = readToken(minted, NOW);
    if (!verified.ok || !reading.ok) throw new Error('unreadable');
    expect(reading.info).toMatchObject({
      space: verified.claims.space,
      role: verified.claims.role,
      name: verified.claims.name,
    });
    // The display schema takes exactly what the server's takes.
    for (const claims of [
      verified.claims,
      { ...verified.claims, role: 'admin' },
      { ...verified.claims, space: 'a/b' },
      { ...verified.claims, name: '' },
      { ...verified.claims, jti: '' },
      { ...verified.claims, exp: 1.5 },
    ])
      expect(TokenPayloadSchema.safeParse(claims).success).toBe(TokenClaimsSchema.safeParse(claims).success);
  });

  it.each([
    ['', REFUSAL_MESSAGES['token-missing']],
    ['abc', REFUSAL_MESSAGES['token-malformed']],
    ['a.b.c', REFUSAL_MESSAGES['token-malformed']],
    ['a.!!.c', REFUSAL_MESSAGES['token-malformed']],
    [
      signClaims(SECRET, { space: 'xen', role: 'root', name: 'A', iat: 1, exp: 2, jti: 'j' }),
      REFUSAL_MESSAGES['token-invalid-claims'],
    ],
    [`x.${Buffer.from([0xff, 0xfe]).toString('base64url')}.y`, REFUSAL_MESSAGES['token-malformed']],
  ])('refuse "%s" in words', (text, message) => {
    expect(readToken(text, NOW)).toEqual({ ok: false, message });
  });
});

describe('validating the sync options', () => {
  it('accepts a wss:// server with a token, and keeps the defaults for the rest', () => {
    const check = validateSyncSettings(settings({ displayName: '  Ada  ' }), NOW);
    expect(check).toMatchObject({
      ok: true,
      warnings: [],
      settings: { displayName: 'Ada', colour: '#3366cc' },
    });
  });

  it.each([
    [
      { serverUrl: 'http://sync.example.org' },
      'serverUrl',
      'The sync server address starts with ws:// or wss://.',
    ],
    [
      { serverUrl: 'sync.example.org' },
      'serverUrl',
      'The sync server address is not a web address (e.g. wss://sync.example.org).',
    ],
    [
      { serverUrl: 'wss://me:pw@sync.example.org' },
      'serverUrl',
      'The sync server address carries no user name or password.',
    ],
    [{ serverUrl: 'wss://sync.example.org/#x' }, 'serverUrl', 'The sync server address has no #fragment.'],
    [{ token: '' }, 'token', 'An access token is needed to use the sync server.'],
    [{ token: 'garbage' }, 'token', REFUSAL_MESSAGES['token-malformed']],
    [{ colour: 'red' }, 'colour', 'a colour is written #rrggbb'],
    [{ displayName: 'x'.repeat(101) }, 'displayName', 'A display name is at most 100 characters.'],
    [{ displayName: 'Ada\u0000' }, 'displayName', 'A display name has no control characters.'],
  ] as const)('%o: %s says why', (change, field, message) => {
    expect(validateSyncSettings(settings(change), NOW)).toMatchObject({
      ok: false,
      problems: [{ field, message }],
    });
  });

  it('warns about an expired token, ws:// beyond this machine, and a token without a server', () => {
    expect(
      validateSyncSettings(settings({ token: token('editor', 1, new Date('2020-01-01')) }), NOW).warnings,
    ).toEqual([REFUSAL_MESSAGES['token-expired']]);
    expect(validateSyncSettings(settings({ serverUrl: 'ws://sync.example.org' }), NOW).warnings[0]).toContain(
      'wss://',
    );
    expect(validateSyncSettings(settings({ serverUrl: 'ws://127.0.0.1:1234' }), NOW).warnings).toEqual([]);
    expect(validateSyncSettings(settings({ serverUrl: '' }), NOW)).toMatchObject({
      ok: true,
      warnings: [expect.stringContaining('No sync server')],
    });
  });

  it('says what is wrong with the token even when the address is wrong too', () => {
    const check = validateSyncSettings(
      settings({ serverUrl: 'sync.example.org', token: 'not-a-token' }),
      NOW,
    );
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problems.map((problem) => [problem.field, problem.message])).toEqual([
      ['serverUrl', expect.stringMatching(/not a web address/)],
      ['token', REFUSAL_MESSAGES['token-malformed']],
    ]);
  });

  it('reads stored settings defensively', () => {
    expect(readSyncSettings(undefined)).toEqual({ settings: DEFAULT_SYNC_SETTINGS, dropped: null });
    const stored = settings({});
    expect(readSyncSettings(stored)).toEqual({ settings: stored, dropped: null });
    const bad = readSyncSettings({ serverUrl: 5 });
    expect(bad.settings).toEqual(DEFAULT_SYNC_SETTINGS);
    expect(bad.dropped).toBeTruthy();
  });
});

describe('what the sync layer connects to', () => {
  it('nothing without a server; the problem in words when the options cannot be used', () => {
    expect(syncTarget(null)).toEqual({ kind: 'none' });
    expect(syncTarget(settings({ serverUrl: ' ' }))).toEqual({ kind: 'none' });
    expect(syncTarget(settings({ token: 'garbage' }), NOW)).toEqual({
      kind: 'problem',
      message: REFUSAL_MESSAGES['token-malformed'],
    });
  });

  it('the server, the token, its claims, and the name to show (the token’s when none is set)', () => {
    const target = syncTarget(settings({}), NOW);
    expect(target).toMatchObject({
      kind: 'server',
      url: 'wss://sync.example.org',
      displayName: 'Ada Lovelace',
      claims: { space: 'xen', role: 'editor' },
    });
    expect(syncTarget(settings({ displayName: 'Ada' }), NOW)).toMatchObject({ displayName: 'Ada' });
  });
});
