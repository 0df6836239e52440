import { describe, expect, it } from 'vitest';
import { handleOpenDraft } from '../../../lib/background/open-draft';
import { PublishService } from '../../../lib/background/publish-service';
import { WikiAccess } from '../../../lib/background/wiki-access';
import { pageDocName } from '../../../lib/collab/doc-names';
import { setField } from '../../../lib/collab/set-field';
import type { Fetch } from '../../../lib/mediawiki/api';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import { DexiePublishJournal } from '../../../lib/store/publish-journal';
import { Profile } from '../drafts/hub-fixture';
import { API, ENABLED, ORIGIN, TestWiki, TITLE } from './wiki-fixture';

const OWN = 'ownextensionidownextensionidabcd';
const EXTENSION = `chrome-extension://${OWN}`;
const PANEL = { id: OWN, url: `${EXTENSION}/panel.html#link`, tabId: 7 };
const DOC = pageDocName({ wiki: ORIGIN, page: TITLE });
const VIEW = { title: TITLE, revisionId: 100, apiUrl: API };

function setup(tabUrl = `${ORIGIN}/index.php?title=Ideas`) {
  const wiki = new TestWiki();
  const profile = new Profile();
  const hub = profile.startHub();
  const tabs: number[] = [];
  const background: Fetch = async () => {
    throw new Error('publishing must not use the background’s own requests');
  };
  const access = new WikiAccess({ enabledWikis: async () => ENABLED, fetchFn: background });
  const service = new PublishService({
    hub,
    access,
    journal: new DexiePublishJournal(profile.db),
    ownId: OWN,
    extensionOrigin: EXTENSION,
    tabFetch: (tabId) => {
      tabs.push(tabId);
      return wiki.fetch;
    },
    tabUrl: async () => tabUrl,
  });
  const openDeps = {
    access: new WikiAccess({ enabledWikis: async () => ENABLED, fetchFn: wiki.fetch }),
    hub,
    ownId: OWN,
    extensionOrigin: EXTENSION,
    tabUrl: async () => tabUrl,
  };
  const open = async (ordinal: number) =>
    (
      await handleOpenDraft(
        { wiki: ORIGIN, view: VIEW, target: { kind: 'entry', ordinal, title: '' } },
        PANEL,
        openDeps,
      )
    ).entryId;
  return { wiki, hub, service, tabs, open };
}

describe('the background’s publish service', () => {
  it('plans an entry’s draft against the page as the wiki has it now, read through the panel’s tab', async () => {
    const { hub, service, tabs, open } = setup();
    const entryId = await open(2);
    await hub.edit(DOC, (doc) => setField(doc, entryId, 'Difficulty', 'Hard', XEN_PROFILE));
    const prepared = await service.prepare(
      { wiki: ORIGIN, view: VIEW, docName: DOC, entryIds: [entryId] },
      PANEL,
    );
    expect(tabs.every((tab) => tab === 7) && tabs.length > 0).toBe(true);
    expect(prepared.docName).toBe(DOC);
    expect(prepared.plan?.entries.map((e) => [e.action, e.changes.map((c) => [c.param, c.after])])).toEqual([
      ['update', [['Difficulty', 'Hard']]],
    ]);
    expect(prepared.plan?.summary).toBe('Update project: Lazy restore using memory paging');
    // The test wiki answers no token request: the session is unknown, with the way to log in.
    expect(prepared.session.state).toBe('unknown');
    expect(prepared.session.loginUrl).toContain('Special%3AUserLogin');
  });

  it('takes, for the whole page, only the drafts somebody wrote in', async () => {
    const { hub, service, open } = setup();
    const written = await open(2);
    await open(3);
    await hub.edit(DOC, (doc) => setField(doc, written, 'Difficulty', 'Hard', XEN_PROFILE));
    const prepared = await service.prepare(
      { wiki: ORIGIN, view: VIEW, docName: 'ignored', entryIds: null },
      PANEL,
    );
    expect(prepared.docName).toBe(DOC);
    expect(prepared.plan?.input.drafts.map((d) => d.id)).toEqual([written]);
  });

  it('refuses anyone but its own panel in a page of that very wiki', async () => {
    const request = { wiki: ORIGIN, view: VIEW, docName: DOC, entryIds: null };
    await expect(setup().service.prepare(request, { ...PANEL, id: 'another' })).rejects.toThrow(/Refused/);
    await expect(setup().service.prepare(request, { ...PANEL, tabId: undefined })).rejects.toThrow(
      /wiki’s own page/,
    );
    await expect(setup('https://elsewhere.test/').service.prepare(request, PANEL)).rejects.toThrow(/Refused/);
  });
});
