import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bytesToBase64 } from '../../../lib/collab/base64';
import { pageDocName } from '../../../lib/collab/doc-names';
import { addNewEntry, seedEntry } from '../../../lib/collab/seed';
import { setField } from '../../../lib/collab/set-field';
import {
  checkDraftsFileText,
  type DraftsFile,
  exportDrafts,
  importDrafts,
} from '../../../lib/drafts/transfer';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import { entryInput, SEED_PAGE } from '../collab/page-fixture';
import { DOC, openReplica, Profile, saved, stateOf } from './hub-fixture';
import { eventually } from './port-pair';

const OTHER_PAGE = { ...SEED_PAGE, page: 'GSoC 2015' };
const OTHER_DOC = pageDocName(OTHER_PAGE);

/** A profile with drafts on two pages, typed through a replica as the panel would. */
async function profileWithDrafts() {
  const profile = new Profile();
  const hub = profile.startHub();
  const first = await openReplica(hub);
  const id = seedEntry(first.replica.doc, entryInput(2));
  setField(first.replica.doc, id, 'Desc', 'A new description', XEN_PROFILE);
  const second = await openReplica(hub, OTHER_DOC);
  const newId = addNewEntry(second.replica.doc, {
    page: OTHER_PAGE,
    section: ['Ideas'],
    profile: XEN_PROFILE,
    values: { Project: 'A new idea' },
  });
  await eventually('saved', () => saved(first.replica)() && saved(second.replica)());
  return { profile, hub, index: profile.index, id, newId };
}

/** Everything a profile holds, to compare before and after. */
async function snapshot(profile: Profile) {
  const { records } = await profile.index.list();
  return {
    records,
    docs: [stateOf(await profile.storedDoc(DOC)), stateOf(await profile.storedDoc(OTHER_DOC))],
  };
}

describe('exporting and importing drafts', () => {
  it('restores everything into an empty profile', async () => {
    const source = await profileWithDrafts();
    const file = await exportDrafts(source, new Date('2025-02-01T10:00:00Z'));
    expect(file).toMatchObject({
      format: 'project-desk-drafts',
      version: 1,
      exportedAt: '2025-02-01T10:00:00.000Z',
    });
    expect(file.drafts.map((record) => record.title).sort()).toEqual([
      'A new idea',
      'Lazy restore using memory paging',
    ]);
    expect(file.docs.map((doc) => doc.name)).toEqual([DOC, OTHER_DOC].sort());

    const target = new Profile();
    target.clock = 99_999;
    const hub = target.startHub();
    const result = await importDrafts({ hub, index: target.index }, JSON.stringify(file));
    expect(result).toEqual({ ok: true, drafts: 2, docs: 2 });
    expect(await snapshot(target)).toEqual(await snapshot(source.profile));
    await hub.close();
    await source.hub.close();
  });

  it('imports the same file twice as once', async () => {
    const source = await profileWithDrafts();
    const file = await exportDrafts(source);
    const target = new Profile();
    const hub = target.startHub();
    await importDrafts({ hub, index: target.index }, file);
    const once = await snapshot(target);
    const storedOnce = await (await hub.doc(DOC)).storedBytes();
    await importDrafts({ hub, index: target.index }, file);
    expect(await snapshot(target)).toEqual(once);
    expect(await (await hub.doc(DOC)).storedBytes()).toBe(storedOnce);
    await hub.close();
    await source.hub.close();
  });

  it('merges with drafts the profile already has, keeping edits from both sides', async () => {
    const source = await profileWithDrafts();
    const file = await exportDrafts(source);
    const { replica } = await openReplica(source.hub);
    setField(replica.doc, source.id, 'Difficulty', 'Hard', XEN_PROFILE);
    await eventually('saved', saved(replica));
    // An older copy of the same drafts, edited elsewhere meanwhile:
    const other = new Profile();
    const hub = other.startHub();
    await importDrafts({ hub, index: other.index }, file);
    const { replica: there } = await openReplica(hub);
    setField(there.doc, source.id, 'Outcomes', 'Patches upstream', XEN_PROFILE);
    await eventually('saved', saved(there));
    await importDrafts(source, await exportDrafts({ hub, index: other.index }));
    const merged = (await source.hub.doc(DOC)).doc.getMap('entries').toJSON()[source.id];
    expect(merged).toMatchObject({
      Difficulty: 'Hard',
      Outcomes: 'Patches upstream',
      Desc: 'A new description',
    });
    await hub.close();
    await source.hub.close();
  });

  it('refuses an invalid file with the reason, and changes nothing', async () => {
    const source = await profileWithDrafts();
    const file = await exportDrafts(source);
    const target = await profileWithDrafts();
    const before = await snapshot(target.profile);
    const [draft] = file.drafts as [DraftsFile['drafts'][number]];
    const [doc] = file.docs as [DraftsFile['docs'][number]];
    const notYjs = bytesToBase64(new Uint8Array([200, 1, 2, 3, 4, 5, 6, 7]));
    const cases: [unknown, RegExp][] = [
      ['{"format": "project-desk-drafts", ', /not JSON/],
      [{ ...file, format: 'something-else' }, /format/],
      [{ ...file, version: 2 }, /version/],
      [{ ...file, drafts: [{ ...draft, status: 'lost' }] }, /drafts\[0\]\.status/],
      [{ ...file, drafts: [{ ...draft, updatedAt: 'yesterday' }] }, /drafts\[0\]\.updatedAt/],
      [{ ...file, docs: [{ ...doc, state: 'not base64!' }, ...file.docs.slice(1)] }, /docs\[0\]\.state/],
      [
        { ...file, docs: [{ ...doc, state: notYjs }, ...file.docs.slice(1)] },
        /docs\[0\].*not a Yjs document/,
      ],
      [{ ...file, docs: [] }, /drafts\[0\].*is not in the file/],
      [
        { ...file, docs: [{ ...doc, name: 'x|y' }, ...file.docs.slice(1)] },
        /docs\[0\] \(x\|y\): not the name/,
      ],
      [{ ...file, drafts: [draft, draft] }, /drafts\[1\].*twice/],
    ];
    for (const [bad, reason] of cases) {
      const result = await importDrafts(target, typeof bad === 'string' ? bad : JSON.stringify(bad));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(reason);
    }
    expect(await snapshot(target.profile)).toEqual(before);
    await target.hub.close();
    await source.hub.close();
  });

  it('checks a document state for entries of the wrong shape', () => {
    const doc = new Y.Doc();
    const id = seedEntry(doc, entryInput(1));
    doc.getMap<Y.Map<unknown>>('entries').get(id)?.set('Desc', 7);
    const file: DraftsFile = {
      format: 'project-desk-drafts',
      version: 1,
      exportedAt: new Date(0).toISOString(),
      drafts: [],
      docs: [
        {
          name: DOC,
          wiki: SEED_PAGE.wiki,
          page: SEED_PAGE.page,
          state: bytesToBase64(Y.encodeStateAsUpdate(doc)),
        },
      ],
    };
    const checked = checkDraftsFileText(JSON.stringify(file));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.reason).toMatch(/docs\[0\].*field "Desc" is neither text nor a string/);
  });
});
