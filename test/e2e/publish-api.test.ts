// Publishing against the real wiki, from Node, with a cookie-keeping fetch as the page's own would be.
// Each test works on a page of its own; the Reviewer edits behind our back through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fetch, WikiApi } from '../../lib/mediawiki/api';
import { WikiEditor } from '../../lib/mediawiki/edit';
import { XEN_PROFILE } from '../../lib/model';
import {
  MemoryPublishJournal,
  type PublishDraft,
  Publisher,
  type PublishJournal,
  type PublishPlan,
  type PublishRecord,
  planPublish,
  resolveConflicts,
} from '../../lib/publish';
import { WIKI_ADMIN, type WikiAccount, WikiApiSession } from '../support/wiki';
import { draftOf, newDraft, replaceOnce, SEED } from '../unit/publish/drafts';
import { e2eEnvironment } from './support/environment';

const LAZY = 'Lazy restore using memory paging';
let apiUrl: string;
let users: ReturnType<typeof e2eEnvironment>['wiki']['users'];
let mentor: WikiApiSession;
let reviewer: WikiApiSession;
const created: string[] = [];

/** A fetch that keeps cookies as a browser tab does; `before` runs ahead of each edit request. */
function browserFetch(
  options: { before?: (body: string) => Promise<void>; after?: (body: string) => void } = {},
) {
  const jar = new Map<string, string>();
  const edits: string[] = [];
  const fetchFn: Fetch = async (input, init = {}) => {
    const body = init.body === undefined ? '' : String(init.body);
    const isEdit = init.method === 'POST' && new URLSearchParams(body).get('action') === 'edit';
    if (isEdit) await options.before?.(body);
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      const attribute = (key: string) =>
        attributes
          .find((a) => a.trim().toLowerCase().startsWith(`${key}=`))
          ?.split('=')[1]
          ?.trim();
      const expires = attribute('expires');
      const expired =
        value === 'deleted' ||
        Number(attribute('max-age')) <= 0 ||
        (expires !== undefined && Date.parse(expires) < Date.now());
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
    if (isEdit) {
      edits.push(body);
      options.after?.(body);
    }
    return response;
  };
  return { fetchFn, edits };
}

async function logIn(fetchFn: Fetch, account: WikiAccount): Promise<void> {
  const api = new WikiApi(apiUrl, fetchFn);
  const tokens = (await api.get({ action: 'query', meta: 'tokens', type: 'login' })) as {
    query: { tokens: { logintoken: string } };
  };
  const body = new URLSearchParams({
    action: 'clientlogin',
    format: 'json',
    formatversion: '2',
    username: account.username,
    password: account.password,
    loginreturnurl: new URL('/', apiUrl).href,
    logintoken: tokens.query.tokens.logintoken,
  });
  const answer = (await (await fetchFn(apiUrl, { method: 'POST', body })).json()) as {
    clientlogin?: { status: string };
  };
  expect(answer.clientlogin?.status).toBe('PASS');
}

async function logOut(fetchFn: Fetch): Promise<void> {
  const api = new WikiApi(apiUrl, fetchFn);
  const tokens = (await api.get({ action: 'query', meta: 'tokens' })) as {
    query: { tokens: { csrftoken: string } };
  };
  await fetchFn(apiUrl, {
    method: 'POST',
    body: new URLSearchParams({ action: 'logout', format: 'json', token: tokens.query.tokens.csrftoken }),
  });
}

/** A logged-in Mentor tab and a publisher on it. */
async function mentorTab(
  options: Parameters<typeof browserFetch>[0] = {},
  journal: PublishJournal = new MemoryPublishJournal(),
) {
  const tab = browserFetch(options);
  await logIn(tab.fetchFn, users.mentor);
  const editor = new WikiEditor(apiUrl, tab.fetchFn);
  return { ...tab, editor, journal, publisher: new Publisher({ editor, journal }) };
}

interface Revision {
  revid: number;
  parentid: number;
  user: string;
  comment: string;
  timestamp: string;
}

async function history(title: string): Promise<Revision[]> {
  const answer = await mentor.get({
    action: 'query',
    prop: 'revisions',
    titles: title,
    rvprop: 'ids|user|comment|timestamp',
    rvlimit: 50,
  });
  return (answer.query as { pages: { revisions: Revision[] }[] }).pages[0]!.revisions;
}

/** A page of this test's own, holding `text`; its revision id. */
async function ownPage(name: string, text = SEED): Promise<{ title: string; revisionId: number }> {
  const title = `Publish test ${name} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  created.push(title);
  return { title, revisionId: await mentor.edit(title, text, 'test page') };
}

/** The plan for these drafts against the page as the wiki has it now. */
async function planNow(editor: WikiEditor, title: string, drafts: PublishDraft[]): Promise<PublishPlan> {
  const page = await editor.readPage(title, null);
  return planPublish({ profile: XEN_PROFILE, page, drafts });
}

const wikitext = async (title: string) => (await mentor.wikitext(title))!;

beforeAll(async () => {
  const env = e2eEnvironment();
  apiUrl = env.wiki.apiUrl;
  users = env.wiki.users;
  mentor = await WikiApiSession.login(apiUrl, 'mentor');
  reviewer = await WikiApiSession.login(apiUrl, 'reviewer');
});

afterAll(async () => {
  const admin = await WikiApiSession.login(apiUrl, WIKI_ADMIN);
  for (const title of created)
    await admin.post({
      action: 'delete',
      title,
      reason: 'publish test done',
      token: await admin.token('csrf'),
    });
});

describe('publishing to the real wiki', () => {
  it('saves an edited entry: only the edited values change, byte for byte', async () => {
    const { title, revisionId } = await ownPage('edit');
    const tab = await mentorTab();
    const plan = await planNow(tab.editor, title, [
      draftOf(SEED, 2, { Difficulty: 'Hard' }, { baseRevision: revisionId }),
    ]);
    const result = await tab.publisher.publish(plan, { publishId: 'edit-1' });
    expect(result).toMatchObject({
      kind: 'published',
      mergedByWiki: false,
      repeated: false,
      message: 'Published.',
    });
    expect(await wikitext(title)).toBe(replaceOnce(SEED, '|Difficulty=Medium\n', '|Difficulty=Hard\n'));
    const [latest] = await history(title);
    expect(latest).toMatchObject({
      parentid: revisionId,
      user: 'Mentor',
      comment: `Update project: ${LAZY}`,
    });
    if (result.kind !== 'published') throw new Error(result.kind);
    expect(result.revisionId).toBe(latest!.revid);
    expect(result.entries).toEqual([
      expect.objectContaining({
        action: 'update',
        identity: expect.objectContaining({ ordinal: 2, title: LAZY }),
      }),
    ]);
    // Every edit request carried baserevid and no basetimestamp.
    const sent = new URLSearchParams(tab.edits[0]);
    expect([
      sent.get('baserevid'),
      sent.get('basetimestamp'),
      sent.get('assert'),
      sent.get('nocreate'),
    ]).toEqual([String(revisionId), null, 'user', '1']);
  });

  it('adds a new entry at the end of its section, in the page’s style', async () => {
    const { title } = await ownPage('add');
    const tab = await mentorTab();
    const draft = newDraft(['Accepted Projects', 'GSoC Projects'], {
      Project: 'A new idea',
      Difficulty: 'Easy',
      Desc: 'Text.',
    });
    const result = await tab.publisher.publish(await planNow(tab.editor, title, [draft]), {
      publishId: 'add-1',
      summary: 'New idea',
    });
    expect(result.kind).toBe('published');
    const last = '* benchmark report of with and without.\n}}\n';
    const entry =
      '{{project\n|Project=A new idea\n|Date=\n|Verified=\n|Contact=\n|Difficulty=Easy\n|Skills=\n|GSoC=\n|Desc=Text.\n|Outcomes=\n}}';
    expect(await wikitext(title)).toBe(replaceOnce(SEED, last, `${last}\n${entry}\n`));
    expect((await history(title))[0]!.comment).toBe('New idea');
  });

  it('merges the Reviewer’s edit of another field made in between', async () => {
    const { title, revisionId } = await ownPage('merge');
    const draft = draftOf(SEED, 2, { Difficulty: 'Hard' }, { baseRevision: revisionId });
    const theirs = replaceOnce(SEED, 'Student: Dushyant Behl\n', 'Student: D. Behl\n');
    await reviewer.edit(title, theirs, 'reviewer edit');
    const tab = await mentorTab();
    const plan = await planNow(tab.editor, title, [draft]);
    expect(plan.entries[0]!.keptFromWiki.map((change) => change.label)).toEqual(['Technical contact']);
    expect((await tab.publisher.publish(plan, { publishId: 'merge-1' })).kind).toBe('published');
    expect(await wikitext(title)).toBe(replaceOnce(theirs, '|Difficulty=Medium\n', '|Difficulty=Hard\n'));
  });

  it('makes the same field a conflict, and publishes either choice', async () => {
    for (const use of ['mine', 'theirs'] as const) {
      const { title, revisionId } = await ownPage(`conflict-${use}`);
      const draft = draftOf(SEED, 2, { Difficulty: 'Hard', Skills: 'C' }, { baseRevision: revisionId });
      const theirs = replaceOnce(SEED, '|Difficulty=Medium\n', '|Difficulty=Medium-High\n');
      await reviewer.edit(title, theirs, 'reviewer edit');
      const tab = await mentorTab();
      const pending = await planNow(tab.editor, title, [draft]);
      expect(pending.conflicts.map((c) => [c.label, c.mine, c.theirs])).toEqual([
        ['Difficulty', 'Hard', 'Medium-High'],
      ]);
      expect((await tab.publisher.publish(pending, { publishId: `conflict-${use}-0` })).kind).toBe(
        'not-publishable',
      );
      const decided = resolveConflicts(pending, { [pending.conflicts[0]!.id]: use });
      expect((await tab.publisher.publish(decided, { publishId: `conflict-${use}-1` })).kind).toBe(
        'published',
      );
      const skills = theirs.replace(/\|Skills=A good understanding[^\n]*\n/, '|Skills=C\n');
      expect(await wikitext(title)).toBe(
        use === 'mine' ? replaceOnce(skills, '|Difficulty=Medium-High\n', '|Difficulty=Hard\n') : skills,
      );
    }
  });

  it('sends baserevid alone, so a same-second edit by the Reviewer is a conflict, never overwritten', async () => {
    const mine = replaceOnce(SEED, '|Difficulty=Medium\n', '|Difficulty=Hard\n');
    const theirs = replaceOnce(SEED, '|Difficulty=Medium\n', '|Difficulty=Medium-High\n');
    const startOfSecond = async () => {
      while (Date.now() % 1000 > 50) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    /** Whether the Reviewer's edit has the very timestamp (to the second) of the page's first revision. */
    const sameSecond = async (title: string) => {
      const revisions = await history(title);
      return revisions.find((r) => r.user === 'Reviewer')?.timestamp === revisions.at(-1)!.timestamp;
    };

    let checked = 0;
    for (let attempt = 0; attempt < 6 && checked === 0; attempt++) {
      let title = '';
      const tab = await mentorTab({
        before: async () => void (await reviewer.edit(title, theirs, 'same second')),
      });
      await startOfSecond();
      const base = await ownPage('same-second');
      title = base.title;
      const plan = await planNow(tab.editor, title, [
        draftOf(SEED, 2, { Difficulty: 'Hard' }, { baseRevision: base.revisionId }),
      ]);
      const result = await tab.publisher.publish(plan, { publishId: `same-second-${attempt}` });
      if (!(await sameSecond(title))) continue;
      checked++;
      expect(await wikitext(title)).toBe(theirs);
      expect(result).toMatchObject({
        kind: 'changed',
        plan: { conflicts: [{ label: 'Difficulty', mine: 'Hard', theirs: 'Medium-High' }] },
      });
    }
    expect(checked).toBe(1);

    // The control: the same request with basetimestamp as well loses the Reviewer's edit on this wiki.
    let lost = false;
    for (let attempt = 0; attempt < 6 && !lost; attempt++) {
      await startOfSecond();
      const { title, revisionId } = await ownPage('same-second-control');
      const [base] = await history(title);
      await reviewer.edit(title, theirs, 'same second');
      const token = await mentor.token('csrf');
      await mentor
        .post({
          action: 'edit',
          title,
          text: mine,
          baserevid: revisionId,
          basetimestamp: base!.timestamp,
          token,
        })
        .catch(() => undefined);
      if (await sameSecond(title)) lost = (await wikitext(title)) === mine;
    }
    expect(lost).toBe(true);
  });

  it('lets the wiki merge an edit to another entry made while sending, and says so', async () => {
    const { title, revisionId } = await ownPage('diff3');
    const theirs = replaceOnce(SEED, '|Skills=OCaml\n', '|Skills=OCaml, Xen\n');
    const tab = await mentorTab({
      before: async () => void (await reviewer.edit(title, theirs, 'meanwhile')),
    });
    const plan = await planNow(tab.editor, title, [
      draftOf(SEED, 2, { Difficulty: 'Hard' }, { baseRevision: revisionId }),
    ]);
    const result = await tab.publisher.publish(plan, { publishId: 'diff3-1' });
    expect(result).toMatchObject({ kind: 'published', mergedByWiki: true });
    expect(await wikitext(title)).toBe(replaceOnce(theirs, '|Difficulty=Medium\n', '|Difficulty=Hard\n'));
  });

  it('reports a save the wiki merged into the published entry as not what was previewed', async () => {
    const { title, revisionId } = await ownPage('verify');
    const theirs = replaceOnce(SEED, `${LAZY}\n|Date=01/20/2014\n`, `${LAZY}\n|Date=2014-01-20\n`);
    const tab = await mentorTab({
      before: async () => void (await reviewer.edit(title, theirs, 'meanwhile')),
    });
    const plan = await planNow(tab.editor, title, [
      draftOf(SEED, 2, { Difficulty: 'Hard' }, { baseRevision: revisionId }),
    ]);
    const result = await tab.publisher.publish(plan, { publishId: 'verify-1' });
    expect(result).toMatchObject({ kind: 'verify-failed', unmet: [{ title: LAZY }] });
    // Nothing was lost: the wiki holds both edits; the journal will not send it again.
    expect(await wikitext(title)).toBe(replaceOnce(theirs, '|Difficulty=Medium\n', '|Difficulty=Hard\n'));
    expect((await tab.journal.read('verify-1'))?.state).toBe('done');
  });

  it('merges again and resends after an edit conflict, while the entries stay as previewed', async () => {
    const inline = '== Ideas ==\n{{project|Project=A|Difficulty=Easy}} {{project|Project=B|Difficulty=Easy}}';
    const { title, revisionId } = await ownPage('retry', inline);
    const theirs = inline.replace('Project=B|Difficulty=Easy', 'Project=B|Difficulty=Hard');
    let interfered = false;
    const tab = await mentorTab({
      before: async () => {
        if (interfered) return;
        interfered = true;
        await reviewer.edit(title, theirs, 'same line, other entry');
      },
    });
    const plan = await planNow(tab.editor, title, [
      draftOf(inline, 1, { Difficulty: 'Medium' }, { baseRevision: revisionId }),
    ]);
    const result = await tab.publisher.publish(plan, { publishId: 'retry-1' });
    expect(result).toMatchObject({ kind: 'published', mergedByWiki: false });
    expect(tab.edits).toHaveLength(2);
    expect(await wikitext(title)).toBe(
      theirs.replace('Project=A|Difficulty=Easy', 'Project=A|Difficulty=Medium'),
    );
    expect((await tab.journal.read('retry-1'))?.attempts).toBe(2);
  });

  it('asks for a new review when a conflict on the same line changed the published entry', async () => {
    const inline = '{{project|Project=A|Difficulty=Easy|GSoC=No}}';
    const { title, revisionId } = await ownPage('review', inline);
    const theirs = inline.replace('GSoC=No', 'GSoC=Yes');
    let interfered = false;
    const tab = await mentorTab({
      before: async () => {
        if (interfered) return;
        interfered = true;
        await reviewer.edit(title, theirs, 'same line, same entry');
      },
    });
    const plan = await planNow(tab.editor, title, [
      draftOf(inline, 1, { Difficulty: 'Medium' }, { baseRevision: revisionId }),
    ]);
    const result = await tab.publisher.publish(plan, { publishId: 'review-1' });
    if (result.kind !== 'changed') throw new Error(`expected changed, got ${result.kind}`);
    expect(await wikitext(title)).toBe(theirs);
    expect(result.plan).toMatchObject({ publishable: true, conflicts: [] });
    expect((await tab.publisher.publish(result.plan, { publishId: 'review-2' })).kind).toBe('published');
    expect(await wikitext(title)).toBe('{{project|Project=A|Difficulty=Medium|GSoC=Yes}}');
  });
});

describe('when the session is missing', () => {
  it('says so with a link to log in, sends nothing, and publishes once logged in', async () => {
    const { title, revisionId } = await ownPage('anonymous');
    const tab = browserFetch();
    const publisher = new Publisher({
      editor: new WikiEditor(apiUrl, tab.fetchFn),
      journal: new MemoryPublishJournal(),
    });
    const plan = await planNow(new WikiEditor(apiUrl, tab.fetchFn), title, [
      draftOf(SEED, 2, { Difficulty: 'Hard' }, { baseRevision: revisionId }),
    ]);
    const result = await publisher.publish(plan, { publishId: 'anon-1' });
    if (result.kind !== 'not-logged-in') throw new Error(result.kind);
    expect(result.reason).toBe('not-logged-in');
    const login = new URL(result.loginUrl);
    expect([login.pathname, login.searchParams.get('title'), login.searchParams.get('returnto')]).toEqual([
      '/index.php',
      'Special:UserLogin',
      title,
    ]);
    expect(await (await fetch(login)).text()).toContain('name="wpName"');
    expect(tab.edits).toEqual([]);
    expect(await wikitext(title)).toBe(SEED);

    await logIn(tab.fetchFn, users.mentor);
    expect((await publisher.retry('anon-1')).kind).toBe('published');
    expect(await wikitext(title)).toBe(replaceOnce(SEED, '|Difficulty=Medium\n', '|Difficulty=Hard\n'));
  });

  it('handles a session that ends right before the request (assert=user)', async () => {
    const { title, revisionId } = await ownPage('session-lost');
    const memory = new MemoryPublishJournal();
    let tabFetch: Fetch | undefined;
    // The session ends between reading the token and sending the edit.
    const journal: PublishJournal = {
      read: (id) => memory.read(id),
      write: async (record: PublishRecord) => {
        if (record.state === 'in-flight' && record.attempts === 1) await logOut(tabFetch!);
        await memory.write(record);
      },
    };
    const tab = await mentorTab({}, journal);
    tabFetch = tab.fetchFn;
    const plan = await planNow(tab.editor, title, [
      draftOf(SEED, 2, { Difficulty: 'Hard' }, { baseRevision: revisionId }),
    ]);
    const result = await tab.publisher.publish(plan, { publishId: 'lost-session-1' });
    expect(result).toMatchObject({ kind: 'not-logged-in', reason: 'not-logged-in' });
    expect(tab.edits).toHaveLength(1);
    expect(await wikitext(title)).toBe(SEED);
    expect((await memory.read('lost-session-1'))?.state).toBe('pending');
  });
});

describe('one click never publishes twice', () => {
  /** A network that can be cut off and brought back. */
  const lostAnswer = () => {
    let down = false;
    return {
      isDown: () => down,
      set: (value: boolean) => {
        down = value;
      },
    };
  };

  it('finds a save whose answer was lost, and never sends it again', async () => {
    const { title, revisionId } = await ownPage('lost');
    const journal = new MemoryPublishJournal();
    let dropAnswer = true;
    const tab = await mentorTab({}, journal);
    // The wiki saves, then the answer is lost on the way back.
    const lossy: Fetch = async (input, init) => {
      const response = await tab.fetchFn(input, init);
      if (dropAnswer && init?.method === 'POST' && String(init.body).includes('action=edit')) {
        dropAnswer = false;
        throw new TypeError('fetch failed: the connection was reset');
      }
      return response;
    };
    const publisher = new Publisher({ editor: new WikiEditor(apiUrl, lossy), journal });
    const plan = await planNow(tab.editor, title, [
      draftOf(SEED, 2, { Difficulty: 'Hard' }, { baseRevision: revisionId }),
    ]);
    const first = await publisher.publish(plan, { publishId: 'lost-1' });
    expect(first).toMatchObject({ kind: 'published', repeated: false });
    const again = await publisher.publish(plan, { publishId: 'lost-1' });
    expect(again).toMatchObject({ kind: 'published', repeated: true });
    expect(tab.edits).toHaveLength(1);
    expect((await history(title)).filter((revision) => revision.user === 'Mentor')).toHaveLength(2);
    expect(await wikitext(title)).toBe(replaceOnce(SEED, '|Difficulty=Medium\n', '|Difficulty=Hard\n'));
  });

  it('keeps the publish in flight while the wiki cannot be asked, then finds it instead of resending', async () => {
    const { title, revisionId } = await ownPage('offline');
    const journal = new MemoryPublishJournal();
    const network = lostAnswer();
    const tab = await mentorTab({ after: () => network.set(true) }, journal);
    const flaky: Fetch = async (input, init) => {
      if (network.isDown()) throw new TypeError('fetch failed: network is down');
      const response = await tab.fetchFn(input, init);
      if (network.isDown()) throw new TypeError('fetch failed: network is down');
      return response;
    };
    const plan = await planNow(tab.editor, title, [
      draftOf(SEED, 2, { Difficulty: 'Hard' }, { baseRevision: revisionId }),
    ]);
    const first = await new Publisher({ editor: new WikiEditor(apiUrl, flaky), journal }).publish(plan, {
      publishId: 'offline-1',
    });
    expect(first.kind).toBe('interrupted');
    expect((await journal.read('offline-1'))?.state).toBe('in-flight');
    // Back online, in a new service worker: the same publish id is taken up from the journal.
    network.set(false);
    const later = await new Publisher({ editor: new WikiEditor(apiUrl, flaky), journal }).retry('offline-1');
    expect(later).toMatchObject({ kind: 'published', repeated: true });
    expect(tab.edits).toHaveLength(1);
    expect(await wikitext(title)).toBe(replaceOnce(SEED, '|Difficulty=Medium\n', '|Difficulty=Hard\n'));
  });

  it('finds a lost save in the history when someone edited the entry after it', async () => {
    const { title, revisionId } = await ownPage('history');
    const journal = new MemoryPublishJournal();
    const network = lostAnswer();
    const tab = await mentorTab({ after: () => network.set(true) }, journal);
    const flaky: Fetch = async (input, init) => {
      if (network.isDown()) throw new TypeError('fetch failed: network is down');
      const response = await tab.fetchFn(input, init);
      if (network.isDown()) throw new TypeError('fetch failed: network is down');
      return response;
    };
    const plan = await planNow(tab.editor, title, [
      draftOf(SEED, 2, { Difficulty: 'Hard' }, { baseRevision: revisionId }),
    ]);
    const editor = new WikiEditor(apiUrl, flaky);
    expect((await new Publisher({ editor, journal }).publish(plan, { publishId: 'history-1' })).kind).toBe(
      'interrupted',
    );
    network.set(false);
    const ours = (await history(title))[0]!;
    const theirs = replaceOnce(
      replaceOnce(SEED, '|Difficulty=Medium\n', '|Difficulty=Hard\n'),
      'Student: Dushyant Behl\n',
      'Student: D. Behl\n',
    );
    await reviewer.edit(title, theirs, 'after the lost save');
    const later = await new Publisher({ editor, journal }).retry('history-1');
    expect(later).toMatchObject({ kind: 'published', repeated: true, revisionId: ours.revid });
    expect(tab.edits).toHaveLength(1);
    expect(await wikitext(title)).toBe(theirs);
  });

  it('sends again after a request that never reached the wiki, once', async () => {
    const { title, revisionId } = await ownPage('unsent');
    const journal = new MemoryPublishJournal();
    const tab = await mentorTab({}, journal);
    let refuse = true;
    const dropped: Fetch = async (input, init) => {
      if (refuse && init?.method === 'POST' && String(init.body).includes('action=edit')) {
        refuse = false;
        throw new TypeError('fetch failed: connection refused');
      }
      return tab.fetchFn(input, init);
    };
    const publisher = new Publisher({ editor: new WikiEditor(apiUrl, dropped), journal });
    const plan = await planNow(tab.editor, title, [
      draftOf(SEED, 2, { Difficulty: 'Hard' }, { baseRevision: revisionId }),
    ]);
    expect((await publisher.publish(plan, { publishId: 'unsent-1' })).kind).toBe('interrupted');
    expect(await wikitext(title)).toBe(SEED);
    expect((await publisher.retry('unsent-1')).kind).toBe('published');
    expect(tab.edits).toHaveLength(1);
    expect((await history(title)).filter((revision) => revision.user === 'Mentor')).toHaveLength(2);
  });

  it('answers a double click with one publish', async () => {
    const { title, revisionId } = await ownPage('double');
    const tab = await mentorTab();
    const plan = await planNow(tab.editor, title, [
      draftOf(SEED, 2, { Difficulty: 'Hard' }, { baseRevision: revisionId }),
    ]);
    const [a, b] = await Promise.all([
      tab.publisher.publish(plan, { publishId: 'double-1' }),
      tab.publisher.publish(plan, { publishId: 'double-1' }),
    ]);
    expect(a).toEqual(b);
    expect(a.kind).toBe('published');
    expect(tab.edits).toHaveLength(1);
  });
});
