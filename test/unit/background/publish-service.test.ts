import { describe, expect, it } from 'vitest';
import { handleOpenDraft } from '../../../lib/background/open-draft';
import { markRemarksDone } from '../../../lib/background/publish-remarks';
import { PublishService } from '../../../lib/background/publish-service';
import { WikiAccess } from '../../../lib/background/wiki-access';
import { commentsDocName, pageDocName } from '../../../lib/collab/doc-names';
import { setField } from '../../../lib/collab/set-field';
import { adoptLegacyThread, pageEntrySources, pageThreads, resolveThread } from '../../../lib/comments';
import type { Fetch } from '../../../lib/mediawiki/api';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import { DexiePublishJournal } from '../../../lib/store/publish-journal';
import { SEED_PAGE_TEXT } from '../collab/page-fixture';
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

  it('folds a resolved wiki remark of the page’s comments into the entry’s plan, once', async () => {
    const { hub, service, open } = setup();
    const entryId = await open(2);
    const comments = commentsDocName({ wiki: ORIGIN, page: TITLE });
    const entries = pageEntrySources({ wikitext: SEED_PAGE_TEXT }, XEN_PROFILE);
    await hub.edit(comments, (doc) => {
      const remark = pageThreads(doc, SEED_PAGE_TEXT, entries).threads.find(
        (thread) => thread.anchor.target.entry.ordinal === 2,
      )!;
      const threadId = adoptLegacyThread(doc, remark);
      resolveThread(doc, { threadId, actor: { id: 'device:r', name: 'R' }, at: '2026-01-02T03:04:05.000Z' });
    });
    const request = { wiki: ORIGIN, view: VIEW, docName: DOC, entryIds: [entryId] };
    const plan = (await service.prepare(request, PANEL)).plan!;
    const line = '* {{Comment|[[User:Dushyant|dushyant]]}} Hi, I am working on this project.\n';
    expect(plan.newText).toBe(SEED_PAGE_TEXT.replace(line, '').trimEnd());
    expect(plan.entries[0]!.action).toBe('update');
    expect(plan.entries[0]!.remarks.map((remark) => remark.line)).toEqual([
      'Removes the remark by Dushyant (resolved)',
    ]);
    const published = {
      kind: 'published' as const,
      publishId: 'p',
      revisionId: 101,
      entries: [{ entryId, title: plan.entries[0]!.title, action: 'update' as const, identity: null }],
      mergedByWiki: false,
      repeated: false,
      message: 'Published.',
    };
    await markRemarksDone(hub, ORIGIN, plan, published, '2026-01-02T04:00:00.000Z');
    expect((await service.prepare(request, PANEL)).plan!.entries[0]!.remarks).toEqual([]);
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
