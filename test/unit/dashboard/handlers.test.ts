import type { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { $ZodType, output } from 'zod/v4/core';
import { registerDashboardHandlers } from '../../../lib/background/dashboard-handlers';
import { pageDocName } from '../../../lib/collab/doc-names';
import { readDraftEntry } from '../../../lib/collab/read-entry';
import { setEntryStatus } from '../../../lib/collab/set-field';
import type { DraftHub } from '../../../lib/drafts/hub';
import type { DraftsFile } from '../../../lib/drafts/transfer';
import {
  envelope,
  type RequestType,
  Router,
  readReply,
  type SenderInfo,
} from '../../../lib/messaging/channel';
import * as protocol from '../../../lib/messaging/dashboard-protocol';
import { Profile } from '../drafts/hub-fixture';
import { contentOf, draftsFile } from './drafts-file';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const DASHBOARD: SenderInfo = {
  id: EXTENSION_ID,
  url: `chrome-extension://${EXTENSION_ID}/dashboard.html`,
  tabId: 7,
};
const WIKI = 'https://wiki.xenproject.org';
const SEED = { wiki: WIKI, page: 'GSoC 2014', baseRevision: 1234 };
const OTHER = { wiki: WIKI, page: 'GSoC 2015', baseRevision: 77 };

/** A profile (fake-indexeddb), its hub, and the dashboard's requests through a real router. */
function dashboard() {
  const profile = new Profile();
  const hub = profile.startHub();
  const router = new Router(EXTENSION_ID);
  registerDashboardHandlers(router, { hub, index: profile.index });
  async function call<Req extends $ZodType, Res extends $ZodType>(
    type: RequestType<Req, Res>,
    payload: output<Req>,
    sender: SenderInfo = DASHBOARD,
  ) {
    return readReply(type, await router.dispatch(envelope(type, payload), sender));
  }
  return { profile, hub, call };
}

const sampleFile = (): DraftsFile =>
  draftsFile([
    { page: SEED, entries: [{ ordinal: 2, edits: { Desc: 'Typed while offline' } }, { ordinal: 4 }] },
    { page: OTHER, entries: [], newEntries: [{ section: ['Ideas'], values: { Project: 'A new idea' } }] },
  ]);

async function statusInDoc(hub: DraftHub, docName: string, entryId: string) {
  const entry = readDraftEntry((await hub.doc(docName)).doc, entryId);
  if (!entry.ok) throw new Error(entry.reason);
  return entry.value.meta.status;
}

describe('dashboard requests: import', () => {
  it('imports a valid file: every draft is indexed and its document holds it', async () => {
    const { profile, hub, call } = dashboard();
    const file = sampleFile();
    expect(await call(protocol.importDraftsFile, { text: JSON.stringify(file) })).toEqual({
      ok: true,
      drafts: 3,
      docs: 2,
      revived: 0,
    });
    const { records } = await profile.index.list();
    expect(records.map((record) => record.title).sort()).toEqual([
      'A new idea',
      'Lazy restore using memory paging',
      'Mirage OS cloud API support',
    ]);
    expect(records).toEqual(expect.arrayContaining(file.drafts));
    const exported = await call(protocol.exportDraftsFile, {});
    expect(contentOf(exported)).toEqual(contentOf(file));
    await hub.close();
  });

  const badFiles: [string, (file: DraftsFile) => string, RegExp][] = [
    ['text that is not JSON', () => '{"format": "project-desk-drafts", ', /not JSON/],
    [
      'another version',
      (file) => JSON.stringify({ ...file, version: 2 }),
      /not a valid drafts file[\s\S]*version/,
    ],
    [
      'a record with a status that does not exist',
      (file) => JSON.stringify({ ...file, drafts: [{ ...file.drafts[0], status: 'lost' }] }),
      /drafts\[0\][\s\S]*status|status[\s\S]*drafts/,
    ],
    [
      'a document that is not Yjs',
      (file) =>
        JSON.stringify({ ...file, docs: [file.docs[0], { ...file.docs[1], state: btoa('hello, world!') }] }),
      /docs\[1\].*not a Yjs document/,
    ],
  ];
  for (const [what, make, reason] of badFiles) {
    it(`refuses ${what}, says why, and changes nothing`, async () => {
      const { hub, call } = dashboard();
      await call(protocol.importDraftsFile, {
        text: JSON.stringify(draftsFile([{ page: SEED, entries: [{ ordinal: 1 }] }])),
      });
      const before = await call(protocol.exportDraftsFile, {});
      const outcome = await call(protocol.importDraftsFile, { text: make(sampleFile()) });
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.reason).toMatch(reason);
      const after = await call(protocol.exportDraftsFile, {});
      expect(contentOf(after)).toEqual(contentOf(before));
      expect(after.docs.map((doc) => doc.name)).toEqual([pageDocName(SEED)]);
      await hub.close();
    });
  }
});

describe('dashboard requests: discard and undo', () => {
  it('discards through the document, and the undo puts status and time back exactly', async () => {
    const { profile, hub, call } = dashboard();
    const file = sampleFile();
    await call(protocol.importDraftsFile, { text: JSON.stringify(file) });
    profile.clock = file.drafts[2]!.updatedAt + 3_600_000;
    const target = file.drafts[0]!;
    const before = await profile.index.get(target.id);

    const { discarded } = await call(protocol.discardDrafts, { ids: [target.id] });
    expect(discarded).toEqual([{ id: target.id, status: 'draft', updatedAt: target.updatedAt }]);
    expect(await statusInDoc(hub, target.docName, target.entryId)).toBe('discarded');
    expect(await profile.index.get(target.id)).toMatchObject({
      status: 'discarded',
      updatedAt: profile.clock,
    });

    expect(await call(protocol.restoreDrafts, { drafts: discarded })).toEqual({ restored: 1 });
    expect(await statusInDoc(hub, target.docName, target.entryId)).toBe('draft');
    expect(await profile.index.get(target.id)).toEqual(before);
    await hub.close();
  });

  it('remembers the status the document held (a conflict comes back as a conflict)', async () => {
    const { profile, hub, call } = dashboard();
    const file = sampleFile();
    await call(protocol.importDraftsFile, { text: JSON.stringify(file) });
    const target = file.drafts[1]!;
    await hub.edit(target.docName, (doc) => setEntryStatus(doc, target.entryId, 'conflict'));
    const conflicted = await profile.index.get(target.id);
    const { discarded } = await call(protocol.discardDrafts, { ids: [target.id, target.id] });
    expect(discarded).toEqual([{ id: target.id, status: 'conflict', updatedAt: conflicted!.updatedAt }]);
    // Discarding a discarded draft again offers nothing to undo.
    expect(await call(protocol.discardDrafts, { ids: [target.id] })).toEqual({ discarded: [] });
    await call(protocol.restoreDrafts, { drafts: discarded });
    expect(await profile.index.get(target.id)).toEqual(conflicted);
    await hub.close();
  });

  it('refuses to discard a draft that does not exist, and discards nothing of that request', async () => {
    const { profile, hub, call } = dashboard();
    const file = sampleFile();
    await call(protocol.importDraftsFile, { text: JSON.stringify(file) });
    const ids = [file.drafts[0]!.id, `${pageDocName(SEED)}#r1234-e99`];
    await expect(call(protocol.discardDrafts, { ids })).rejects.toThrow(/There is no draft .*r1234-e99/);
    expect((await profile.index.list({ status: 'discarded' })).records).toEqual([]);
    await hub.close();
  });

  // The discard's time may be later than the file's records (as usual) or, with a clock set wrong,
  // earlier: then the import takes the file's records, and only the documents say what is discarded.
  for (const [clock, when] of [
    [1_800_000_000_000, 'after'],
    [1_000, 'before (a wrong clock)'],
  ] as const)
    it(`export, discard all (${when} the file's times), import the export: all is back as it was`, async () => {
      const { profile, hub, call } = dashboard();
      profile.clock = clock;
      await call(protocol.importDraftsFile, { text: JSON.stringify(sampleFile()) });
      const exported = await call(protocol.exportDraftsFile, {});
      profile.clock += 86_400_000;
      const ids = exported.drafts.map((draft) => draft.id);
      expect((await call(protocol.discardDrafts, { ids })).discarded).toHaveLength(3);
      expect((await profile.index.list({ status: 'draft' })).records).toEqual([]);

      const outcome = await call(protocol.importDraftsFile, { text: JSON.stringify(exported) });
      expect(outcome).toEqual({ ok: true, drafts: 3, docs: 2, revived: 3 });
      const again = await call(protocol.exportDraftsFile, {});
      expect(contentOf(again)).toEqual(contentOf(exported));
      await hub.close();
    });

  it('never discards on import: a draft discarded in the file but open here stays open', async () => {
    const { profile, hub, call } = dashboard();
    const file = sampleFile();
    await call(protocol.importDraftsFile, { text: JSON.stringify(file) });
    const target = file.drafts[0]!;
    const { discarded } = await call(protocol.discardDrafts, { ids: [target.id] });
    const withDiscard = await call(protocol.exportDraftsFile, {});
    await call(protocol.restoreDrafts, { drafts: discarded });
    const outcome = await call(protocol.importDraftsFile, { text: JSON.stringify(withDiscard) });
    expect(outcome).toMatchObject({ ok: true, revived: 0 });
    expect(await profile.index.get(target.id)).toMatchObject({ status: 'draft' });
    await hub.close();
  });
});

describe('dashboard requests: values and senders', () => {
  it('answers the values of known documents only, and opens no database for another name', async () => {
    const { profile, hub, call } = dashboard();
    await call(protocol.importDraftsFile, { text: JSON.stringify(sampleFile()) });
    const stranger = pageDocName({ wiki: WIKI, page: 'Nobody drafted this' });
    const { docs } = await call(protocol.readDraftValues, { docNames: [pageDocName(SEED), stranger, 'x'] });
    expect(docs.map((doc) => doc.docName)).toEqual([pageDocName(SEED)]);
    const lazy = docs[0]!.entries.find(
      (entry) => entry.values.Project === 'Lazy restore using memory paging',
    );
    expect(lazy?.values.Desc).toBe('Typed while offline');
    const names = (await (profile.factory as IDBFactory).databases()).map((db) => db.name);
    expect(names).not.toContain(stranger);
    await hub.close();
  });

  const strangers: [string, SenderInfo][] = [
    ['a content script in a wiki page', { id: EXTENSION_ID, url: `${WIKI}/index.php?title=X`, tabId: 3 }],
    [
      'another extension page (the panel)',
      { ...DASHBOARD, url: `chrome-extension://${EXTENSION_ID}/panel.html` },
    ],
    ['a sender without a URL', { id: EXTENSION_ID }],
    ['another extension', { ...DASHBOARD, id: 'someone-else' }],
  ];
  for (const [who, sender] of strangers) {
    it(`refuses ${who}`, async () => {
      const { profile, hub, call } = dashboard();
      await call(protocol.importDraftsFile, { text: JSON.stringify(sampleFile()) });
      const { records } = await profile.index.list();
      await expect(call(protocol.exportDraftsFile, {}, sender)).rejects.toThrow(/Refused/);
      await expect(call(protocol.discardDrafts, { ids: [records[0]!.id] }, sender)).rejects.toThrow(
        /Refused/,
      );
      expect((await profile.index.list()).records).toEqual(records);
      await hub.close();
    });
  }
});
