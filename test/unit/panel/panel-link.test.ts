import { describe, expect, it } from 'vitest';
import {
  decodePanelLink,
  draftFormName,
  encodePanelLink,
  type PanelLink,
  panelKey,
} from '../../../lib/panel/panel-link';

const LINK: PanelLink = {
  wiki: 'http://127.0.0.1:8182',
  view: { title: 'Archived/2014 GSoC & OPW', revisionId: 12, apiUrl: 'http://127.0.0.1:8182/api.php' },
  target: { kind: 'entry', ordinal: 2, title: 'Lazy restore #1 50% “done”' },
};

describe('panel links', () => {
  it('carry a link through the URL fragment unchanged', () => {
    const fragment = encodePanelLink(LINK);
    expect(fragment).not.toMatch(/[#&?\s"]/);
    expect(decodePanelLink(`#${fragment}`)).toEqual({ ok: true, link: LINK });
    const fresh = { ...LINK, target: { kind: 'new' as const, section: ['Accepted', 'GSoC Projects'] } };
    expect(decodePanelLink(encodePanelLink(fresh))).toEqual({ ok: true, link: fresh });
  });

  it('refuse a fragment that is not a link, with a reason', () => {
    expect(decodePanelLink('')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('without saying'),
    });
    expect(decodePanelLink('#%E0%A4%A')).toMatchObject({ ok: false });
    const bad = encodeURIComponent(
      JSON.stringify({ ...LINK, target: { kind: 'entry', ordinal: 0, title: 'x' } }),
    );
    expect(decodePanelLink(bad)).toMatchObject({ ok: false, reason: expect.stringContaining('bad link') });
    const notUrl = encodeURIComponent(JSON.stringify({ ...LINK, wiki: 'javascript:alert(1)//' }));
    expect(decodePanelLink(notUrl).ok).toBe(false);
  });

  it('name the form as the UI contract says', () => {
    expect(draftFormName(LINK.target)).toBe('Project draft: Lazy restore #1 50% “done”');
    expect(draftFormName({ kind: 'new', section: ['Accepted Projects', 'OPW Round 8'] })).toBe(
      'Project draft: New project in OPW Round 8',
    );
  });

  it('key panels so that one entry or section never gets two', () => {
    expect(panelKey({ kind: 'entry', ordinal: 3, title: 'a' })).toBe(
      panelKey({ kind: 'entry', ordinal: 3, title: 'b' }),
    );
    expect(panelKey({ kind: 'new', section: ['A', 'B'] })).not.toBe(
      panelKey({ kind: 'new', section: ['A / B'] }),
    );
  });
});
