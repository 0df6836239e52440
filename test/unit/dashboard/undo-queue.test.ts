import { describe, expect, it } from 'vitest';
import {
  emptyUndoQueue,
  expireOffers,
  keepDiscarded,
  MAX_UNDO_OFFERS,
  nextExpiry,
  offerUndo,
  withoutOffer,
} from '../../../lib/dashboard/undo-queue';

const draft = (id: string) => ({ id, status: 'draft' as const, updatedAt: 5 });

describe('undo queue', () => {
  it('offers the newest discard first, each with its own key and expiry', () => {
    let queue = offerUndo(emptyUndoQueue, 'Discarded “A”.', [draft('a')], 1_000, 30_000);
    queue = offerUndo(queue, 'Discarded 2 drafts.', [draft('b'), draft('c')], 2_000, 30_000);
    expect(queue.offers.map((offer) => [offer.key, offer.message, offer.expiresAt])).toEqual([
      [2, 'Discarded 2 drafts.', 32_000],
      [1, 'Discarded “A”.', 31_000],
    ]);
    expect(nextExpiry(queue)).toBe(31_000);
  });

  it('offers nothing for a discard that changed nothing', () => {
    expect(offerUndo(emptyUndoQueue, 'Discarded 0 drafts.', [], 0)).toBe(emptyUndoQueue);
    expect(nextExpiry(emptyUndoQueue)).toBeNull();
  });

  it('keeps at most a few offers, dropping the oldest', () => {
    let queue = emptyUndoQueue;
    for (let n = 0; n < MAX_UNDO_OFFERS + 2; n++) queue = offerUndo(queue, `#${n}`, [draft(`d${n}`)], n);
    expect(queue.offers).toHaveLength(MAX_UNDO_OFFERS);
    expect(queue.offers[0]?.message).toBe(`#${MAX_UNDO_OFFERS + 1}`);
    expect(queue.offers.at(-1)?.message).toBe('#2');
  });

  it('expires offers at their time, and leaves the queue as it was when none expired', () => {
    let queue = offerUndo(emptyUndoQueue, 'first', [draft('a')], 0, 100);
    queue = offerUndo(queue, 'second', [draft('b')], 50, 100);
    expect(expireOffers(queue, 99)).toBe(queue);
    expect(expireOffers(queue, 100).offers.map((offer) => offer.message)).toEqual(['second']);
    expect(expireOffers(queue, 150).offers).toEqual([]);
  });

  it('removes a taken offer by key', () => {
    const queue = offerUndo(offerUndo(emptyUndoQueue, 'a', [draft('a')], 0), 'b', [draft('b')], 0);
    expect(withoutOffer(queue, 1).offers.map((offer) => offer.message)).toEqual(['b']);
    expect(withoutOffer(queue, 42)).toBe(queue);
  });

  it('withdraws drafts restored elsewhere, and offers left empty', () => {
    let queue = offerUndo(emptyUndoQueue, 'one', [draft('a')], 0);
    queue = offerUndo(queue, 'two', [draft('b'), draft('c')], 0);
    const still = new Set(['c']);
    const kept = keepDiscarded(queue, (id) => still.has(id));
    expect(kept.offers.map((offer) => [offer.message, offer.drafts.map((item) => item.id)])).toEqual([
      ['two', ['c']],
    ]);
    expect(keepDiscarded(queue, () => true)).toBe(queue);
  });
});
