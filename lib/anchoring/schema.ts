import * as z from 'zod/mini';

/**
 * What a comment points at, as stored in the comments document and sent between the page, the
 * background and the panel. Two parts, in the Hypothesis client's manner:
 *
 * - structural: which entry (by identity, not by list position alone) and which part of it: one
 *   template parameter's text (a draft field or the wikitext value) or the entry as the rendered page
 *   shows it;
 * - text selectors, tried in order when the text has changed: Yjs relative positions while the comment
 *   points into a draft's Y.Text (exact while that Y.Text lives), the old offsets checked against the
 *   quote, the quote with its context anywhere, then an approximate search for the quote.
 *
 * The page is not part of an anchor: every page has its own comments document (commentsDocName), so
 * the page is the document's, and an anchor cannot disagree with it.
 *
 * zod/mini (not zod): the content script builds and resolves anchors on the rendered page, and its
 * size is a quality bar.
 */

/** How much text either side of the quote is kept (UTF-16 code units). Shorter means the text ended there. */
export const CONTEXT_LENGTH = 32;
/** The longest quote an anchor keeps; a longer selection is refused (the UI says so). */
export const MAX_QUOTE_LENGTH = 5000;
/** Yjs relative positions are a few dozen bytes; this only bounds what a peer can make us decode. */
const MAX_LIVE_POSITION = 512;

const offset = z.int().check(z.nonnegative());

/** The entry a comment belongs to, as found again after the page changed (see matchEntry). */
export const EntryRefSchema = z.object({
  /** The entry's title when the comment was made (its Project field, trimmed). */
  title: z.string().check(z.maxLength(1000)),
  /** Its 1-based position among the page's entries then; null for an entry that exists only as a draft. */
  ordinal: z.nullable(z.int().check(z.positive())),
  /** The drafts document's entry id when the comment was made in a draft, else null. */
  draftId: z.nullable(z.string().check(z.minLength(1), z.maxLength(200))),
});
export type EntryRef = z.infer<typeof EntryRefSchema>;

/** Which text of the entry: one parameter's value, or what the rendered page shows of the entry. */
export const AnchorScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('field'), param: z.string().check(z.minLength(1), z.maxLength(200)) }),
  z.object({ kind: z.literal('rendered') }),
]);
export type AnchorScope = z.infer<typeof AnchorScopeSchema>;

export const AnchorTargetSchema = z.object({ entry: EntryRefSchema, scope: AnchorScopeSchema });
export type AnchorTarget = z.infer<typeof AnchorTargetSchema>;

/** W3C Web Annotation's TextQuoteSelector: the selected text and up to CONTEXT_LENGTH units either side. */
export const TextQuoteSchema = z.object({
  exact: z.string().check(z.minLength(1), z.maxLength(MAX_QUOTE_LENGTH)),
  prefix: z.string().check(z.maxLength(CONTEXT_LENGTH)),
  suffix: z.string().check(z.maxLength(CONTEXT_LENGTH)),
});
export type TextQuote = z.infer<typeof TextQuoteSchema>;

/** W3C Web Annotation's TextPositionSelector: offsets in the scope's text when the comment was made. */
export const TextPositionSchema = z
  .object({ start: offset, end: offset })
  .check(z.refine((position) => position.start < position.end, 'start must come before end'));
export type TextPosition = z.infer<typeof TextPositionSchema>;

/** Y.RelativePosition pair (Y.encodeRelativePosition, base64) into the draft field's Y.Text. */
export const LiveRangeSchema = z.object({
  start: z.string().check(z.minLength(1), z.maxLength(MAX_LIVE_POSITION), z.regex(/^[A-Za-z0-9+/]+=*$/)),
  end: z.string().check(z.minLength(1), z.maxLength(MAX_LIVE_POSITION), z.regex(/^[A-Za-z0-9+/]+=*$/)),
});
export type LiveRange = z.infer<typeof LiveRangeSchema>;

/**
 * How much the best other place in the text resembled the quote when the comment was made (the
 * resolver's score, 0..1; 1: the same words with the same context elsewhere). A place found later must
 * score clearly above it, so that a comment on one of several look-alikes (a repeated template call, a
 * copied sentence) never moves to another when its own is deleted. Absent: nothing resembled it.
 */
const LookalikeSchema = z.optional(z.number().check(z.gte(0), z.lte(1)));

/** The text selectors alone: what resolveSelectors needs. */
export const TextSelectorsSchema = z.object({
  quote: TextQuoteSchema,
  position: TextPositionSchema,
  lookalike: LookalikeSchema,
});
export type TextSelectors = z.infer<typeof TextSelectorsSchema>;

export const AnchorSchema = z.object({
  target: AnchorTargetSchema,
  quote: TextQuoteSchema,
  position: TextPositionSchema,
  lookalike: LookalikeSchema,
  /** Present while the comment points into a draft field's Y.Text. */
  live: z.optional(LiveRangeSchema),
});
export type Anchor = z.infer<typeof AnchorSchema>;

/**
 * Where an anchor lands in the current text.
 * - anchored: the quote, unchanged, where the anchor says (relative positions, or the old offsets);
 * - moved: the quote, unchanged (white space aside), found elsewhere by its context;
 * - fuzzy: text close to the quote, in the quote's context (the quote was edited a little);
 * - detached: not found, or found in several places with nothing to tell them apart. Never a guess.
 * Offsets are UTF-16 code units into the text resolved against, end exclusive, never inside a
 * surrogate pair. Confidence is 1 for an exact landing and the match's score (0..1) otherwise.
 */
export const DetachReasonSchema = z.enum(['not-found', 'ambiguous', 'no-entry', 'no-text']);
export type DetachReason = z.infer<typeof DetachReasonSchema>;

export const ResolutionSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.enum(['anchored', 'moved', 'fuzzy']),
    start: offset,
    end: offset,
    confidence: z.number().check(z.gte(0), z.lte(1)),
  }),
  z.object({
    status: z.literal('detached'),
    reason: DetachReasonSchema,
    start: z.null(),
    end: z.null(),
    confidence: z.literal(0),
  }),
]);
export type Resolution = z.infer<typeof ResolutionSchema>;
export type AttachedResolution = Extract<Resolution, { start: number }>;

export const detached = (reason: DetachReason): Resolution => ({
  status: 'detached',
  reason,
  start: null,
  end: null,
  confidence: 0,
});
