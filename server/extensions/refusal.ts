import type { DocumentKind, RefusalCode, Role } from '../protocol';

/**
 * Thrown from onAuthenticate to refuse a document: Hocuspocus sends `reason` to the client in its
 * "permission denied" message. The message is left empty on purpose: Hocuspocus logs an error's
 * message with console.error, and our own log line already says what happened.
 */
export class Refusal extends Error {
  constructor(readonly reason: RefusalCode) {
    super('');
    this.name = 'Refusal';
  }
}

/** What every connection to a document carries once authenticated (Hocuspocus's `context`). */
export interface SessionContext {
  /** Remote address of the socket, set before authentication. */
  address: string;
  space: string;
  kind: DocumentKind;
  role: Role;
  /** The display name the token was minted for. */
  name: string;
  writable: boolean;
}
