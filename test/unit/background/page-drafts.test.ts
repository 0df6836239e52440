import { describe, expect, it } from 'vitest';
import { handleOpenDraft } from '../../../lib/background/open-draft';
import { draftsOnPage, handlePageDrafts } from '../../../lib/background/page-drafts';
import { WikiAccess } from '../../../lib/background/wiki-access';
import { pageDocName } from '../../../lib/collab/doc-names';
import { setField } from '../../../lib/collab/set-field';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import type { DraftRecord } from '../../../lib/store/records';
import { Profile } from '../drafts/hub-fixture';
import { API, ENABLED, ORIGIN, TestWiki, TITLE } from './wiki-fixture';

const OWN = 'ownextensionidownextensionidabcd';
const EXTENSION = `chrome-extension://${OWN}`;
const PANEL = { id: OWN, url: `${EXTENSION}/panel.html`, tabId: 3 };
const PAGE = { id: OWN, url: `${ORIGIN}/index.php?title=X`, tabId: 3 };
const DOC = pageDocName({ wiki: ORIGIN, page: TITLE });
const view = (revisionId: number) => ({ title: TITLE, revisionId, apiUrl: API });

const record = (id: string, over: Partial<DraftRecord>): DraftRecord => ({
  id,
  wiki: ORIGIN,
  page: TITLE,
  docName: DOC,
  entryId: id,
  identity: { ordinal: 1, title: 'Alpha', baseWikitext: '{{project|Project=Alpha}}' },
  baseRevision: 5,
  status: 'draft',
  isNew: false,
  section: [],
  title: 'Alpha',
  updatedAt: 1,
  ...over,
});

describe('which entries of a page have drafts', () => {
  const identities = [
    { ordinal: 1, title: 'Alpha', baseWikitext: '{{project|Project=Alpha|Desc=changed on the wiki}}' },
    { ordinal: 2, title: 'Beta', baseWikitext: '{{project|Project=Beta}}' },
  ];

  it('matches by unchanged text first, then by title, each draft once, and says whether the page moved on', () => {
    const records = [
      record('a', {}),
      record('b', {
        identity: { ordinal: 2, title: 'Old beta', baseWikitext: '{{project|Project=Beta}}' },
        baseRevision: 9,
      }),
      record('c', { identity: { ordinal: 7, title: 'Alpha', baseWikitext: 'x' }, status: 'discarded' }),
    ];
    expect(draftsOnPage(records, identities, 9, () => true)).toEqual({
      entries: [
        { ordinal: 1, behind: true },
        { ordinal: 2, behind: false },
      ],
      sections: [],
    });
  });

  it('badges only drafts somebody wrote in, and the sections of new ones', () => {
    const records = [
      record('a', {}),
      record('n1', { identity: null, isNew: true, section: ['Ideas'] }),
      record('n2', { identity: null, isNew: true, section: ['Ideas'] }),
      record('n3', { identity: null, isNew: true, section: ['Other'] }),
    ];
    const result = draftsOnPage(records, identities, 5, (item) => item.id !== 'a' && item.id !== 'n3');
    expect(result).toEqual({ entries: [], sections: [{ section: ['Ideas'] }] });
  });

  it('answers a page adapter from the index and the documents, not the wiki page’s storage', async () => {
    const wiki = new TestWiki();
    const profile = new Profile();
    const hub = profile.startHub();
    const access = new WikiAccess({ enabledWikis: async () => ENABLED, fetchFn: wiki.fetch });
    const tabUrl = async () => PAGE.url;
    const deps = { access, index: profile.index, hub, extensionOrigin: EXTENSION };
    expect(await handlePageDrafts(view(100), PAGE, deps)).toEqual({ entries: [], sections: [] });
    const opened = await handleOpenDraft(
      { wiki: ORIGIN, view: view(100), target: { kind: 'entry', ordinal: 2, title: '' } },
      PANEL,
      { access, hub, ownId: OWN, extensionOrigin: EXTENSION, tabUrl },
    );
    // Opened, not yet written in: no badge.
    expect(await handlePageDrafts(view(100), PAGE, deps)).toEqual({ entries: [], sections: [] });
    await hub.edit(DOC, (doc) => setField(doc, opened.entryId, 'Difficulty', 'Hard', XEN_PROFILE));
    expect(await handlePageDrafts(view(100), PAGE, deps)).toEqual({
      entries: [{ ordinal: 2, behind: false }],
      sections: [],
    });
    await expect(handlePageDrafts(view(100), PANEL, deps)).rejects.toThrow(/only a wiki page/);
    await hub.close();
  });
});
