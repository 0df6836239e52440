import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAnchor, createLiveAnchor } from '../../../lib/anchoring';
import {
  createThread,
  openCount,
  placeThreads,
  queryInbox,
  readThreads,
  reply,
  resolveThread,
} from '../../../lib/comments';

const RITA = { id: 'u-rita', name: 'Rita' };
const GEORGE = { id: 'u-george', name: 'George Dunlap' };
const DESC = 'VM Save/restore results in a boatload of IO and non-optimal use of memory by the guest.';
const RENDERED = `Lazy restore using memory paging Difficulty: Medium Description: ${DESC}`;
const at = (minute: number) => `2026-12-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

function page() {
  const comments = new Y.Doc();
  const drafts = new Y.Doc();
  const field = drafts.getText('Desc');
  field.insert(0, DESC);
  const lazy = { title: 'Lazy restore using memory paging', ordinal: 2, draftId: 'r1-e2' };
  const on = (quote: string) => RENDERED.indexOf(quote);
  const rendered = (quote: string) =>
    createAnchor(
      { entry: { ...lazy, draftId: null }, scope: { kind: 'rendered' } },
      RENDERED,
      on(quote),
      on(quote) + quote.length,
    );
  createThread(comments, {
    anchor: rendered('non-optimal use'),
    author: RITA,
    at: at(1),
    text: 'Why?',
    id: 't-late',
  });
  createThread(comments, {
    anchor: rendered('boatload of IO'),
    author: RITA,
    at: at(2),
    text: 'How much? @George Dunlap',
    id: 't-early',
    collaborators: [GEORGE],
  });
  const start = DESC.indexOf('by the guest');
  createThread(comments, {
    anchor: createLiveAnchor(
      { entry: lazy, scope: { kind: 'field', param: 'Desc' } },
      field,
      start,
      start + 12,
    ),
    author: GEORGE,
    at: at(3),
    text: 'Which guest?',
    id: 't-field',
  });
  createThread(comments, {
    anchor: createAnchor(
      { entry: { title: 'Removed idea', ordinal: 7, draftId: null }, scope: { kind: 'rendered' } },
      'Removed idea text',
      0,
      7,
    ),
    author: GEORGE,
    at: at(4),
    text: 'Gone entry',
    id: 't-orphan',
  });
  return { comments, field, lazy };
}

describe('placeThreads', () => {
  it('puts threads on their entry, resolved against each scope, attached by position, detached after', () => {
    const { comments, field } = page();
    field.insert(0, 'Note: ');
    const editedRendered = RENDERED.replace(' and non-optimal use of memory', '').replace(
      'Description: ',
      'Description: Note: ',
    );
    const entries = [
      { title: 'Other idea', ordinal: 1, draftId: null },
      { title: 'Lazy restore using memory paging', ordinal: 3, draftId: 'r1-e2' },
    ];
    const asked: string[] = [];
    const { byEntry, orphans } = placeThreads(readThreads(comments).threads, entries, (index, scope) => {
      asked.push(`${index}:${scope.kind}`);
      if (index !== 1) return null;
      return scope.kind === 'rendered' ? { text: editedRendered } : { text: field.toString(), ytext: field };
    });
    expect([...byEntry.keys()]).toEqual([1]);
    const placed = byEntry.get(1)!;
    expect(placed.map((p) => [p.thread.id, p.anchoring.status])).toEqual([
      ['t-field', 'anchored'],
      ['t-early', 'moved'],
      ['t-late', 'detached'],
    ]);
    const early = placed[1]!;
    expect(editedRendered.slice(early.anchoring.start!, early.anchoring.end!)).toBe('boatload of IO');
    expect(field.toString().slice(placed[0]!.anchoring.start!, placed[0]!.anchoring.end!)).toBe(
      'by the guest',
    );
    expect(orphans).toEqual([
      expect.objectContaining({
        anchoring: expect.objectContaining({ status: 'detached', reason: 'no-entry' }),
      }),
    ]);
    expect(asked.sort()).toEqual(['1:field', '1:rendered']); // each scope's text asked for once
    expect(openCount(placed)).toBe(3);
  });

  it('says no-text when the entry has no such field any more', () => {
    const { comments } = page();
    const entries = [{ title: 'Lazy restore using memory paging', ordinal: 2, draftId: null }];
    const { byEntry } = placeThreads(readThreads(comments).threads, entries, (_, scope) =>
      scope.kind === 'rendered' ? { text: RENDERED } : null,
    );
    const field = byEntry.get(0)!.find((p) => p.thread.id === 't-field')!;
    expect(field.anchoring).toMatchObject({ status: 'detached', reason: 'no-text' });
  });
});

describe('queryInbox', () => {
  it('lists open threads across pages, mine, and those mentioning me, newest activity first', () => {
    const { comments } = page();
    const other = new Y.Doc();
    createThread(other, {
      anchor: createAnchor(
        { entry: { title: 'X', ordinal: 1, draftId: null }, scope: { kind: 'rendered' } },
        'some text',
        0,
        4,
      ),
      author: GEORGE,
      at: at(9),
      text: 'Elsewhere, @Rita',
      id: 'o1',
      collaborators: [RITA],
    });
    reply(comments, { threadId: 't-field', author: RITA, at: at(8), text: 'The HVM one.' });
    resolveThread(comments, { threadId: 't-late', actor: GEORGE, at: at(10) });
    const sources = [
      { page: { wiki: 'https://wiki.example.org', page: 'Ideas' }, threads: readThreads(comments).threads },
      { page: { wiki: 'https://wiki.example.org', page: 'Other' }, threads: readThreads(other).threads },
    ];
    const ids = (view: 'open' | 'mine' | 'mentions', me = RITA, includeResolved = false) =>
      queryInbox(sources, { me, view, includeResolved }).map((item) => item.thread.id);
    expect(ids('open')).toEqual(['o1', 't-field', 't-orphan', 't-early']);
    expect(ids('mine')).toEqual(['t-field', 't-early']);
    expect(ids('mine', RITA, true)).toEqual(['t-late', 't-field', 't-early']);
    expect(ids('mentions')).toEqual(['o1']);
    expect(ids('mentions', GEORGE)).toEqual(['t-early']);
    expect(queryInbox(sources, { me: RITA, view: 'mentions' })[0]!.page.page).toBe('Other');
  });
});
