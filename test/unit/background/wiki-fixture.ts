import type { Fetch } from '../../../lib/mediawiki/api';
import type { WikiSettings } from '../../../lib/settings/wikis';
import { SEED_PAGE_TEXT } from '../collab/page-fixture';

/**
 * A wiki for the background's unit tests: answers api.php as MediaWiki does (formatversion 2) for the
 * revisions it holds, counts what it is asked, and can be told to be unreachable.
 */
export const ORIGIN = 'http://wiki.test';
export const API = `${ORIGIN}/api.php`;
export const TITLE = 'Archived/2014 GSoC and OPW Round 8 Projects';

export const ENABLED: WikiSettings[] = [
  { origin: ORIGIN, template: 'Project', profile: null, addedAt: 'build' },
];

export class TestWiki {
  readonly revisions = new Map<number, string>([[100, SEED_PAGE_TEXT]]);
  readonly requests: { url: string; body: string | null }[] = [];
  reachable = true;

  get latest(): number {
    return Math.max(...this.revisions.keys());
  }

  readonly fetch: Fetch = async (input, init) => {
    const body = init?.body ? String(init.body) : null;
    this.requests.push({ url: input, body });
    if (!this.reachable) throw new TypeError('Failed to fetch');
    const url = new URL(input);
    const params = body ? new URLSearchParams(body) : url.searchParams;
    if (params.get('action') === 'parse') {
      const text = params.get('text') ?? '';
      return Response.json({
        parse: {
          title: params.get('title'),
          text: `<div class="mw-parser-output"><p>${text.length} chars</p></div>`,
        },
      });
    }
    const revid = Number(params.get('revids') ?? this.latest);
    const content = this.revisions.get(revid);
    if (content === undefined) return Response.json({ query: { badrevids: { [revid]: { revid } } } });
    return Response.json({
      query: {
        extensiontags: ['<pre>', '<nowiki>'],
        pages: [
          {
            title: TITLE,
            revisions: [{ revid, timestamp: '2026-01-01T00:00:00Z', slots: { main: { content } } }],
          },
        ],
      },
    });
  };
}
