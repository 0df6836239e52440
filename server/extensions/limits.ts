import type { afterUnloadDocumentPayload, Extension, onAuthenticatePayload } from '@hocuspocus/server';
import type { Logger } from '../log';
import { parseDocumentName } from '../protocol';
import type { DocumentStore } from '../store/types';
import { Refusal } from './refusal';

/**
 * At most `maxDocuments` documents per space. A space's names are read from the store once and then
 * kept here; a name is counted from the moment a connection to it is admitted, so two clients opening
 * new documents at the same instant cannot both squeeze past the limit. A document that was opened but
 * never written stops counting when it is unloaded.
 */
export class SpaceLimitsExtension implements Extension {
  extensionName = 'project-desk-space-limits';
  // After AuthExtension (200): only an authenticated client's document is counted.
  priority = 150;

  private readonly spaces = new Map<string, Promise<Set<string>>>();

  constructor(
    private readonly store: DocumentStore,
    private readonly maxDocuments: number,
    private readonly logger: Logger,
  ) {}

  async onAuthenticate({ documentName }: onAuthenticatePayload): Promise<void> {
    const address = parseDocumentName(documentName);
    if (!address) return;
    const names = await this.namesOf(address.space);
    if (names.has(documentName)) return;
    if (names.size >= this.maxDocuments) {
      this.logger.warn('limit.documents', {
        space: address.space,
        document: documentName,
        max: this.maxDocuments,
      });
      throw new Refusal('space-document-limit');
    }
    names.add(documentName);
  }

  async afterUnloadDocument({ documentName, instance }: afterUnloadDocumentPayload): Promise<void> {
    const address = parseDocumentName(documentName);
    const names = address && (await this.spaces.get(address.space));
    if (!names) return;
    const inUse = instance.documents.has(documentName) || instance.loadingDocuments.has(documentName);
    if (!inUse && !(await this.store.has(documentName))) names.delete(documentName);
  }

  private namesOf(space: string): Promise<Set<string>> {
    let names = this.spaces.get(space);
    if (!names) {
      names = this.store.listNames(space).then((list) => new Set(list));
      // A failed read is not cached: the next connection tries again.
      names.catch(() => this.spaces.delete(space));
      this.spaces.set(space, names);
    }
    return names;
  }
}
