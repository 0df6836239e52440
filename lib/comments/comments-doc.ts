import type * as Y from 'yjs';
import type { z } from 'zod';
import { capCommentText } from './safe-text';
import {
  type CommentMessage,
  type CommentProblem,
  type CommentThread,
  type MessageRecord,
  MessageRecordSchema,
  type ThreadRecord,
  ThreadRecordSchema,
} from './schema';

/** The document's shape is described in schema.ts. */
export const THREADS_KEY = 'threads';
export const MESSAGES_KEY = 'messages';
/** Bounds on what is read from one document (a forged update can hold anything). */
export const MAX_THREADS = 5000;
export const MAX_MESSAGES_PER_THREAD = 500;

export const threadsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap<Y.Map<unknown>>(THREADS_KEY);
export const messagesMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap<Y.Map<unknown>>(MESSAGES_KEY);
export const messageKey = (threadId: string, messageId: string): string => `${threadId}/${messageId}`;

/** A stored value as plain data: a Y.Map's entries, anything else as it is. */
function plain(value: unknown): unknown {
  return value !== null &&
    typeof value === 'object' &&
    'toJSON' in value &&
    typeof value.toJSON === 'function'
    ? value.toJSON()
    : value;
}

const issues = (error: z.ZodError): string =>
  error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`)
    .join('; ');

export function toMessage(record: MessageRecord): CommentMessage {
  const deleted = record.deletedAt !== undefined;
  const { text, truncated } = deleted ? { text: '', truncated: false } : capCommentText(record.text);
  return {
    id: record.id,
    author: record.author,
    createdAt: record.createdAt,
    text,
    mentions: deleted ? [] : record.mentions,
    edited: record.editedAt !== undefined,
    deleted,
    truncated,
    fromWiki: false,
  };
}

export function toThread(record: ThreadRecord, messages: readonly CommentMessage[]): CommentThread {
  const times = [record.createdAt, record.resolution?.at, ...messages.map((m) => m.createdAt)];
  return {
    id: record.id,
    anchor: record.anchor,
    createdBy: record.createdBy,
    createdAt: record.createdAt,
    resolution: record.resolution ?? null,
    resolved: record.resolution?.resolved ?? false,
    messages: [...messages],
    mentions: [...new Set(messages.flatMap((m) => m.mentions))],
    lastActivity: latest(times),
    legacy: record.legacy ? { ...record.legacy, inWikitext: false } : null,
    keepRemark: record.keepRemark ?? false,
    publishAsRemark: record.publishAsRemark ?? null,
  };
}

export function latest(times: ReadonlyArray<string | null | undefined>): string | null {
  let best: string | null = null;
  for (const time of times) if (time && (best === null || Date.parse(time) > Date.parse(best))) best = time;
  return best;
}

/** Messages in the order they were written (by time, then id: clocks differ a little between devices). */
const byTime = (a: MessageRecord, b: MessageRecord): number =>
  Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function readMessages(doc: Y.Doc, problems: CommentProblem[]): Map<string, MessageRecord[]> {
  const byThread = new Map<string, MessageRecord[]>();
  for (const [key, value] of messagesMap(doc)) {
    const parsed = MessageRecordSchema.safeParse(plain(value));
    if (!parsed.success) {
      problems.push({
        threadId: key.split('/')[0] ?? null,
        messageId: null,
        message: `unreadable message ${JSON.stringify(key.slice(0, 210))}: ${issues(parsed.error)}`,
      });
      continue;
    }
    const record = parsed.data;
    if (key !== messageKey(record.threadId, record.id)) {
      problems.push({
        threadId: record.threadId,
        messageId: record.id,
        message: `message stored under another key (${JSON.stringify(key.slice(0, 210))})`,
      });
      continue;
    }
    const list = byThread.get(record.threadId) ?? [];
    list.push(record);
    byThread.set(record.threadId, list);
  }
  return byThread;
}

/**
 * Every thread in the document with its messages, and what could not be read. A malformed thread or
 * message (from a peer, or an older version) is reported and left out; the others are all listed.
 */
export function readThreads(doc: Y.Doc): { threads: CommentThread[]; problems: CommentProblem[] } {
  const problems: CommentProblem[] = [];
  const messages = readMessages(doc, problems);
  const threads: CommentThread[] = [];
  for (const [key, value] of threadsMap(doc)) {
    if (threads.length >= MAX_THREADS) {
      problems.push({
        threadId: null,
        messageId: null,
        message: `more than ${MAX_THREADS} threads; the rest are not shown`,
      });
      break;
    }
    const parsed = ThreadRecordSchema.safeParse(plain(value));
    if (!parsed.success || parsed.data.id !== key) {
      const why = parsed.success ? 'stored under another id' : issues(parsed.error);
      problems.push({ threadId: key.slice(0, 100), messageId: null, message: `unreadable thread: ${why}` });
      continue;
    }
    const own = (messages.get(key) ?? []).sort(byTime);
    if (own.length > MAX_MESSAGES_PER_THREAD) {
      problems.push({
        threadId: key,
        messageId: null,
        message: `more than ${MAX_MESSAGES_PER_THREAD} messages; the latest are not shown`,
      });
    }
    threads.push(toThread(parsed.data, own.slice(0, MAX_MESSAGES_PER_THREAD).map(toMessage)));
    messages.delete(key);
  }
  for (const threadId of messages.keys()) {
    problems.push({ threadId, messageId: null, message: 'messages of a thread the document does not hold' });
  }
  threads.sort(
    (a, b) => Date.parse(a.createdAt ?? '') - Date.parse(b.createdAt ?? '') || (a.id < b.id ? -1 : 1),
  );
  return { threads, problems };
}

/** One thread's stored record, or null. */
export function readThreadRecord(doc: Y.Doc, threadId: string): ThreadRecord | null {
  const parsed = ThreadRecordSchema.safeParse(plain(threadsMap(doc).get(threadId)));
  return parsed.success && parsed.data.id === threadId ? parsed.data : null;
}

export function readMessageRecord(doc: Y.Doc, threadId: string, messageId: string): MessageRecord | null {
  const parsed = MessageRecordSchema.safeParse(plain(messagesMap(doc).get(messageKey(threadId, messageId))));
  return parsed.success ? parsed.data : null;
}
