import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAnchor } from '../../../lib/anchoring';
import {
  createThread,
  deleteMessage,
  editMessage,
  MAX_COMMENT_LENGTH,
  messageKey,
  messagesMap,
  readThreads,
  reopenThread,
  reply,
  resolveThread,
  threadsMap,
} from '../../../lib/comments';

const REVIEWER = { id: 'u-rev', name: 'Rita Reviewer' };
const MENTOR = { id: 'u-men', name: 'George Dunlap' };
const TEXT = 'VM Save/restore results in a boatload of IO and non-optimal use of memory by the guest.';
const ANCHOR = createAnchor(
  { entry: { title: 'Lazy restore', ordinal: 1, draftId: null }, scope: { kind: 'rendered' } },
  TEXT,
  TEXT.indexOf('boatload'),
  TEXT.indexOf('boatload') + 'boatload of IO'.length,
);
const T0 = '2026-12-01T10:00:00.000Z';
const T1 = '2026-12-01T10:05:00.000Z';
const T2 = '2026-12-01T10:09:00.000Z';

function started() {
  const doc = new Y.Doc();
  const made = createThread(doc, {
    anchor: ANCHOR,
    author: REVIEWER,
    at: T0,
    text: 'Which IO? @George Dunlap',
    collaborators: [MENTOR, REVIEWER],
    id: 't1',
    messageId: 'm1',
  });
  expect(made).toEqual({ ok: true, threadId: 't1', messageId: 'm1' });
  return doc;
}

const only = (doc: Y.Doc) => {
  const { threads, problems } = readThreads(doc);
  expect(problems).toEqual([]);
  return threads[0]!;
};

describe('threads and messages', () => {
  it('creates a thread with its first message, author, time and mentions', () => {
    const thread = only(started());
    expect(thread).toMatchObject({
      id: 't1',
      anchor: ANCHOR,
      createdBy: REVIEWER,
      createdAt: T0,
      resolved: false,
      resolution: null,
      mentions: ['u-men'],
      lastActivity: T0,
      legacy: null,
    });
    expect(thread.messages).toEqual([
      {
        id: 'm1',
        author: REVIEWER,
        createdAt: T0,
        text: 'Which IO? @George Dunlap',
        mentions: ['u-men'],
        edited: false,
        deleted: false,
        truncated: false,
        fromWiki: false,
      },
    ]);
  });

  it('makes ids itself when none are given', () => {
    const doc = new Y.Doc();
    const made = createThread(doc, { anchor: ANCHOR, author: REVIEWER, at: T0, text: 'x' });
    expect(made.ok && made.threadId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('adds replies in the order they were written', () => {
    const doc = started();
    expect(reply(doc, { threadId: 't1', author: MENTOR, at: T2, text: 'Disk IO.', id: 'm3' })).toMatchObject({
      ok: true,
    });
    expect(
      reply(doc, { threadId: 't1', author: REVIEWER, at: T1, text: 'Also network?', id: 'm2' }),
    ).toMatchObject({ ok: true });
    const thread = only(doc);
    expect(thread.messages.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    expect(thread.lastActivity).toBe(T2);
  });

  it('refuses empty and too long text, a thread that does not exist, and invalid authors, saying why', () => {
    const doc = started();
    expect(reply(doc, { threadId: 't1', author: MENTOR, at: T1, text: '  ' })).toMatchObject({
      ok: false,
      code: 'empty',
    });
    expect(
      reply(doc, { threadId: 't1', author: MENTOR, at: T1, text: 'x'.repeat(MAX_COMMENT_LENGTH + 1) }),
    ).toMatchObject({
      ok: false,
      code: 'too-long',
      message: expect.stringContaining('at most 10,000 characters'),
    });
    expect(reply(doc, { threadId: 'nope', author: MENTOR, at: T1, text: 'hi' })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    expect(reply(doc, { threadId: 't1', author: { id: '', name: 'X' }, at: T1, text: 'hi' })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(
      createThread(doc, { anchor: ANCHOR, author: REVIEWER, at: T0, text: 'again', id: 't1' }),
    ).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(only(doc).messages).toHaveLength(1);
  });

  it('stores comment text cleaned: a bidi override is shown, not obeyed', () => {
    const doc = new Y.Doc();
    createThread(doc, { anchor: ANCHOR, author: REVIEWER, at: T0, text: 'ok\u202e gnp.exe', id: 't' });
    expect(only(doc).messages[0]!.text).toBe('ok⟨U+202E⟩ gnp.exe');
  });
});

describe('editing and deleting: only the author', () => {
  it('lets the author edit (marked edited, mentions updated) and delete (kept as deleted)', () => {
    const doc = started();
    const edit = { threadId: 't1', messageId: 'm1', actor: REVIEWER, at: T1 };
    expect(editMessage(doc, { ...edit, text: 'Which IO exactly?', collaborators: [MENTOR] })).toEqual({
      ok: true,
    });
    expect(only(doc).messages[0]).toMatchObject({ text: 'Which IO exactly?', edited: true, mentions: [] });
    expect(deleteMessage(doc, { ...edit, at: T2 })).toEqual({ ok: true });
    expect(only(doc).messages[0]).toMatchObject({ text: '', deleted: true });
    expect(messagesMap(doc).get(messageKey('t1', 'm1'))!.get('text')).toBe('');
    expect(editMessage(doc, { ...edit, text: 'back' })).toMatchObject({ ok: false, code: 'deleted' });
  });

  it('refuses anyone else, naming who may', () => {
    const doc = started();
    const result = editMessage(doc, {
      threadId: 't1',
      messageId: 'm1',
      actor: MENTOR,
      at: T1,
      text: 'mine now',
    });
    expect(result).toEqual({
      ok: false,
      code: 'not-author',
      message: 'Only Rita Reviewer, who wrote this message, can change or delete it.',
    });
    expect(deleteMessage(doc, { threadId: 't1', messageId: 'm1', actor: MENTOR, at: T1 })).toMatchObject({
      code: 'not-author',
    });
    // The same name is not the same person: authorship is by id.
    const impostor = { id: 'u-other', name: REVIEWER.name };
    expect(deleteMessage(doc, { threadId: 't1', messageId: 'm1', actor: impostor, at: T1 })).toMatchObject({
      code: 'not-author',
    });
    expect(deleteMessage(doc, { threadId: 't1', messageId: 'zz', actor: REVIEWER, at: T1 })).toMatchObject({
      code: 'not-found',
    });
    expect(only(doc).messages[0]).toMatchObject({
      text: 'Which IO? @George Dunlap',
      edited: false,
      deleted: false,
    });
  });
});

describe('resolve and reopen', () => {
  it('keeps who resolved or reopened, and when', () => {
    const doc = started();
    expect(resolveThread(doc, { threadId: 't1', actor: MENTOR, at: T1 })).toMatchObject({
      ok: true,
      removal: null,
    });
    expect(only(doc)).toMatchObject({
      resolved: true,
      resolution: { resolved: true, by: MENTOR, at: T1 },
      lastActivity: T1,
    });
    expect(resolveThread(doc, { threadId: 't1', actor: MENTOR, at: T1 })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(reopenThread(doc, { threadId: 't1', actor: REVIEWER, at: T2 })).toMatchObject({ ok: true });
    expect(only(doc)).toMatchObject({
      resolved: false,
      resolution: { resolved: false, by: REVIEWER, at: T2 },
    });
    expect(reopenThread(doc, { threadId: 'nope', actor: REVIEWER, at: T2 })).toMatchObject({
      code: 'not-found',
    });
  });
});

describe('two replicas', () => {
  it('merge replies written at the same time on both, and a resolve', () => {
    const a = started();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    reply(a, { threadId: 't1', author: MENTOR, at: T1, text: 'from a', id: 'ma' });
    reply(b, { threadId: 't1', author: REVIEWER, at: T1, text: 'from b', id: 'mb' });
    resolveThread(b, { threadId: 't1', actor: REVIEWER, at: T2 });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readThreads(a)).toEqual(readThreads(b));
    expect(only(a).messages.map((m) => m.id)).toEqual(['m1', 'ma', 'mb']);
    expect(only(a).resolved).toBe(true);
  });
});

describe('reading what a peer wrote', () => {
  it('reports a malformed thread or message and still lists the others', () => {
    const doc = started();
    doc.transact(() => {
      const bad = new Y.Map<unknown>();
      bad.set('id', 'evil');
      bad.set('anchor', { target: 'nowhere' });
      threadsMap(doc).set('evil', bad);
      const badMessage = new Y.Map<unknown>();
      badMessage.set('id', 'x');
      badMessage.set('threadId', 't1');
      badMessage.set('text', 42);
      messagesMap(doc).set('t1/x', badMessage);
      messagesMap(doc).set('t1/y', 'not a map' as never);
    });
    const { threads, problems } = readThreads(doc);
    expect(threads.map((t) => t.id)).toEqual(['t1']);
    expect(threads[0]!.messages).toHaveLength(1);
    expect(problems.map((p) => p.threadId)).toEqual(expect.arrayContaining(['evil', 't1']));
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.threadId === 'evil')!.message).toMatch(/^unreadable thread: /);
  });

  it('caps a message longer than any client allows and cleans it as it is read', () => {
    const doc = started();
    messagesMap(doc)
      .get(messageKey('t1', 'm1'))!
      .set('text', `\u202e${'a'.repeat(MAX_COMMENT_LENGTH * 3)}`);
    const message = only(doc).messages[0]!;
    expect(message.truncated).toBe(true);
    expect(message.text.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(message.text.startsWith('⟨U+202E⟩')).toBe(true);
  });

  it('reports messages stored under a key that is not theirs, or of no thread', () => {
    const doc = started();
    const copy = new Y.Map<unknown>();
    for (const [key, value] of messagesMap(doc).get(messageKey('t1', 'm1'))!) copy.set(key, value);
    messagesMap(doc).set('t9/m1', copy);
    const { threads, problems } = readThreads(doc);
    expect(threads[0]!.messages).toHaveLength(1);
    expect(problems).toEqual([expect.objectContaining({ message: expect.stringMatching(/another key/) })]);
  });
});
