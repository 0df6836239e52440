import * as Y from 'yjs';
import { base64ToBytes, bytesToBase64 } from '../collab/base64';
import { similarity } from './approximate';
import { collapseSpace, type PreparedText } from './prepared-text';
import type { Anchor, AnchorTarget, LiveRange, Resolution } from './schema';
import { createAnchor, resolveSelectors, snapToCharacters } from './text-anchor';

/**
 * Anchors into a draft field's Y.Text. Besides the text selectors they keep a pair of Yjs relative
 * positions: Yjs moves those with every insertion and deletion, from every replica, so while the
 * Y.Text lives they say exactly where the quoted characters are now. The start sticks to the quote's
 * first character and the end to its last, so typing just before or after the quote stays outside it.
 */

/**
 * A live range brackets the quoted characters wherever they went, so its text is trusted down to this
 * similarity to the quote; below it the quote was mostly rewritten, and the text selectors decide.
 */
export const LIVE_MIN_SIMILARITY = 0.5;

export function encodeLiveRange(ytext: Y.Text, start: number, end: number): LiveRange {
  const from = Y.createRelativePositionFromTypeIndex(ytext, start, 0);
  const to = Y.createRelativePositionFromTypeIndex(ytext, end, -1);
  return {
    start: bytesToBase64(Y.encodeRelativePosition(from)),
    end: bytesToBase64(Y.encodeRelativePosition(to)),
  };
}

/** An anchor for ytext[start, end), with relative positions. */
export function createLiveAnchor(target: AnchorTarget, ytext: Y.Text, start: number, end: number): Anchor {
  const anchor = createAnchor(target, ytext.toString(), start, end);
  return { ...anchor, live: encodeLiveRange(ytext, anchor.position.start, anchor.position.end) };
}

function absolute(encoded: string, ytext: Y.Text): number | null {
  if (!ytext.doc) return null;
  try {
    const position = Y.createAbsolutePositionFromRelativePosition(
      Y.decodeRelativePosition(base64ToBytes(encoded)),
      ytext.doc,
    );
    return position && position.type === ytext ? position.index : null;
  } catch {
    return null; // bytes from a peer that are not a relative position: the text selectors decide
  }
}

/** Where the live range is in ytext now, or null (another Y.Text, not yet synced, or its text deleted). */
export function liveRangeIn(live: LiveRange, ytext: Y.Text): { start: number; end: number } | null {
  const start = absolute(live.start, ytext);
  const end = absolute(live.end, ytext);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** similarity(), skipped when the lengths alone put it below the bar (a paste inside the quote can be long). */
function liveSimilarity(now: string, quote: string): number {
  const longer = Math.max(now.length, quote.length);
  if (Math.abs(now.length - quote.length) > (1 - LIVE_MIN_SIMILARITY) * longer) return 0;
  return similarity(now, quote);
}

/**
 * Where an anchor lands in the current text of its scope. With the field's Y.Text (and relative
 * positions in the anchor) the live range comes first: the quote there unchanged is anchored, a little
 * changed is fuzzy; a live range whose text was mostly rewritten, or deleted, leaves it to the text
 * selectors (a cut-and-paste moves text as new characters). `text` is the scope's current text; with a
 * Y.Text it must be ytext.toString() (or that string prepared).
 */
export function resolveAnchor(anchor: Anchor, text: string | PreparedText, ytext?: Y.Text): Resolution {
  const range = ytext && anchor.live ? liveRangeIn(anchor.live, ytext) : null;
  if (range) {
    const raw = typeof text === 'string' ? text : text.raw;
    const [start, end] = snapToCharacters(raw, range.start, range.end);
    const now = raw.slice(start, end);
    if (now === anchor.quote.exact) return { status: 'anchored', start, end, confidence: 1 };
    const score = liveSimilarity(collapseSpace(now), collapseSpace(anchor.quote.exact));
    if (score === 1) return { status: 'anchored', start, end, confidence: 1 };
    if (score >= LIVE_MIN_SIMILARITY)
      return { status: 'fuzzy', start, end, confidence: Math.round(score * 1000) / 1000 };
  }
  return resolveSelectors(anchor, text);
}
