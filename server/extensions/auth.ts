import type {
  beforeHandleAwarenessPayload,
  beforeHandleMessagePayload,
  Extension,
  onAuthenticatePayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { frameOf, isEmptyUpdate } from '../frame';
import type { Logger } from '../log';
import { canWrite, parseDocumentName, REFUSAL_MESSAGES, type ServerNotice } from '../protocol';
import { verifyToken } from '../token';
import { Refusal, type SessionContext } from './refusal';

/**
 * Who may open which document, and who may change it. The token's space must be the document's space;
 * a role that may not write a kind of document gets a read-only connection, on which Hocuspocus applies
 * no update. Each refused write is answered with a typed notice, so the client can tell its user why.
 */
export class AuthExtension implements Extension {
  extensionName = 'project-desk-auth';
  priority = 200;

  constructor(
    private readonly secret: string,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async onAuthenticate(payload: onAuthenticatePayload<SessionContext>): Promise<Partial<SessionContext>> {
    const { documentName, token, context, connectionConfig } = payload;
    const refuse = (reason: Refusal['reason'], fields: Record<string, unknown> = {}) => {
      this.logger.warn('auth.refused', {
        reason,
        document: documentName,
        address: context.address,
        ...fields,
      });
      return new Refusal(reason);
    };
    const check = verifyToken(this.secret, token, this.now());
    if (!check.ok) throw refuse(check.reason);
    const { space, role, name } = check.claims;
    const address = parseDocumentName(documentName);
    if (!address) throw refuse('bad-document-name', { name, role });
    if (address.space !== space) throw refuse('wrong-space', { name, role, tokenSpace: space });
    const writable = canWrite(role, address.kind);
    connectionConfig.readOnly = !writable;
    return { space, kind: address.kind, role, name, writable };
  }

  async beforeHandleMessage(payload: beforeHandleMessagePayload<SessionContext>): Promise<void> {
    const { connection, context, document, documentName, update } = payload;
    if (!connection.readOnly) return;
    const frame = frameOf(update);
    if (frame?.type !== 'sync' || frame.step === 'state-vector' || isEmptyUpdate(frame.payload)) return;
    // A client's step 2 holds what it has and we lack; nothing new in it is no write.
    if (frame.step === 'step2' && Y.snapshotContainsUpdate(Y.snapshot(document), frame.payload)) return;
    const notice: ServerNotice = {
      type: 'project-desk/refused',
      code: 'read-only',
      document: documentName,
      role: context.role,
      message: REFUSAL_MESSAGES['read-only'],
    };
    connection.sendStateless(JSON.stringify(notice));
    this.logger.warn('write.refused', {
      reason: 'read-only',
      document: documentName,
      name: context.name,
      role: context.role,
      address: context.address,
    });
  }

  /**
   * Stamps each presence state with the sender's token name and role, so peers can show who is there
   * without trusting what a client says about itself.
   */
  async beforeHandleAwareness(payload: beforeHandleAwarenessPayload<SessionContext>): Promise<void> {
    const { context, states } = payload;
    if (!context?.role) return;
    for (const state of states.values()) {
      if (state && typeof state === 'object') state.verified = { name: context.name, role: context.role };
    }
  }
}
