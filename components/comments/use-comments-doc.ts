import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { type OpenCommentsResult, openComments } from '../../lib/comments/protocol';
import { DRAFTS_PORT_NAME } from '../../lib/drafts/messages';
import { fromRuntimePort } from '../../lib/drafts/port';
import { DraftReplica } from '../../lib/drafts/replica';
import type { PageView } from '../../lib/mediawiki/page-view';
import { request } from '../../lib/messaging/client';
import { keepConnected } from '../../lib/panel/keep-connected';

export interface CommentsSession {
  opened: OpenCommentsResult;
  replica: DraftReplica;
}

export type CommentsState =
  | { phase: 'opening' }
  | { phase: 'failed'; reason: string }
  | { phase: 'ready'; session: CommentsSession };

/**
 * The page's comments document as a replica of the background's (the same hub and port the editor
 * panel's drafts use): what the background says about the page first, then the replica, synced.
 */
export function useCommentsDoc(wiki: string, view: PageView, wikiUser: string | null): CommentsState {
  const [state, setState] = useState<CommentsState>({ phase: 'opening' });
  const key = JSON.stringify([wiki, view, wikiUser]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for wiki, view and user
  useEffect(() => {
    let cancelled = false;
    let stop = () => {};
    const open = async () => {
      const opened = await request(openComments, { wiki, view, wikiUser });
      const replica = new DraftReplica(opened.docName);
      const disconnect = keepConnected(replica, {
        connect: () => fromRuntimePort(browser.runtime.connect({ name: DRAFTS_PORT_NAME })),
        onConnectError: (error) => console.warn('Project Desk: could not reach the background', error),
      });
      stop = () => {
        disconnect();
        replica.destroy();
      };
      if (cancelled) return stop();
      await replica.whenSynced;
      if (!cancelled) setState({ phase: 'ready', session: { opened, replica } });
    };
    open().catch((error: unknown) => {
      if (!cancelled)
        setState({ phase: 'failed', reason: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      cancelled = true;
      stop();
    };
  }, [key]);
  return state;
}

/** A number that changes with every change of the document, to re-read it. */
export function useDocVersion(replica: DraftReplica | null): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!replica) return;
    const bump = () => setVersion((value) => value + 1);
    replica.doc.on('update', bump);
    return () => replica.doc.off('update', bump);
  }, [replica]);
  return version;
}
