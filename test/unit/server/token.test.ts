import { describe, expect, it } from 'vitest';
import { mintToken, signClaims, verifyToken } from '../../../server/token';

const SECRET = 's'.repeat(43);
const NOW = new Date('2026-03-01T12:00:00Z');

describe('access tokens', () => {
  it('round-trips space, role and name, valid for the days asked', () => {
    const token = mintToken(SECRET, { space: 'xen', role: 'reviewer', name: 'Lars Kurth', days: 30 }, NOW);
    const check = verifyToken(SECRET, token, NOW);
    expect(check).toMatchObject({ ok: true, claims: { space: 'xen', role: 'reviewer', name: 'Lars Kurth' } });
    if (!check.ok) return;
    expect(check.claims.exp - check.claims.iat).toBe(30 * 86_400);
    expect(token.split('.')).toHaveLength(3);
  });

  it('gives each token its own id', () => {
    const request = { space: 'xen', role: 'editor', name: 'Ada', days: 1 } as const;
    expect(mintToken(SECRET, request, NOW)).not.toBe(mintToken(SECRET, request, NOW));
  });

  it('refuses a token signed with another secret', () => {
    const token = mintToken('o'.repeat(43), { space: 'xen', role: 'editor', name: 'Eve', days: 1 }, NOW);
    expect(verifyToken(SECRET, token, NOW)).toEqual({ ok: false, reason: 'token-bad-signature' });
  });

  it('refuses a payload changed after signing', () => {
    const token = mintToken(SECRET, { space: 'xen', role: 'viewer', name: 'Val', days: 1 }, NOW);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'editor' })).toString('base64url');
    expect(verifyToken(SECRET, `${header}.${forged}.${signature}`, NOW).ok).toBe(false);
    expect(verifyToken(SECRET, `${header}.${forged}.${signature}`, NOW)).toMatchObject({
      reason: 'token-bad-signature',
    });
  });

  it('refuses an unsigned token (alg none) and any other header', () => {
    const token = mintToken(SECRET, { space: 'xen', role: 'editor', name: 'Ada', days: 1 }, NOW);
    const [, payload] = token.split('.') as [string, string];
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(verifyToken(SECRET, `${none}.${payload}.`, NOW)).toEqual({ ok: false, reason: 'token-malformed' });
    expect(verifyToken(SECRET, `${none}.${payload}.AAAA`, NOW)).toEqual({
      ok: false,
      reason: 'token-malformed',
    });
  });

  it('refuses an expired token, and accepts it the second before', () => {
    const token = mintToken(SECRET, { space: 'xen', role: 'editor', name: 'Ada', days: 1 }, NOW);
    const justBefore = new Date(NOW.getTime() + 86_400_000 - 1000);
    const atExpiry = new Date(NOW.getTime() + 86_400_000);
    expect(verifyToken(SECRET, token, justBefore).ok).toBe(true);
    expect(verifyToken(SECRET, token, atExpiry)).toEqual({ ok: false, reason: 'token-expired' });
  });

  it('refuses well-signed claims that are not ours', () => {
    const base = { space: 'xen', role: 'editor', name: 'Ada', iat: 1, exp: 4_000_000_000, jti: 'x' };
    for (const claims of [
      { ...base, role: 'admin' },
      { ...base, space: 'a/b' },
      { ...base, name: '' },
      { ...base, exp: 'never' },
      'just a string',
    ]) {
      expect(verifyToken(SECRET, signClaims(SECRET, claims), NOW)).toEqual({
        ok: false,
        reason: 'token-invalid-claims',
      });
    }
  });

  it.each(['', 'abc', 'a.b', 'a.b.c.d', 'a!.b.c', '..'])('refuses %j as missing or malformed', (token) => {
    const check = verifyToken(SECRET, token, NOW);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(['token-missing', 'token-malformed']).toContain(check.reason);
  });

  it('will not mint for a bad request', () => {
    expect(() => mintToken(SECRET, { space: 'xen', role: 'editor', name: 'Ada', days: 0 })).toThrow();
    expect(() => mintToken(SECRET, { space: 'x/y', role: 'editor', name: 'Ada', days: 1 })).toThrow();
    expect(() =>
      mintToken(SECRET, { space: 'xen', role: 'owner' as 'editor', name: 'Ada', days: 1 }),
    ).toThrow();
  });
});
