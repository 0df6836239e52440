import { z } from 'zod';
import { AnchorSchema } from '../anchoring/schema';

/**
 * The comments document of one wiki page (commentsDocName), a Y.Doc of its own so that the reviewer
 * role can write comments while it only reads drafts:
 *
 *   threads   Y.Map  thread id → Y.Map { id, anchor, createdBy, createdAt, resolution?, legacy? }
 *   messages  Y.Map  `${threadId}/${messageId}` → Y.Map { id, threadId, author, createdAt, text,
 *                                                       mentions, editedAt?, deletedAt? }
 *
 * Messages are not nested in their thread: two reviewers answering a wiki remark for the first time
 * both create its thread record, Yjs keeps one of the two maps, and a reply written into the other
 * would be lost with it. Beside the thread, keyed by their own ids, no reply is ever lost.
 * A message's fields are set one by one (an edit sets `text` and `editedAt`), so concurrent changes of
 * different fields merge; a resolve and a reopen at once end in one of them (Yjs decides by client id).
 *
 * Everything read back is parsed with these schemas: a peer can write anything into a shared document.
 */

const ISO_TIME = z.iso.datetime({ offset: true });
/** Ids we make are UUIDs; ids from peers are bounded and never contain the key separator. */
export const CommentIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'is not an id (letters, digits, _ . : - only)');

export const PersonSchema = z.object({
  /** Stable across sessions (the collaborator's id in the sync space); what authorship is checked on. */
  id: z.string().min(1).max(200),
  /** The display name, as mentions are written ("@Lars Kurth"). */
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .refine((name) => !/\p{Cc}/u.test(name), 'a name has no control characters'),
});
export type Person = z.infer<typeof PersonSchema>;

export const ResolutionStateSchema = z.object({
  resolved: z.boolean(),
  by: PersonSchema,
  at: ISO_TIME,
});
export type ResolutionState = z.infer<typeof ResolutionStateSchema>;

/** Where a thread made from a `{{Comment|signature}} text` remark came from in the wikitext. */
export const LegacyLinkSchema = z.object({
  /** The parameter holding the remark (e.g. "Desc"). */
  param: z.string().min(1).max(200),
  /** Page offsets of the whole remark in the revision it was read from, and its exact source text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  source: z.string().max(20_000),
  /** The signature's user and timestamp as written (null when the signature has none). */
  author: z.string().max(300),
  timestamp: z.string().max(100).nullable(),
});
export type LegacyLink = z.infer<typeof LegacyLinkSchema>;

/** A thread as stored (its messages apart). */
export const ThreadRecordSchema = z.object({
  id: CommentIdSchema,
  anchor: AnchorSchema,
  createdBy: PersonSchema,
  createdAt: ISO_TIME,
  resolution: ResolutionStateSchema.optional(),
  legacy: LegacyLinkSchema.optional(),
  /** A resolved wiki remark stays in the wikitext (the user chose so); else the next publish removes it. */
  keepRemark: z.boolean().optional(),
  /** Publish the thread's first message into the entry's text as a `{{Comment|signature}}` remark, signed so. */
  publishAsRemark: z.object({ wikiUser: z.string().min(1).max(300), at: ISO_TIME }).optional(),
  /** A publish removed this wiki remark from the wikitext (verified): it is not removed again. */
  remarkRemoved: z.object({ at: ISO_TIME, revisionId: z.number().int().positive() }).optional(),
  /** A publish added this thread's first message to the wikitext as a remark (verified): not again. */
  publishedAsRemark: z.object({ at: ISO_TIME, revisionId: z.number().int().positive() }).optional(),
});
export type ThreadRecord = z.infer<typeof ThreadRecordSchema>;

/** A message as stored; `text` is capped and cleaned after parsing (capCommentText), not refused. */
export const MessageRecordSchema = z.object({
  id: CommentIdSchema,
  threadId: CommentIdSchema,
  author: PersonSchema,
  createdAt: ISO_TIME,
  text: z.string(),
  /** Ids of the collaborators the text mentions. */
  mentions: z.array(z.string().min(1).max(200)).max(100),
  editedAt: ISO_TIME.optional(),
  deletedAt: ISO_TIME.optional(),
});
export type MessageRecord = z.infer<typeof MessageRecordSchema>;

/** A message as the UI shows it. */
export interface CommentMessage {
  id: string;
  author: Person;
  /** Null only for a wiki remark whose signature has no time. */
  createdAt: string | null;
  /** Cleaned plain text; '' once deleted. Render it with commentTokens. */
  text: string;
  mentions: string[];
  edited: boolean;
  deleted: boolean;
  /** Cut at MAX_COMMENT_LENGTH when read (a peer wrote more than any client allows). */
  truncated: boolean;
  /** The remark in the wikitext itself (the first message of a legacy thread). */
  fromWiki: boolean;
}

/** A thread as the UI shows it. */
export interface CommentThread {
  id: string;
  anchor: z.infer<typeof AnchorSchema>;
  createdBy: Person;
  createdAt: string | null;
  /** The last resolve or reopen; resolved: false after a reopen; null when never resolved. */
  resolution: ResolutionState | null;
  resolved: boolean;
  messages: CommentMessage[];
  /** Everyone any message mentions, each once. */
  mentions: string[];
  /** The latest message's or resolution's time, for sorting an inbox. */
  lastActivity: string | null;
  /** Set for a thread made from a wiki remark; inWikitext: the remark is still in the text read. */
  legacy: (LegacyLink & { inWikitext: boolean }) | null;
  /** For a resolved wiki remark: kept in the wikitext at the next publish rather than removed. */
  keepRemark: boolean;
  /** The wiki user who asked to publish this thread as a remark at the next publish, or null. */
  publishAsRemark: { wikiUser: string; at: string } | null;
}

/** Something in the document that could not be read; the rest of the list is still shown. */
export interface CommentProblem {
  threadId: string | null;
  messageId: string | null;
  message: string;
}

/** Why an operation did nothing, in words for the user. */
export type OpResult<T> =
  | ({ ok: true } & T)
  | {
      ok: false;
      code: 'not-found' | 'not-author' | 'deleted' | 'empty' | 'too-long' | 'invalid';
      message: string;
    };
