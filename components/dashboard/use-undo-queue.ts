import { type RefObject, useEffect, useState } from 'react';
import {
  emptyUndoQueue,
  expireOffers,
  keepDiscarded,
  nextExpiry,
  type UndoQueue,
} from '../../lib/dashboard/undo-queue';
import type { DraftRecord } from '../../lib/store/records';

/** How long an offer under the keyboard focus is kept past its time before looking again. */
const FOCUSED_GRACE_MS = 5_000;

/**
 * The undo queue as React state: offers expire on one timer (never while the focus is on one of
 * them: taking an offer away from under a keyboard user's focus would lose their place), and an offer
 * whose drafts are no longer discarded (restored elsewhere) is withdrawn.
 */
export function useUndoQueue(records: readonly DraftRecord[], notices: RefObject<HTMLElement | null>) {
  const [queue, setQueue] = useState<UndoQueue>(emptyUndoQueue);

  useEffect(() => {
    const status = new Map(records.map((record) => [record.id, record.status]));
    setQueue((current) => keepDiscarded(current, (id) => status.get(id) === 'discarded'));
  }, [records]);

  useEffect(() => {
    const expiry = nextExpiry(queue);
    if (expiry === null) return;
    const timer = setTimeout(
      () => {
        const focused = notices.current?.contains(document.activeElement) ?? false;
        if (focused) setQueue((current) => ({ ...current, offers: current.offers.map(extend) }));
        else setQueue((current) => expireOffers(current, Date.now()));
      },
      Math.max(0, expiry - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [queue, notices]);

  return [queue, setQueue] as const;
}

const extend = <T extends { expiresAt: number }>(offer: T): T => ({
  ...offer,
  expiresAt: Math.max(offer.expiresAt, Date.now() + FOCUSED_GRACE_MS),
});
