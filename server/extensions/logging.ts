import type {
  afterUnloadDocumentPayload,
  connectedPayload,
  Extension,
  onChangePayload,
  onDisconnectPayload,
} from '@hocuspocus/server';
import type { Logger } from '../log';
import type { SessionContext } from './refusal';

/** One log line per document connection, disconnection and unload; each change at debug level. */
export class LoggingExtension implements Extension {
  extensionName = 'project-desk-logging';
  priority = 10;

  constructor(private readonly logger: Logger) {}

  async connected({
    documentName,
    context,
    connectionConfig,
  }: connectedPayload<SessionContext>): Promise<void> {
    this.logger.info('document.connected', {
      document: documentName,
      name: context.name,
      role: context.role,
      readOnly: connectionConfig.readOnly,
      address: context.address,
    });
  }

  async onDisconnect({
    documentName,
    context,
    clientsCount,
  }: onDisconnectPayload<SessionContext>): Promise<void> {
    this.logger.info('document.disconnected', {
      document: documentName,
      name: context.name,
      address: context.address,
      remaining: clientsCount,
    });
  }

  async onChange({ documentName, update, context }: onChangePayload<SessionContext>): Promise<void> {
    this.logger.debug('document.changed', {
      document: documentName,
      bytes: update.length,
      name: context?.name,
    });
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.logger.debug('document.unloaded', { document: documentName });
  }
}
