import * as Y from 'yjs';
import { type Anchor, AnchorSchema } from '../anchoring/schema';
import { messageKey, messagesMap, readMessageRecord, readThreadRecord, threadsMap } from './comments-doc';
import { mentionedIds } from './mentions';
import { type RemarkRemoval, removalOf } from './remark-edits';
import { checkCommentText } from './safe-text';
import { CommentIdSchema, type OpResult, type Person, PersonSchema, type ThreadRecord } from './schema';

/**
 * What a reviewer does to threads, as pure operations on the comments document: each checks its
 * input and who may do it, writes in one transaction, and says why when it did nothing. Times and
 * ids come from the caller (`at`: an ISO time; `id` optional, a random UUID otherwise), so that tests
 * and replays are exact.
 *
 * The author check here is what an honest client does; a modified client can still write anything
 * into a document it may write to. So every reader parses what it reads (comments-doc.ts), and the
 * sync server is where a stricter rule would have to live.
 */

export interface Writer {
  author: Person;
  at: string;
  /** Collaborators that "@Name" in the text may mention. */
  collaborators?: readonly Person[];
}

const fail = (code: Exclude<OpResult<never>, { ok: true }>['code'], message: string) =>
  ({ ok: false, code, message }) as const;

const newId = (): string => globalThis.crypto.randomUUID();

function checkWriter(author: Person, at: string): string | null {
  if (!PersonSchema.safeParse(author).success) return 'The author is not a valid collaborator (id and name).';
  if (Number.isNaN(Date.parse(at))) return 'The time is not an ISO date.';
  return null;
}

function writeMessage(
  doc: Y.Doc,
  threadId: string,
  messageId: string,
  { author, at, collaborators = [] }: Writer,
  text: string,
): void {
  const message = new Y.Map<unknown>();
  message.set('id', messageId);
  message.set('threadId', threadId);
  message.set('author', { id: author.id, name: author.name });
  message.set('createdAt', at);
  message.set('text', text);
  message.set('mentions', mentionedIds(text, collaborators));
  messagesMap(doc).set(messageKey(threadId, messageId), message);
}

/** A new thread on `anchor` with its first message. */
export function createThread(
  doc: Y.Doc,
  input: Writer & { anchor: Anchor; text: string; id?: string; messageId?: string },
): OpResult<{ threadId: string; messageId: string }> {
  const problem = checkWriter(input.author, input.at);
  if (problem) return fail('invalid', problem);
  if (!AnchorSchema.safeParse(input.anchor).success)
    return fail('invalid', 'The selection to comment on is not valid.');
  const text = checkCommentText(input.text);
  if (!text.ok) return fail(text.code, text.message);
  const threadId = input.id ?? newId();
  const messageId = input.messageId ?? newId();
  if (!CommentIdSchema.safeParse(threadId).success || !CommentIdSchema.safeParse(messageId).success)
    return fail('invalid', 'The thread or message id is not valid.');
  if (threadsMap(doc).has(threadId)) return fail('invalid', 'A thread with this id exists already.');
  doc.transact(() => {
    writeThreadRecord(doc, {
      id: threadId,
      anchor: input.anchor,
      createdBy: { id: input.author.id, name: input.author.name },
      createdAt: input.at,
    });
    writeMessage(doc, threadId, messageId, input, text.text);
  });
  return { ok: true, threadId, messageId };
}

/** Writes a thread record (no messages); also used to take up a wiki remark as a thread. */
export function writeThreadRecord(doc: Y.Doc, record: ThreadRecord): void {
  const thread = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(record)) if (value !== undefined) thread.set(key, value);
  threadsMap(doc).set(record.id, thread);
}

export function reply(
  doc: Y.Doc,
  input: Writer & { threadId: string; text: string; id?: string },
): OpResult<{ messageId: string }> {
  const problem = checkWriter(input.author, input.at);
  if (problem) return fail('invalid', problem);
  if (!readThreadRecord(doc, input.threadId)) return fail('not-found', 'This thread no longer exists.');
  const text = checkCommentText(input.text);
  if (!text.ok) return fail(text.code, text.message);
  const messageId = input.id ?? newId();
  if (!CommentIdSchema.safeParse(messageId).success) return fail('invalid', 'The message id is not valid.');
  if (messagesMap(doc).has(messageKey(input.threadId, messageId)))
    return fail('invalid', 'A message with this id exists already.');
  doc.transact(() => writeMessage(doc, input.threadId, messageId, input, text.text));
  return { ok: true, messageId };
}

interface MessageChange {
  threadId: string;
  messageId: string;
  /** Who asks: only a message's author may change it. */
  actor: Person;
  at: string;
}

function ownMessage(doc: Y.Doc, { threadId, messageId, actor, at }: MessageChange) {
  const problem = checkWriter(actor, at);
  if (problem) return fail('invalid', problem);
  const record = readMessageRecord(doc, threadId, messageId);
  if (!record) return fail('not-found', 'This message no longer exists.');
  if (record.author.id !== actor.id)
    return fail('not-author', `Only ${record.author.name}, who wrote this message, can change or delete it.`);
  if (record.deletedAt !== undefined) return fail('deleted', 'This message was deleted.');
  return { ok: true as const, map: messagesMap(doc).get(messageKey(threadId, messageId))! };
}

export function editMessage(
  doc: Y.Doc,
  input: MessageChange & { text: string; collaborators?: readonly Person[] },
): OpResult<object> {
  const own = ownMessage(doc, input);
  if (!own.ok) return own;
  const text = checkCommentText(input.text);
  if (!text.ok) return fail(text.code, text.message);
  doc.transact(() => {
    own.map.set('text', text.text);
    own.map.set('mentions', mentionedIds(text.text, input.collaborators ?? []));
    own.map.set('editedAt', input.at);
  });
  return { ok: true };
}

/** Deletes a message's text; the message stays in its thread as deleted, so replies keep their place. */
export function deleteMessage(doc: Y.Doc, input: MessageChange): OpResult<object> {
  const own = ownMessage(doc, input);
  if (!own.ok) return own;
  doc.transact(() => {
    own.map.set('text', '');
    own.map.set('mentions', []);
    own.map.set('deletedAt', input.at);
  });
  return { ok: true };
}

function setResolution(
  doc: Y.Doc,
  { threadId, actor, at }: { threadId: string; actor: Person; at: string },
  resolved: boolean,
): OpResult<{ record: ThreadRecord }> {
  const problem = checkWriter(actor, at);
  if (problem) return fail('invalid', problem);
  const record = readThreadRecord(doc, threadId);
  if (!record) return fail('not-found', 'This thread no longer exists.');
  if ((record.resolution?.resolved ?? false) === resolved)
    return fail('invalid', resolved ? 'This thread is resolved already.' : 'This thread is open already.');
  const resolution = { resolved, by: { id: actor.id, name: actor.name }, at };
  doc.transact(() => threadsMap(doc).get(threadId)!.set('resolution', resolution));
  return { ok: true, record: { ...record, resolution } };
}

/**
 * Anyone who may comment may resolve a thread (as in every review tool); who and when are kept.
 * Resolving a wiki remark's thread also gives the edit that removes the remark at the next publish.
 */
export function resolveThread(
  doc: Y.Doc,
  input: { threadId: string; actor: Person; at: string },
): OpResult<{ record: ThreadRecord; removal: RemarkRemoval | null }> {
  const result = setResolution(doc, input, true);
  return result.ok ? { ...result, removal: removalOf(result.record) } : result;
}

export const reopenThread = (doc: Y.Doc, input: { threadId: string; actor: Person; at: string }) =>
  setResolution(doc, input, false);

/**
 * Whether a resolved wiki remark is removed from the wikitext at the next publish (the default) or
 * kept there. Any commenter may choose, as anyone may resolve.
 */
export function setKeepRemark(
  doc: Y.Doc,
  { threadId, keep }: { threadId: string; keep: boolean },
): OpResult<{ removal: RemarkRemoval | null }> {
  const record = readThreadRecord(doc, threadId);
  if (!record) return fail('not-found', 'This thread no longer exists.');
  if (!record.legacy) return fail('invalid', 'Only a remark from the wikitext can be kept or removed.');
  doc.transact(() => threadsMap(doc).get(threadId)!.set('keepRemark', keep));
  return { ok: true, removal: removalOf({ ...record, keepRemark: keep }) };
}

/**
 * Asks (or stops asking) that a thread's first message be published into the entry's text as a
 * `{{Comment|signature}}` remark at the next publish, signed by `wikiUser` (the wiki account the
 * publish is made with). Wiki remarks are in the text already and cannot be asked for.
 */
export function setPublishAsRemark(
  doc: Y.Doc,
  { threadId, wikiUser, at }: { threadId: string; wikiUser: string | null; at: string },
): OpResult<object> {
  const record = readThreadRecord(doc, threadId);
  if (!record) return fail('not-found', 'This thread no longer exists.');
  if (record.legacy) return fail('invalid', 'This remark is in the wikitext already.');
  if (wikiUser !== null && (wikiUser.trim() === '' || Number.isNaN(Date.parse(at))))
    return fail('invalid', 'Log in to the wiki to publish a comment as a remark.');
  doc.transact(() => {
    const thread = threadsMap(doc).get(threadId)!;
    if (wikiUser === null) thread.delete('publishAsRemark');
    else thread.set('publishAsRemark', { wikiUser, at });
  });
  return { ok: true };
}

/**
 * After a verified publish: the wiki remark this thread stands for was removed (it is not offered for
 * removal again), or the thread's comment was added as a remark (it is not asked for again).
 */
export function markRemarkPublished(
  doc: Y.Doc,
  input: { threadId: string; kind: 'remove-remark' | 'add-remark'; at: string; revisionId: number },
): OpResult<object> {
  const record = readThreadRecord(doc, input.threadId);
  if (!record) return fail('not-found', 'This thread no longer exists.');
  if (Number.isNaN(Date.parse(input.at))) return fail('invalid', 'The time is not an ISO date.');
  const done = { at: input.at, revisionId: input.revisionId };
  doc.transact(() => {
    const thread = threadsMap(doc).get(input.threadId)!;
    if (input.kind === 'remove-remark') thread.set('remarkRemoved', done);
    else {
      thread.delete('publishAsRemark');
      thread.set('publishedAsRemark', done);
    }
  });
  return { ok: true };
}
