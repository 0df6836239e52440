import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAnchor } from '../../../lib/anchoring';
import {
  adoptLegacyThread,
  createThread,
  entryRefOf,
  openCountsByOrdinal,
  pageEntrySources,
  pageThreads,
  placeEntryThreads,
  remarkInsertionsForEntry,
  remarkRemovalsForEntry,
  resolveThread,
  setKeepRemark,
  setPublishAsRemark,
} from '../../../lib/comments';

const SEED = readFileSync('test/fixtures/pages/seed-2014.wikitext', 'utf8');
const PROFILE = { template: { name: 'project', aliases: [] }, titleParam: 'Project' };
const ME = { id: 'device:me', name: 'Rita Reviewer' };
const AT = '2026-01-02T03:04:05.000Z';

describe('a page’s threads', () => {
  const entries = pageEntrySources({ wikitext: SEED }, PROFILE);

  it('lists the wiki’s remarks on their entries and counts the open threads per entry', () => {
    expect(entries.map((entry) => entry.title).slice(0, 2)).toEqual([
      'Implement Xen PVUSB support in xl/libxl toolstack',
      'Lazy restore using memory paging',
    ]);
    const doc = new Y.Doc();
    const rendered = 'Lazy restore using memory paging. VM Save/restore results in a boatload of IO';
    const anchor = createAnchor(
      { entry: entryRefOf(entries[1]!), scope: { kind: 'rendered' } },
      rendered,
      rendered.indexOf('boatload'),
      rendered.indexOf('boatload') + 8,
    );
    expect(createThread(doc, { anchor, text: 'How big?', author: ME, at: AT }).ok).toBe(true);
    const { threads } = pageThreads(doc, SEED, entries);
    expect(Object.fromEntries(openCountsByOrdinal(threads, entries))).toEqual({ 1: 1, 2: 2 });
    const placed = placeEntryThreads(threads, entries, 2, rendered);
    expect(placed.map((item) => [item.thread.messages[0]!.text, item.anchoring.status])).toEqual([
      ['Hi, I am working on this project.', 'anchored'],
      ['How big?', 'anchored'],
    ]);
    // The rendered text is gone (not known): the comment is detached, still listed.
    const unknown = placeEntryThreads(threads, entries, 2, null);
    expect(unknown.find((item) => item.thread.id !== placed[0]!.thread.id)?.anchoring.status).toBe(
      'detached',
    );
  });

  it('gives the publish flow the removals of resolved remarks, unless kept', () => {
    const doc = new Y.Doc();
    const [remark] = pageThreads(doc, SEED, entries).threads;
    const id = adoptLegacyThread(doc, remark!);
    expect(remarkRemovalsForEntry(doc, entryRefOf(entries[0]!), entries)).toEqual([]);
    expect(resolveThread(doc, { threadId: id, actor: ME, at: AT }).ok).toBe(true);
    const [removal] = remarkRemovalsForEntry(doc, entryRefOf(entries[0]!), entries);
    expect(removal).toMatchObject({ kind: 'remove-remark', param: 'Desc', source: remark!.legacy!.source });
    expect(remarkRemovalsForEntry(doc, entryRefOf(entries[1]!), entries)).toEqual([]);
    expect(setKeepRemark(doc, { threadId: id, keep: true })).toMatchObject({ ok: true, removal: null });
    expect(remarkRemovalsForEntry(doc, entryRefOf(entries[0]!), entries)).toEqual([]);
    expect(pageThreads(doc, SEED, entries).threads[0]!.keepRemark).toBe(true);
  });
});

describe('comments published as wiki remarks', () => {
  const entries = pageEntrySources({ wikitext: SEED }, PROFILE);

  it('gives the publish flow the remark wikitext, signed by the wiki user who asked, until resolved or unasked', () => {
    const doc = new Y.Doc();
    const text = 'Lazy restore using memory paging';
    const anchor = createAnchor({ entry: entryRefOf(entries[1]!), scope: { kind: 'rendered' } }, text, 0, 4);
    const made = createThread(doc, { anchor, text: 'Needs a [[timeline]] | soon', author: ME, at: AT });
    if (!made.ok) throw new Error(made.message);
    expect(remarkInsertionsForEntry(doc, entryRefOf(entries[1]!), entries)).toEqual([]);
    expect(setPublishAsRemark(doc, { threadId: made.threadId, wikiUser: 'Rita R', at: AT }).ok).toBe(true);
    expect(remarkInsertionsForEntry(doc, entryRefOf(entries[1]!), entries)).toEqual([
      {
        kind: 'add-remark',
        threadId: made.threadId,
        entry: entryRefOf(entries[1]!),
        param: 'Desc',
        wikitext:
          '{{Comment|[[User:Rita R|Rita R]] 03:04, 2 January 2026 (UTC):}} Needs a &#91;&#91;timeline&#93;&#93; &#124; soon',
      },
    ]);
    expect(remarkInsertionsForEntry(doc, entryRefOf(entries[0]!), entries)).toEqual([]);
    expect(setPublishAsRemark(doc, { threadId: made.threadId, wikiUser: null, at: AT }).ok).toBe(true);
    expect(remarkInsertionsForEntry(doc, entryRefOf(entries[1]!), entries)).toEqual([]);
    const [remark] = pageThreads(doc, SEED, entries).threads;
    const legacyId = adoptLegacyThread(doc, remark!);
    expect(setPublishAsRemark(doc, { threadId: legacyId, wikiUser: 'Rita R', at: AT })).toMatchObject({
      ok: false,
    });
  });
});
