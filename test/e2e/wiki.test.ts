// The real test wiki: installed from nothing, seeded, served by `php -S`, stopped and started again.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureWiki,
  type RunningWiki,
  resetWiki,
  stopWiki,
  WIKI_PAGES,
  WikiApiError,
  WikiApiSession,
} from '../support/wiki';

// Its own state directory and a free port: this test resets, stops and restarts its wiki.
const stateDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '.state',
  'wiki-e2e-selftest',
);
let wiki: RunningWiki;

/** What a reader sees of a page: its HTML without tags, entities for spaces decoded, spaces collapsed. */
function visibleText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#160;|&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

async function pageHtml(title: string, extra = ''): Promise<string> {
  const response = await fetch(`${wiki.indexUrl}?title=${encodeURIComponent(title)}${extra}`);
  expect(response.status).toBe(200);
  return response.text();
}

/** The article body only (between MediaWiki's content markers), so the skin's chrome is left out. */
async function articleText(title: string): Promise<string> {
  const html = await pageHtml(title);
  const start = html.indexOf('<div class="mw-parser-output">');
  const end = html.indexOf('<div class="printfooter"');
  expect(start).toBeGreaterThan(0);
  return visibleText(html.slice(start, end > start ? end : undefined));
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/** A GET whose path is sent byte for byte (fetch would resolve `..` before sending). */
function rawStatus(pathAsIs: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port: wiki.port, path: pathAsIs }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
  });
}

/** Processes of a group that still run (zombies left for a non-reaping init do not count). */
function liveProcessesInGroup(group: number): number[] {
  return fs.readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , processGroup] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(processGroup) === group && state !== 'Z' ? [Number(entry)] : [];
    } catch {
      return [];
    }
  });
}

beforeAll(async () => {
  await resetWiki(stateDir);
  wiki = await ensureWiki({ stateDir, port: 0 });
});

afterAll(async () => {
  await stopWiki(stateDir);
});

describe('a fresh wiki', () => {
  it('was installed and seeded with every page, template and user', () => {
    expect(wiki.started).toBe(true);
    expect(wiki.installed).toBe(true);
    expect(wiki.missing).toEqual([]);
    expect(wiki.seeded).toEqual(
      expect.arrayContaining([
        'Template:Project',
        'Template:Comment',
        'Template:Idea',
        ...Object.values(WIKI_PAGES),
      ]),
    );
    expect(wiki.origin).toBe(`http://127.0.0.1:${wiki.port}`);
    // The server and the workers PHP_CLI_SERVER_WORKERS forks, all in the server's own process group.
    expect(liveProcessesInGroup(wiki.pid).length).toBeGreaterThan(1);
    const state = fs.readdirSync(stateDir);
    expect(state).toEqual(
      expect.arrayContaining(['LocalSettings.php', 'ProjectDeskSettings.php', 'data', 'server.json']),
    );
  });

  it('answers the API as MediaWiki 1.39 with ParserFunctions and TemplateData', async () => {
    const anonymous = new WikiApiSession(wiki.apiUrl);
    const result = await anonymous.get({ action: 'query', meta: 'siteinfo', siprop: 'general|extensions' });
    const query = result.query as { general: Record<string, string>; extensions: { name: string }[] };
    expect(query.general.generator).toMatch(/^MediaWiki 1\.39\./);
    expect(query.general.server).toBe(wiki.origin);
    expect(query.general.phpsapi).toBe('cli-server');
    expect(query.extensions.map((extension) => extension.name)).toEqual(
      expect.arrayContaining(['ParserFunctions', 'TemplateData']),
    );
  });

  it('renders the seed page as the Xen wiki does', async () => {
    const text = await articleText(WIKI_PAGES.seed2014);
    for (const title of [
      'Implement Xen PVUSB support in xl/libxl toolstack',
      'Lazy restore using memory paging',
      'Improvements to the block I/O paravirtualized Xen drivers',
    ]) {
      expect(text).toContain(title);
    }
    expect(count(text, 'Date of insert:')).toBe(8);
    expect(text).toContain('Date of insert: 01/20/2014; Verified: Not updated in 2016; GSoC: Yes');
    expect(text).toContain('Technical contact: Mentor: Andres Lagar-Cavilla, Student: Dushyant Behl');
    // Empty fields, as the Xen wiki shows them.
    expect(text).toContain('Difficulty: Unknown Skills Needed: Unknown');
    expect(text).toContain('Outcomes: Not specified, project outcomes');
    expect(text).toContain('GSoC: Unknown');
    expect(text).toMatch(/Description: VM Save\/restore results in a boatload of IO/);
    expect(text).toContain('Lars.kurth 14:14, 23 January 2013 (UTC): Should be suitable');
    expect(text).not.toContain('{{');
  });

  it('renders the page without entries, the malformed page and the 500-entry page', async () => {
    const empty = await articleText(WIKI_PAGES.empty);
    expect(empty).toContain('Nothing here yet.');
    expect(empty).not.toContain('Date of insert:');

    const malformed = await articleText(WIKI_PAGES.malformed);
    expect(count(malformed, 'Date of insert:')).toBe(3);
    expect(malformed).toContain('{{project |Project=Idea whose template was never closed');
    expect(malformed).toContain('Well-formed idea after the broken one');

    const generated = await articleText(WIKI_PAGES.generated500);
    expect(count(generated, 'Date of insert:')).toBe(500);
  });

  it('renders the second template as table rows in two sections', async () => {
    const html = await pageHtml(WIKI_PAGES.ideas2025);
    expect(count(html, '<tr class="idea-row">')).toBe(4);
    expect(html).toMatch(/id="Toolstack"[\s\S]*Reproducible toolstack builds[\s\S]*id="Documentation"/);
    expect(visibleText(html)).toContain('Interactive guide to the boot process Dana Example Any level');
  });

  it('describes both entry templates through action=templatedata', async () => {
    const anonymous = new WikiApiSession(wiki.apiUrl);
    const result = await anonymous.get({
      action: 'templatedata',
      titles: 'Template:Project|Template:Idea',
      lang: 'en',
    });
    type Described = {
      title: string;
      paramOrder: string[];
      params: Record<string, { label: string; required: boolean }>;
    };
    const pages = Object.values(result.pages as Record<string, Described>);
    const project = pages.find((page) => page.title === 'Template:Project');
    const idea = pages.find((page) => page.title === 'Template:Idea');
    expect(project?.paramOrder.map((name) => project.params[name]?.label)).toEqual([
      'Project',
      'Date of insert',
      'Verified',
      'GSoC',
      'Technical contact',
      'Difficulty',
      'Skills Needed',
      'Description',
      'Outcomes',
    ]);
    expect(project?.params.Project?.required).toBe(true);
    expect(idea?.paramOrder).toEqual(['title', 'mentors', 'level', 'tags', 'summary']);
    expect(idea?.params.title?.required).toBe(true);
  });
});

describe('accounts and rights', () => {
  it('logs in the mentor and the reviewer with the published passwords', async () => {
    for (const role of ['mentor', 'reviewer'] as const) {
      const session = await WikiApiSession.login(wiki.apiUrl, role);
      const result = await session.get({ action: 'query', meta: 'userinfo', uiprop: 'rights' });
      const user = (result.query as { userinfo: { name: string; rights: string[] } }).userinfo;
      expect(user.name).toBe(wiki.users[role].username);
      expect(user.rights).toContain('edit');
    }
  });

  it('refuses a wrong password', async () => {
    await expect(
      WikiApiSession.login(wiki.apiUrl, {
        username: wiki.users.mentor.username,
        password: 'not-the-password',
      }),
    ).rejects.toThrow(WikiApiError);
  });

  it('refuses anonymous edits and account creation', async () => {
    const anonymous = new WikiApiSession(wiki.apiUrl);
    const rights = await anonymous.get({ action: 'query', meta: 'userinfo', uiprop: 'rights' });
    const granted = (rights.query as { userinfo: { anon?: boolean; rights: string[] } }).userinfo;
    expect(granted.anon).toBe(true);
    expect(granted.rights).not.toContain('edit');
    expect(granted.rights).not.toContain('createaccount');
    const before = await anonymous.wikitext(WIKI_PAGES.empty);
    await expect(anonymous.edit(WIKI_PAGES.empty, 'vandalised')).rejects.toMatchObject({
      code: 'permissiondenied',
    });
    expect(await anonymous.wikitext(WIKI_PAGES.empty)).toBe(before);
  });

  it('shows an edit at once, also through a template changed after the page was cached', async () => {
    const mentor = await WikiApiSession.login(wiki.apiUrl, 'mentor');
    await mentor.edit('Template:E2E probe', 'probe says one');
    await mentor.edit('E2E probe page', 'Before. {{E2E probe}} After.');
    expect(await articleText('E2E probe page')).toContain('Before. probe says one After.');
    await mentor.edit('Template:E2E probe', 'probe says two');
    expect(await articleText('E2E probe page')).toContain('Before. probe says two After.');
  });
});

describe('the router', () => {
  it('serves the entry points and static files', async () => {
    for (const [url, status] of [
      ['/', 301],
      ['/index.php?title=Main_Page', 200],
      ['/rest.php/v1/page/Main_Page', 200],
      ['/load.php?modules=startup&only=scripts', 200],
      ['/resources/assets/poweredby_mediawiki_88x31.png', 200],
      ['/skins/Vector/resources/skins.vector.styles.legacy/images/user-avatar.svg', 200],
    ] as const) {
      expect([url, (await fetch(`${wiki.origin}${url}`, { redirect: 'manual' })).status]).toEqual([
        url,
        status,
      ]);
    }
  });

  it('does not expose maintenance scripts, code, configuration or data', async () => {
    for (const url of [
      '/maintenance/install.php',
      '/maintenance/update.php',
      '/mw-config/index.php',
      '/includes/WebStart.php',
      '/vendor/autoload.php',
      '/LocalSettings.php',
      '/extensions/TemplateData/extension.json',
      '/extensions/ParserFunctions/includes/Hooks.php',
      '/skins/../maintenance/edit.php',
      '/index.php/../maintenance/edit.php',
      '/resources/..%2fmaintenance%2fedit.php',
      '/thumb.php',
      '/img_auth.php',
      '/composer.json',
    ]) {
      expect([url, await rawStatus(url)]).toEqual([url, 404]);
    }
  });
});

describe('starting and stopping', () => {
  it('reports a running wiki instead of starting another', async () => {
    const again = await ensureWiki({ stateDir });
    expect(again.started).toBe(false);
    expect(again.pid).toBe(wiki.pid);
    expect(again.origin).toBe(wiki.origin);
    expect(again.seeded).toEqual([]);
  });

  it('stops the whole process group and starts again quickly on the same state', async () => {
    expect(await stopWiki(stateDir)).toBe(true);
    expect(liveProcessesInGroup(wiki.pid)).toEqual([]);
    await expect(fetch(`${wiki.apiUrl}?action=query&format=json`)).rejects.toThrow();

    const restarted = await ensureWiki({ stateDir, port: wiki.port });
    expect(restarted.started).toBe(true);
    expect(restarted.installed).toBe(false);
    expect(restarted.seeded).toEqual([]);
    // The acceptance bar of issue 4: a second start under 15 s (it takes about a second here).
    expect(restarted.elapsedMs).toBeLessThan(15_000);
    expect(await articleText(WIKI_PAGES.seed2014)).toContain('Lazy restore using memory paging');
    wiki = restarted;
  });

  it('restores an edited seed page when asked to reseed', async () => {
    const mentor = await WikiApiSession.login(wiki.apiUrl, 'mentor');
    const original = await mentor.wikitext(WIKI_PAGES.empty);
    await mentor.edit(WIKI_PAGES.empty, 'Changed by a test.');
    const reseeded = await ensureWiki({ stateDir, reseed: true });
    expect(reseeded.seeded).toContain(WIKI_PAGES.empty);
    expect(await mentor.wikitext(WIKI_PAGES.empty)).toBe(original);
  });

  it('stops the workers even when the server process itself died alone', async () => {
    process.kill(wiki.pid, 'SIGKILL');
    await expect.poll(() => liveProcessesInGroup(wiki.pid).includes(wiki.pid)).toBe(false);
    // The workers outlive it and keep serving: stopping must end them too.
    expect(liveProcessesInGroup(wiki.pid).length).toBeGreaterThan(0);
    expect(await stopWiki(stateDir)).toBe(true);
    expect(liveProcessesInGroup(wiki.pid)).toEqual([]);
  });
});
