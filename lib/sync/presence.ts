import { z } from 'zod';
import { RoleSchema } from '../../server/protocol';

/**
 * Presence: who is in which entry and field of a page. Each device publishes one awareness state per
 * page document; the server stamps every state it relays with `verified: {name, role}` from the
 * sender's token. Peers' states are untrusted input: each is parsed, bad parts dropped, and the
 * verified name wins over the name a client claims for itself.
 */
const NameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((name) => !/\p{Cc}/u.test(name));
/** Only `#rrggbb`: a colour goes into a style attribute, so nothing else may pass. */
export const ColourSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb');
const KeySchema = z.string().min(1).max(512);

/** Where the user's caret is: an entry of the page, and a field (parameter) of it or none. */
export const PresenceFocusSchema = z.object({
  entryId: KeySchema,
  field: KeySchema.nullable(),
});
export type PresenceFocus = z.infer<typeof PresenceFocusSchema>;

/** The awareness state this device publishes. */
export const LocalPresenceSchema = z.object({
  name: NameSchema,
  colour: ColourSchema,
  entryId: KeySchema.nullable(),
  field: KeySchema.nullable(),
});
export type LocalPresence = z.infer<typeof LocalPresenceSchema>;

export const PeerSchema = z.object({
  /** The peer's awareness client id (one per device and page). */
  clientId: z.number().int().nonnegative(),
  name: z.string(),
  /** The server vouched for `name` and `role` (they come from the peer's token). */
  verified: z.boolean(),
  role: RoleSchema.nullable(),
  colour: ColourSchema,
  entryId: KeySchema.nullable(),
  field: KeySchema.nullable(),
});
export type Peer = z.infer<typeof PeerSchema>;

const FALLBACK_COLOUR = '#767676';

const VerifiedSchema = z.object({ name: NameSchema, role: RoleSchema });

const field = <T>(schema: z.ZodType<T>, value: unknown): T | null => {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
};

/** One peer from its raw awareness state, or null when it says nothing usable (no name at all). */
export function readPeer(clientId: number, state: unknown): Peer | null {
  if (state === null || typeof state !== 'object') return null;
  const raw = state as Record<string, unknown>;
  const verified = field(VerifiedSchema, raw.verified);
  const name = verified?.name ?? field(NameSchema, raw.name);
  if (name === null) return null;
  const entryId = field(KeySchema, raw.entryId);
  return {
    clientId,
    name,
    verified: verified !== null,
    role: verified?.role ?? null,
    colour: field(ColourSchema, raw.colour) ?? FALLBACK_COLOUR,
    entryId,
    field: entryId === null ? null : field(KeySchema, raw.field),
  };
}

/** Everyone else on the page, in client id order (stable for display). */
export function readPeers(states: ReadonlyMap<number, unknown>, ownClientId: number): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of states) {
    if (clientId === ownClientId) continue;
    const peer = readPeer(clientId, state);
    if (peer) peers.push(peer);
  }
  return peers.sort((a, b) => a.clientId - b.clientId);
}

/**
 * Several panels of this device may show one page; the most recent focus among them is published.
 * Each panel (source) reports its focus, null when it lost it.
 */
export class FocusBoard {
  private readonly bySource = new Map<string, { focus: PresenceFocus; at: number }>();
  private counter = 0;

  set(source: string, focus: PresenceFocus | null): void {
    if (focus === null) this.bySource.delete(source);
    else this.bySource.set(source, { focus, at: ++this.counter });
  }

  current(): PresenceFocus | null {
    let latest: { focus: PresenceFocus; at: number } | null = null;
    for (const entry of this.bySource.values()) if (!latest || entry.at > latest.at) latest = entry;
    return latest?.focus ?? null;
  }
}
