import { z } from 'zod';

/**
 * The sync server's wire contract, beyond the Yjs/Hocuspocus protocol itself. Pure (zod only, no Node
 * modules) so the extension can import it to name documents and to turn the server's refusals into words.
 *
 * How the server speaks to a client (docs/sync-server.md has the full table):
 * - authentication refused: Hocuspocus "permission denied" with `reason` = a RefusalCode
 *   (HocuspocusProvider emits `authenticationFailed { reason }`);
 * - authenticated: Hocuspocus "authenticated", read-write or read-only
 *   (HocuspocusProvider emits `authenticated { scope }`, scope `read-write` or `readonly`);
 * - a write to a read-only document: refused, the document untouched, and a stateless message whose
 *   payload is a JSON ServerNotice (HocuspocusProvider emits `stateless { payload }`);
 * - a broken or abusive connection: the WebSocket is closed with one of CLOSE_CODES.
 */

export const RoleSchema = z.enum(['editor', 'reviewer', 'viewer']);
export type Role = z.infer<typeof RoleSchema>;

export const DocumentKindSchema = z.enum(['drafts', 'comments']);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

/** An organisation's wiki: letters, digits, dot, dash, underscore; no slash (it separates the name). */
export const SpaceSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'a space is 1–100 letters, digits, ".", "_" or "-"');

/**
 * A page key is opaque to the server: whatever the extension chose, URL-encoded (encodeURIComponent's
 * alphabet), so it can never contain a slash or a control character.
 */
export const PageKeySchema = z
  .string()
  .min(1)
  .max(1024)
  .regex(/^[A-Za-z0-9\-_.!~*'()%]+$/, 'a page key is URL-encoded (encodeURIComponent)')
  .refine((key) => {
    try {
      decodeURIComponent(key);
      return true;
    } catch {
      return false;
    }
  }, 'a page key must be valid URL encoding');

export const DocumentAddressSchema = z.object({
  space: SpaceSchema,
  kind: DocumentKindSchema,
  page: PageKeySchema,
});
export type DocumentAddress = z.infer<typeof DocumentAddressSchema>;

/** `<space>/<kind>/<page>`: the Hocuspocus document name. */
export function documentName(address: DocumentAddress): string {
  const { space, kind, page } = DocumentAddressSchema.parse(address);
  return `${space}/${kind}/${page}`;
}

/** The address a document name stands for, or null when the name is not `<space>/<kind>/<page>`. */
export function parseDocumentName(name: string): DocumentAddress | null {
  const parts = name.split('/');
  if (parts.length !== 3) return null;
  const [space, kind, page] = parts;
  const parsed = DocumentAddressSchema.safeParse({ space, kind, page });
  return parsed.success ? parsed.data : null;
}

/** May this role change documents of this kind? (Everyone who holds a token may read.) */
export function canWrite(role: Role, kind: DocumentKind): boolean {
  if (role === 'editor') return true;
  if (role === 'reviewer') return kind === 'comments';
  return false;
}

/** Why the server refused a connection to a document or a write to it. */
export const RefusalCodeSchema = z.enum([
  'token-missing',
  'token-malformed',
  'token-bad-signature',
  'token-invalid-claims',
  'token-expired',
  'bad-document-name',
  'wrong-space',
  'space-document-limit',
  'read-only',
]);
export type RefusalCode = z.infer<typeof RefusalCodeSchema>;

/** What to tell the user, in words, for each refusal. */
export const REFUSAL_MESSAGES: Record<RefusalCode, string> = {
  'token-missing': 'No access token is set: ask your organisation for one.',
  'token-malformed': 'The access token is not a Project Desk token: copy it again in full.',
  'token-bad-signature': 'The access token was not issued by this server (or it was altered).',
  'token-invalid-claims': 'The access token names no valid space, role or name.',
  'token-expired': 'The access token has expired: ask your organisation for a new one.',
  'bad-document-name': 'The document name is not one this server accepts.',
  'wrong-space': 'The access token is for another wiki space.',
  'space-document-limit': 'This space holds as many documents as the server allows.',
  'read-only': 'Your role may read this document but not change it.',
};

export function refusalMessage(code: string): string {
  const parsed = RefusalCodeSchema.safeParse(code);
  return parsed.success ? REFUSAL_MESSAGES[parsed.data] : `The server refused: ${code}`;
}

/** The JSON payload of the server's stateless messages. */
export const ServerNoticeSchema = z.object({
  type: z.literal('project-desk/refused'),
  code: RefusalCodeSchema,
  document: z.string(),
  role: RoleSchema,
  message: z.string(),
});
export type ServerNotice = z.infer<typeof ServerNoticeSchema>;

/** A stateless payload as a notice, or null when it is something else (other payloads may come later). */
export function parseServerNotice(payload: string): ServerNotice | null {
  try {
    const parsed = ServerNoticeSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * WebSocket close codes the server uses on top of Hocuspocus's own (4401 Unauthorized, 4403 Forbidden,
 * 4408 connection timeout, 4205 reset). 1009 is the WebSocket standard's "message too big".
 */
export const CLOSE_CODES = {
  serverShuttingDown: { code: 1001, reason: 'server-shutting-down' },
  messageTooBig: { code: 1009, reason: 'message-too-big' },
  malformedMessage: { code: 4400, reason: 'malformed-message' },
  tooManyConnections: { code: 4429, reason: 'too-many-connections' },
} as const;
