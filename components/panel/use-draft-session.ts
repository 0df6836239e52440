import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { pageDocName } from '../../lib/collab/doc-names';
import { entriesMap } from '../../lib/collab/page-doc';
import { DRAFTS_PORT_NAME } from '../../lib/drafts/messages';
import { fromRuntimePort } from '../../lib/drafts/port';
import { DraftReplica } from '../../lib/drafts/replica';
import { request } from '../../lib/messaging/client';
import { keepConnected } from '../../lib/panel/keep-connected';
import type { PanelLink } from '../../lib/panel/panel-link';
import { type OpenDraftResult, openDraft } from '../../lib/panel/protocol';

export interface DraftSession {
  link: PanelLink;
  opened: OpenDraftResult;
  replica: DraftReplica;
}

export type SessionState =
  | { phase: 'opening' }
  | { phase: 'failed'; reason: string }
  | { phase: 'ready'; session: DraftSession };

/** A replica of the page's document, kept connected to the background's hub until `stop`. */
function startReplica(docName: string): { replica: DraftReplica; stop: () => void } {
  const replica = new DraftReplica(docName);
  const disconnect = keepConnected(replica, {
    connect: () => fromRuntimePort(browser.runtime.connect({ name: DRAFTS_PORT_NAME })),
    onConnectError: (error) => console.warn('Project Desk: could not reach the background', error),
  });
  return {
    replica,
    stop: () => {
      disconnect();
      replica.destroy();
    },
  };
}

/** Resolves once the replica holds the entry (the hub's seed may arrive just after the first sync). */
function entryArrived(replica: DraftReplica, entryId: string): Promise<void> {
  const entries = entriesMap(replica.doc);
  if (entries.has(entryId)) return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (!entries.has(entryId)) return;
      entries.unobserve(check);
      resolve();
    };
    entries.observe(check);
  });
}

/**
 * Opens the draft a panel link names: the background finds or seeds it while the replica connects
 * (started at once under the document name the page's title gives; the background's canonical title
 * wins if it differs), then the panel waits for the entry to be in its replica.
 */
export function useDraftSession(link: PanelLink): SessionState {
  const [state, setState] = useState<SessionState>({ phase: 'opening' });
  useEffect(() => {
    let cancelled = false;
    let running = startReplica(pageDocName({ wiki: link.wiki, page: link.view.title }));
    const open = async () => {
      const opened = await request(openDraft, { wiki: link.wiki, view: link.view, target: link.target });
      if (opened.docName !== running.replica.docName) {
        running.stop();
        running = startReplica(opened.docName);
      }
      await running.replica.whenSynced;
      await entryArrived(running.replica, opened.entryId);
      if (!cancelled) setState({ phase: 'ready', session: { link, opened, replica: running.replica } });
    };
    open().catch((error: unknown) => {
      if (!cancelled)
        setState({ phase: 'failed', reason: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      cancelled = true;
      running.stop();
    };
  }, [link]);
  return state;
}
