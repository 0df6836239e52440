import { type RefObject, useEffect, useRef } from 'react';
import type { UndoOffer } from '../../lib/dashboard/undo-queue';

export interface Notice {
  key: number;
  text: string;
}

/**
 * What just happened, read out politely: undo offers (newest first) and other confirmations. The
 * newest offer's Undo takes focus when it appears, since the discarded row (and the focus with it) has
 * just left the list; Esc dismisses the offer under focus.
 */
export function UndoNotices({
  offers,
  notices,
  onUndo,
  onDismiss,
  onDismissNotice,
  containerRef,
}: {
  offers: UndoOffer[];
  notices: Notice[];
  onUndo: (offer: UndoOffer) => void;
  onDismiss: (offer: UndoOffer) => void;
  onDismissNotice: (notice: Notice) => void;
  containerRef: RefObject<HTMLDivElement | null>;
}) {
  const newest = useRef<HTMLButtonElement>(null);
  const lastFocused = useRef(0);
  const newestKey = offers[0]?.key ?? 0;
  useEffect(() => {
    // Offers only come from a discard the user just made; keys only grow.
    if (newestKey <= lastFocused.current) return;
    lastFocused.current = newestKey;
    newest.current?.focus();
  }, [newestKey]);

  return (
    <div ref={containerRef} className="notices" aria-live="polite">
      {offers.map((offer, index) => (
        <p
          key={`offer-${offer.key}`}
          className="notice"
          onKeyDown={(event) => {
            if (event.key === 'Escape') onDismiss(offer);
          }}
        >
          <span>{offer.message}</span>
          <button ref={index === 0 ? newest : undefined} type="button" onClick={() => onUndo(offer)}>
            Undo
          </button>
          <button type="button" className="secondary" onClick={() => onDismiss(offer)}>
            Dismiss
          </button>
        </p>
      ))}
      {notices.map((notice) => (
        <p key={`notice-${notice.key}`} className="notice ok">
          <span>{notice.text}</span>
          <button type="button" className="secondary" onClick={() => onDismissNotice(notice)}>
            Dismiss
          </button>
        </p>
      ))}
    </div>
  );
}
