import { z } from 'zod';
import { parseDocName } from '../collab/doc-names';
import { parseMessage } from '../drafts/messages';
import type { DraftPort } from '../drafts/port';
import { PeerSchema, PresenceFocusSchema } from './presence';
import { PageSyncStatusSchema } from './status';
import type { SyncManager } from './sync-manager';

/**
 * What a panel and the background say about sync over a runtime port of its own (the drafts port's
 * messages belong to the hub): the panel watches the documents it shows and reports its focus; the
 * background pushes each watched document's status, presence and lost overwrites. Both ends parse
 * every message with these schemas.
 */
export const SYNC_PORT_NAME = 'project-desk-sync';

const DocField = z.string().min(1).max(4096);

export const PanelSyncMessageSchema = z.discriminatedUnion('type', [
  /** Start receiving this document's status and presence (the current ones come at once). */
  z.object({ type: z.literal('watch'), doc: DocField }),
  z.object({ type: z.literal('unwatch'), doc: DocField }),
  /** Where this panel's caret is in the document, or null when it left the form. */
  z.object({ type: z.literal('focus'), doc: DocField, focus: PresenceFocusSchema.nullable() }),
]);
export type PanelSyncMessage = z.infer<typeof PanelSyncMessageSchema>;

export const BackgroundSyncMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), status: PageSyncStatusSchema }),
  z.object({ type: z.literal('presence'), doc: DocField, peers: z.array(PeerSchema) }),
  z.object({
    type: z.literal('lostOverwrite'),
    doc: DocField,
    entryId: z.string(),
    param: z.string(),
    ours: z.string(),
    theirs: z.string(),
  }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type BackgroundSyncMessage = z.infer<typeof BackgroundSyncMessageSchema>;

/**
 * Serves one panel's sync port until it disconnects. `source` names the panel (unique per port), so
 * that its focus is its own: when it goes, its focus goes, and other panels' stays.
 */
export function serveSyncPort(manager: SyncManager, port: DraftPort, source: string): void {
  const watched = new Set<string>();
  let ended = false;
  const post = (message: BackgroundSyncMessage) => {
    if (ended) return;
    try {
      port.postMessage(message);
    } catch {
      end();
    }
  };
  const stops = [
    manager.on('status', (status) => {
      if (watched.has(status.doc)) post({ type: 'status', status });
    }),
    manager.on('presence', ({ doc, peers }) => {
      if (watched.has(doc)) post({ type: 'presence', doc, peers });
    }),
    manager.on('lostOverwrite', (lost) => {
      if (watched.has(lost.doc)) post({ type: 'lostOverwrite', ...lost });
    }),
  ];
  const end = () => {
    if (ended) return;
    ended = true;
    for (const stop of stops) stop();
    for (const doc of watched) manager.setFocus(doc, source, null);
    watched.clear();
  };
  port.onDisconnect(end);
  port.onMessage((raw) => {
    const parsed = parseMessage(PanelSyncMessageSchema, raw);
    if (!parsed.ok) {
      post({ type: 'error', message: parsed.reason });
      return;
    }
    const message = parsed.message;
    if (parseDocName(message.doc) === null) {
      post({ type: 'error', message: `Refused: "${message.doc}" is not a Project Desk document.` });
    } else if (message.type === 'watch') {
      watched.add(message.doc);
      manager.open(message.doc).catch((error: unknown) => post({ type: 'error', message: String(error) }));
      post({ type: 'status', status: manager.status(message.doc) });
      post({ type: 'presence', doc: message.doc, peers: manager.peers(message.doc) });
    } else if (message.type === 'unwatch') {
      watched.delete(message.doc);
      manager.setFocus(message.doc, source, null);
    } else if (watched.has(message.doc)) {
      manager.setFocus(message.doc, source, message.focus);
    }
  });
}
