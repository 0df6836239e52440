import { describe, expect, it } from 'vitest';
import { createAnchor } from '../../../lib/anchoring';
import {
  type CommentsDeps,
  handleInbox,
  handleOpenComments,
  handlePageComments,
} from '../../../lib/background/comments-handlers';
import { WikiAccess } from '../../../lib/background/wiki-access';
import { commentsDocName } from '../../../lib/collab/doc-names';
import { createThread } from '../../../lib/comments';
import { COMMENTS_READ_ONLY } from '../../../lib/comments/protocol';
import { Profile } from '../drafts/hub-fixture';
import { API, ENABLED, ORIGIN, TestWiki, TITLE } from './wiki-fixture';

const OWN = 'ownextensionidownextensionidabcd';
const EXTENSION = `chrome-extension://${OWN}`;
const FRAME = { id: OWN, url: `${EXTENSION}/comments.html`, tabId: 3 };
const PAGE = { id: OWN, url: `${ORIGIN}/index.php?title=X`, tabId: 3 };
const DOC = commentsDocName({ wiki: ORIGIN, page: TITLE });
const VIEW = { title: TITLE, revisionId: 100, apiUrl: API };
const DEVICE = 'device:00000000-0000-4000-8000-000000000001';

function setUp(sync?: CommentsDeps['sync']) {
  const profile = new Profile();
  const hub = profile.startHub();
  const stored = new Set<string>();
  const deps: CommentsDeps = {
    hub,
    access: new WikiAccess({ enabledWikis: async () => ENABLED, fetchFn: new TestWiki().fetch }),
    ownId: OWN,
    extensionOrigin: EXTENSION,
    tabUrl: async () => PAGE.url,
    author: async () => ({ deviceId: DEVICE, displayName: '' }),
    storedDocNames: async () => [...stored, ...hub.openDocNames()],
    ...(sync ? { sync } : {}),
  };
  return { hub, deps, stored };
}

describe('the background’s comments requests', () => {
  it('gives the page adapter counts (the wiki’s remarks too) and highlights, opening no document of its own', async () => {
    const { hub, deps } = setUp();
    const first = await handlePageComments(VIEW, PAGE, deps);
    expect(first.highlights).toEqual([]);
    expect(first.counts.length).toBeGreaterThan(0);
    expect(hub.openDocNames()).toEqual([]);
    const rendered = 'Lazy restore using memory paging and more';
    const anchor = createAnchor(
      {
        entry: { title: 'Lazy restore using memory paging', ordinal: 2, draftId: null },
        scope: { kind: 'rendered' },
      },
      rendered,
      0,
      12,
    );
    await hub.edit(DOC, (doc) => {
      createThread(doc, {
        anchor,
        text: 'Why lazy?',
        author: { id: DEVICE, name: 'Me' },
        at: '2026-01-01T00:00:00Z',
      });
    });
    const after = await handlePageComments(VIEW, PAGE, deps);
    expect(after.highlights).toEqual([{ threadId: expect.any(String), ordinal: 2, anchor }]);
    const before = new Map(first.counts.map((count) => [count.ordinal, count.open]));
    expect(after.counts.find((count) => count.ordinal === 2)?.open).toBe((before.get(2) ?? 0) + 1);
    await expect(handlePageComments(VIEW, FRAME, deps)).rejects.toThrow(/only a wiki page/);
    await hub.close();
  });

  it('opens a page’s comments for the frame only, named for this device, read-only when the role says so', async () => {
    const { hub, deps } = setUp({
      open: async () => undefined,
      canWrite: () => false,
      status: (doc) => ({ doc, state: 'synced', text: 'Synced', waiting: 0, canWrite: false }),
    });
    const opened = await handleOpenComments({ wiki: ORIGIN, view: VIEW, wikiUser: 'Rita_R' }, FRAME, deps);
    expect(opened).toMatchObject({
      docName: DOC,
      me: { id: DEVICE, name: 'Rita R' },
      readOnly: COMMENTS_READ_ONLY,
    });
    expect(opened.wikitext).toContain('{{Comment|');
    await expect(
      handleOpenComments({ wiki: ORIGIN, view: VIEW, wikiUser: null }, PAGE, deps),
    ).rejects.toThrow(/Refused/);
    await expect(handleInbox(PAGE, deps)).rejects.toThrow(/Refused/);
    expect((await handleInbox(FRAME, deps)).threads).toEqual([]);
    await hub.close();
  });
});
