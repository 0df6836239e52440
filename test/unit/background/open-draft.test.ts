import { describe, expect, it } from 'vitest';
import { handleOpenDraft, type OpenDraftDeps, READ_ONLY_NO_DRAFT } from '../../../lib/background/open-draft';
import { WikiAccess } from '../../../lib/background/wiki-access';
import { pageDocName } from '../../../lib/collab/doc-names';
import { entriesMap } from '../../../lib/collab/page-doc';
import { readDraftEntry } from '../../../lib/collab/read-entry';
import { setEntryStatus, setField } from '../../../lib/collab/set-field';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import type { OpenDraftRequest } from '../../../lib/panel/protocol';
import { Profile } from '../drafts/hub-fixture';
import { API, ENABLED, ORIGIN, TestWiki, TITLE } from './wiki-fixture';

const OWN = 'ownextensionidownextensionidabcd';
const EXTENSION = `chrome-extension://${OWN}`;
const PANEL = { id: OWN, url: `${EXTENSION}/panel.html#link`, tabId: 7 };
const DOC = pageDocName({ wiki: ORIGIN, page: TITLE });

function setup(tabUrl = `${ORIGIN}/index.php?title=Ideas`) {
  const wiki = new TestWiki();
  const profile = new Profile();
  const hub = profile.startHub();
  const deps: OpenDraftDeps = {
    access: new WikiAccess({ enabledWikis: async () => ENABLED, fetchFn: wiki.fetch }),
    hub,
    ownId: OWN,
    extensionOrigin: EXTENSION,
    tabUrl: async () => tabUrl,
  };
  return { wiki, profile, hub, deps };
}

const request = (target: OpenDraftRequest['target'], revisionId = 100): OpenDraftRequest => ({
  wiki: ORIGIN,
  view: { title: TITLE, revisionId, apiUrl: API },
  target,
});
const entry = (ordinal: number) => ({ kind: 'entry' as const, ordinal, title: '' });

describe('opening an entry’s draft', () => {
  it('seeds it once from the page’s revision, then restores it', async () => {
    const { hub, deps } = setup();
    const first = await handleOpenDraft(request(entry(2)), PANEL, deps);
    expect(first).toMatchObject({ docName: DOC, baseRevision: 100, pageRevision: 100, restored: false });
    expect(first.profile.id).toBe(XEN_PROFILE.id);
    const doc = (await hub.doc(DOC)).doc;
    const read = readDraftEntry(doc, first.entryId);
    expect(read.ok && read.value.values.Project).toBe('Lazy restore using memory paging');
    setField(doc, first.entryId, 'Difficulty', 'Hard', XEN_PROFILE);
    const again = await handleOpenDraft(request(entry(2)), PANEL, deps);
    expect(again).toMatchObject({ entryId: first.entryId, restored: true });
    expect(entriesMap(doc).size).toBe(1);
    await hub.close();
  });

  it('finds the draft again after the page changed, and says the page moved on', async () => {
    const { wiki, hub, deps } = setup();
    const first = await handleOpenDraft(request(entry(3)), PANEL, deps);
    // Revision 101 adds an entry at the top: the draft's entry is now the fourth.
    wiki.revisions.set(101, `{{project\n|Project=A new first entry\n}}\n${wiki.revisions.get(100)}`);
    const later = await handleOpenDraft(request(entry(4), 101), PANEL, deps);
    expect(later).toMatchObject({
      entryId: first.entryId,
      baseRevision: 100,
      pageRevision: 101,
      restored: true,
    });
    await hub.close();
  });

  it('brings back a discarded draft of the same revision rather than seeding it twice', async () => {
    const { hub, deps } = setup();
    const first = await handleOpenDraft(request(entry(1)), PANEL, deps);
    await hub.edit(DOC, (doc) => setEntryStatus(doc, first.entryId, 'discarded'));
    const again = await handleOpenDraft(request(entry(1)), PANEL, deps);
    expect(again).toMatchObject({ entryId: first.entryId, restored: true });
    const read = readDraftEntry((await hub.doc(DOC)).doc, first.entryId);
    expect(read.ok && read.value.meta.status).toBe('draft');
    await hub.close();
  });

  it('opens one new entry per section until it is published or discarded', async () => {
    const { hub, deps } = setup();
    const section = ['Accepted Projects', 'OPW Round 8'];
    const first = await handleOpenDraft(request({ kind: 'new', section }), PANEL, deps);
    expect(first.restored).toBe(false);
    const again = await handleOpenDraft(request({ kind: 'new', section }), PANEL, deps);
    expect(again).toMatchObject({ entryId: first.entryId, restored: true });
    const other = await handleOpenDraft(
      request({ kind: 'new', section: ['Accepted Projects'] }),
      PANEL,
      deps,
    );
    expect(other.entryId).not.toBe(first.entryId);
    const read = readDraftEntry((await hub.doc(DOC)).doc, first.entryId);
    expect(read.ok && read.value.meta).toMatchObject({ isNew: true, identity: null, section });
    await hub.close();
  });

  it('refuses anyone but our own pages, a panel framed by another site, and entries that are not there', async () => {
    const { hub, deps } = setup();
    const contentScript = { id: OWN, url: `${ORIGIN}/index.php?title=Ideas`, tabId: 7 };
    await expect(handleOpenDraft(request(entry(1)), contentScript, deps)).rejects.toThrow(/Refused/);
    const framed = setup('http://evil.test/page');
    await expect(handleOpenDraft(request(entry(1)), PANEL, framed.deps)).rejects.toThrow(
      /inside another site/,
    );
    await expect(
      handleOpenDraft({ ...request(entry(1)), wiki: 'http://other.test' }, PANEL, deps),
    ).rejects.toThrow(/inside another site/);
    await expect(handleOpenDraft(request(entry(99)), PANEL, deps)).rejects.toThrow(/has no entry 99/);
    expect((await hub.doc(DOC)).doc.getMap('entries').size).toBe(0);
    await hub.close();
    await framed.hub.close();
  });

  it('waits for the sync server before it looks, and seeds nothing for a read-only role', async () => {
    const { hub, deps } = setup();
    const asked: string[] = [];
    let writable = false;
    const sync = {
      open: async (name: string) => {
        asked.push(name);
      },
      canWrite: () => writable,
    };
    const readOnly = { ...deps, sync };
    await expect(handleOpenDraft(request(entry(2)), PANEL, readOnly)).rejects.toThrow(READ_ONLY_NO_DRAFT);
    await expect(handleOpenDraft(request({ kind: 'new', section: ['X'] }), PANEL, readOnly)).rejects.toThrow(
      READ_ONLY_NO_DRAFT,
    );
    expect(entriesMap((await hub.doc(DOC)).doc).size).toBe(0);
    expect(asked).toEqual([DOC, DOC]);
    // An editor's draft (arrived from the server) is shown to the reviewer, still not seeded anew.
    writable = true;
    const seeded = await handleOpenDraft(request(entry(2)), PANEL, readOnly);
    writable = false;
    const shown = await handleOpenDraft(request(entry(2)), PANEL, readOnly);
    expect(shown).toMatchObject({ entryId: seeded.entryId, restored: true });
    expect(entriesMap((await hub.doc(DOC)).doc).size).toBe(1);
    await hub.close();
  });
});
