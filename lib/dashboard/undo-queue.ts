import type { DiscardedDraft } from '../messaging/dashboard-protocol';

/**
 * The discards the dashboard offers to undo. A discard is applied at once (so closing the dashboard
 * right after loses nothing and every open panel sees it), and its undo puts the drafts back exactly
 * as they were. An offer lasts `UNDO_OFFER_MS`; after that the drafts are still listed under
 * "Discarded" and can be restored from there, so an expired offer loses nothing either. The queue is
 * plain data, changed by pure functions, for React state and for tests without a clock.
 */
export interface UndoOffer {
  /** Unique within a queue. */
  key: number;
  /** What the notice says was discarded, e.g. `Discarded "Lazy restore"`. */
  message: string;
  drafts: DiscardedDraft[];
  expiresAt: number;
}

export interface UndoQueue {
  offers: UndoOffer[];
  nextKey: number;
}

export const UNDO_OFFER_MS = 30_000;
/** More offers than this at once help nobody; the oldest go first (still restorable from the list). */
export const MAX_UNDO_OFFERS = 5;

export const emptyUndoQueue: UndoQueue = { offers: [], nextKey: 1 };

/** Adds an offer (newest first); a discard that changed nothing offers nothing. */
export function offerUndo(
  queue: UndoQueue,
  message: string,
  drafts: readonly DiscardedDraft[],
  now: number,
  lifetime = UNDO_OFFER_MS,
): UndoQueue {
  if (drafts.length === 0) return queue;
  const offer: UndoOffer = { key: queue.nextKey, message, drafts: [...drafts], expiresAt: now + lifetime };
  return { offers: [offer, ...queue.offers].slice(0, MAX_UNDO_OFFERS), nextKey: queue.nextKey + 1 };
}

export function withoutOffer(queue: UndoQueue, key: number): UndoQueue {
  const offers = queue.offers.filter((offer) => offer.key !== key);
  return offers.length === queue.offers.length ? queue : { ...queue, offers };
}

/** Drops expired offers; the same queue object when none expired (so React does not re-render). */
export function expireOffers(queue: UndoQueue, now: number): UndoQueue {
  const offers = queue.offers.filter((offer) => offer.expiresAt > now);
  return offers.length === queue.offers.length ? queue : { ...queue, offers };
}

/**
 * Drops drafts that are no longer discarded (restored elsewhere: another dashboard, an import) from
 * the offers, and offers left with none: undoing them would overwrite a newer status.
 */
export function keepDiscarded(queue: UndoQueue, isDiscarded: (id: string) => boolean): UndoQueue {
  let changed = false;
  const offers: UndoOffer[] = [];
  for (const offer of queue.offers) {
    const drafts = offer.drafts.filter((draft) => isDiscarded(draft.id));
    if (drafts.length !== offer.drafts.length) changed = true;
    if (drafts.length > 0) offers.push(drafts.length === offer.drafts.length ? offer : { ...offer, drafts });
  }
  return changed ? { ...queue, offers } : queue;
}

/** When the next offer expires (for one timer instead of one per offer), or null with none. */
export function nextExpiry(queue: UndoQueue): number | null {
  if (queue.offers.length === 0) return null;
  return Math.min(...queue.offers.map((offer) => offer.expiresAt));
}
