import { z } from 'zod';
import { Base64Schema } from '../collab/base64';

/**
 * What a replica (the panel) and the hub (the background) say to each other over one runtime port.
 * Both ends parse every message with these schemas. Updates and state vectors travel as base64 text
 * (see lib/collab/base64.ts for why and what it costs).
 *
 * The exchange, per document:
 *   replica → open {stateVector}          hub → sync {update: what the replica lacks, stateVector}
 *   replica → update {seq, update}        hub → ack {seq}  once the update is stored in IndexedDB
 *                                         hub → update     to every other replica of the document
 * After `sync` the replica sends what the hub lacks as one update (its offline edits, or those lost
 * when the service worker stopped), so a reconnect resyncs by state vector in both directions.
 */
export const DRAFTS_PORT_NAME = 'project-desk-drafts';

const DocField = z.string().min(1).max(4096);
const Seq = z.number().int().nonnegative();

export const ReplicaMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('open'), doc: DocField, stateVector: Base64Schema }),
  z.object({ type: z.literal('update'), doc: DocField, seq: Seq, update: Base64Schema }),
  z.object({ type: z.literal('close'), doc: DocField }),
]);
export type ReplicaMessage = z.infer<typeof ReplicaMessageSchema>;

export const HubMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sync'), doc: DocField, update: Base64Schema, stateVector: Base64Schema }),
  z.object({ type: z.literal('update'), doc: DocField, update: Base64Schema }),
  z.object({ type: z.literal('ack'), doc: DocField, seq: Seq }),
  z.object({
    type: z.literal('error'),
    doc: DocField.nullable(),
    seq: Seq.nullable(),
    message: z.string(),
  }),
]);
export type HubMessage = z.infer<typeof HubMessageSchema>;

/** Parses a message, or says what is wrong with it. */
export function parseMessage<T>(
  schema: z.ZodType<T>,
  raw: unknown,
): { ok: true; message: T } | { ok: false; reason: string } {
  const parsed = schema.safeParse(raw);
  return parsed.success
    ? { ok: true, message: parsed.data }
    : { ok: false, reason: `Malformed message: ${z.prettifyError(parsed.error)}` };
}
