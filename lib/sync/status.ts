import { z } from 'zod';
import { CLOSE_CODES } from '../../server/protocol';

/**
 * The sync state of one page document, and the words the panel's `role=status` region shows for it
 * (DESIGN §6): `Synced`, `N changes waiting`, `Offline`, the error in words, or `Saved on this device`
 * when no sync server is configured. `Connecting…` covers the moment between opening a document and
 * the server's first answer, when none of the others is true yet.
 */
export const SyncStateSchema = z.enum(['local', 'connecting', 'synced', 'waiting', 'offline', 'error']);
export type SyncState = z.infer<typeof SyncStateSchema>;

export const PageSyncStatusSchema = z.object({
  /** The local document name (lib/collab/doc-names.ts). */
  doc: z.string(),
  state: SyncStateSchema,
  /** Exactly what the status region shows. */
  text: z.string(),
  /** Local changes the server has not acknowledged as stored (also while offline or failing). */
  waiting: z.number().int().nonnegative(),
  /** Whether local edits may be made: false for a read-only role (a reviewer's drafts, a viewer). */
  canWrite: z.boolean(),
});
export type PageSyncStatus = z.infer<typeof PageSyncStatusSchema>;

export const SAVED_LOCALLY = 'Saved on this device';
export const SYNCED = 'Synced';
export const OFFLINE = 'Offline';
export const CONNECTING = 'Connecting…';
export const UNREACHABLE = 'The sync server cannot be reached.';

export const waitingText = (count: number): string => `${count} change${count === 1 ? '' : 's'} waiting`;

/** What a closed socket's code means for the user, when it means more than "reconnecting". */
export function closeCodeProblem(code: number | undefined): string | null {
  switch (code) {
    case CLOSE_CODES.messageTooBig.code:
      return 'A change is too large for the sync server.';
    case CLOSE_CODES.malformedMessage.code:
      return 'The sync server refused a malformed message (a Project Desk bug): reconnecting.';
    case CLOSE_CODES.tooManyConnections.code:
      return 'Too many connections to the sync server from this address: trying again shortly.';
    default:
      return null;
  }
}

/** Where the connection to the server stands (connection-watch.ts). */
export type SocketPhase = 'connecting' | 'connected' | 'offline' | 'unreachable';

/** Everything the status of one page depends on. */
export interface StatusInput {
  /** No server configured: drafts stay on this device. */
  local: boolean;
  /** The settings cannot be used (a malformed token, say), in words. */
  settingsProblem: string | null;
  /** The server refused this document (authentication), or a write to it, in words. */
  refusal: string | null;
  phase: SocketPhase;
  /** A closed socket's problem in words (closeCodeProblem), until the next acknowledged handshake. */
  socketProblem: string | null;
  /** Authenticated, holding the server's state, and our handshake acknowledged. */
  inStep: boolean;
  waiting: number;
}

export function syncState(input: StatusInput): { state: SyncState; text: string } {
  if (input.local) return { state: 'local', text: SAVED_LOCALLY };
  const error = input.settingsProblem ?? input.refusal;
  if (error) return { state: 'error', text: error };
  if (input.phase === 'offline') return { state: 'offline', text: OFFLINE };
  if (input.phase === 'unreachable') return { state: 'error', text: input.socketProblem ?? UNREACHABLE };
  if (input.socketProblem && !input.inStep) return { state: 'error', text: input.socketProblem };
  if (input.waiting > 0) return { state: 'waiting', text: waitingText(input.waiting) };
  if (input.phase === 'connected' && input.inStep) return { state: 'synced', text: SYNCED };
  return { state: 'connecting', text: CONNECTING };
}
