import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DraftReplica } from '../../lib/drafts/replica';
import { request } from '../../lib/messaging/client';
import type { PanelLink } from '../../lib/panel/panel-link';
import {
  type PreparePublishResult,
  preparePublish,
  publishDrafts,
  retryPublish,
} from '../../lib/panel/publish-protocol';
import { whenSaved } from '../../lib/panel/when-saved';
import { resolveConflicts } from '../../lib/publish/plan';
import type { ConflictPick, PublishPlan } from '../../lib/publish/plan-schema';
import type { PublishResult } from '../../lib/publish/publish-result';

/** What the publish dialog publishes: drafts of one page's document (null ids: every open one). */
export interface PublishTarget {
  link: Pick<PanelLink, 'wiki' | 'view'>;
  docName: string;
  entryIds: string[] | null;
  /** The panel's replica, whose last keystrokes must be stored before planning. */
  replica: DraftReplica | null;
}

export type RunState =
  | { kind: 'idle' }
  | { kind: 'publishing' }
  | { kind: 'ended'; result: PublishResult }
  | { kind: 'failed'; reason: string };

const SAVE_WAIT_MS = 3000;
const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Results after which the same publish id is used again (the journal knows it may be pending). */
const KEEPS_ID = new Set<PublishResult['kind']>(['queued', 'unreachable', 'interrupted']);

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/**
 * The publish dialog's state: the plan (asked for once the draft is stored, planned again when the
 * wiki changed meanwhile), the user's conflict decisions, the edit summary, and one publish at a
 * time under an id made once per click (kept while the journal may hold it unsent or unanswered).
 */
export function usePublish(target: PublishTarget) {
  const { link, docName, entryIds, replica } = target;
  const [prepared, setPrepared] = useState<PreparePublishResult | null>(null);
  const [prepareProblem, setPrepareProblem] = useState<string | null>(null);
  const [picks, setPicks] = useState<Record<string, ConflictPick>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [run, setRun] = useState<RunState>({ kind: 'idle' });
  const publishId = useRef<string | null>(null);
  const busy = useRef(false);
  const online = useOnline();
  const idsKey = JSON.stringify(entryIds);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      if (replica) await whenSaved(replica, SAVE_WAIT_MS);
      const answer = await request(preparePublish, {
        wiki: link.wiki,
        view: link.view,
        docName,
        entryIds: JSON.parse(idsKey) as string[] | null,
      });
      if (cancelled) return;
      setPrepared(answer);
      const unfinished = answer.unfinished[0];
      if (unfinished) publishId.current = unfinished.publishId;
    })().catch((error: unknown) => !cancelled && setPrepareProblem(reasonOf(error)));
    return () => {
      cancelled = true;
    };
  }, [link, docName, idsKey, replica]);

  const plan: PublishPlan | null = useMemo(() => {
    const base = prepared?.plan ?? null;
    if (!base || Object.keys(picks).length === 0) return base;
    return resolveConflicts(base, picks);
  }, [prepared, picks]);

  const choose = useCallback((conflictId: string, pick: ConflictPick) => {
    publishId.current = null;
    setPicks((current) => ({ ...current, [conflictId]: pick }));
  }, []);

  const settle = useCallback((result: PublishResult) => {
    if (!KEEPS_ID.has(result.kind)) publishId.current = null;
    if (result.kind === 'changed') {
      // The wiki changed in a way the preview did not show: show the new plan and ask again.
      setPrepared((current) => (current ? { ...current, plan: result.plan, unfinished: [] } : current));
      setPicks({});
    }
    setRun({ kind: 'ended', result });
  }, []);

  const go = useCallback(
    async (send: (id: string) => Promise<PublishResult>) => {
      if (busy.current) return;
      busy.current = true;
      publishId.current ??= crypto.randomUUID();
      setRun({ kind: 'publishing' });
      try {
        settle(await send(publishId.current));
      } catch (error) {
        setRun({ kind: 'failed', reason: reasonOf(error) });
      } finally {
        busy.current = false;
      }
    },
    [settle],
  );

  const publish = useCallback(() => {
    if (!plan) return;
    const text = (summary ?? plan.summary).slice(0, 500);
    return go((id) =>
      request(publishDrafts, {
        wiki: link.wiki,
        view: link.view,
        docName: prepared?.docName ?? docName,
        publishId: id,
        plan,
        summary: text,
        hold: !navigator.onLine,
      }),
    );
  }, [plan, summary, go, link, docName, prepared]);

  /** Sends a queued or interrupted publish, on the user's word (the wiki is asked first). */
  const resume = useCallback(
    () =>
      go((id) =>
        request(retryPublish, {
          wiki: link.wiki,
          view: link.view,
          docName: prepared?.docName ?? docName,
          publishId: id,
        }),
      ),
    [go, link, docName, prepared],
  );

  return {
    prepared,
    prepareProblem,
    plan,
    picks,
    choose,
    summary: summary ?? plan?.summary ?? '',
    setSummary,
    run,
    online,
    publish,
    resume,
  };
}
