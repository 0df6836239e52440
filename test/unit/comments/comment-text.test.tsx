import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CommentText } from '../../../components/comments/CommentText';
import { capCommentText, checkCommentText, MAX_COMMENT_LENGTH } from '../../../lib/comments/safe-text';

/** What a comment looks like once rendered: the markup React writes for it. */
const render = (raw: string, collaborators = [{ id: 'u-ann', name: 'Ann Lee' }]) =>
  renderToStaticMarkup(<CommentText text={capCommentText(raw).text} collaborators={collaborators} />);

describe('CommentText renders comment text as text', () => {
  it('writes script tags and event handlers as escaped characters, never as elements', () => {
    const html = render('<script>alert(1)</script><img src=x onerror="alert(2)"><b onclick=x>b</b>');
    expect(html).not.toMatch(/<script|<img|<b[ >]/);
    expect(html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;',
    );
  });

  it('links only full http(s) and mailto URLs, opening apart from the frame', () => {
    const html = render(
      'see https://example.org/a?b=1. not javascript:alert(1) nor [javascript:x] nor //evil.test nor https://bank@evil.test',
    );
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    expect(hrefs).toEqual(['https://example.org/a?b=1']);
    expect(html).toContain('rel="noopener noreferrer nofollow ugc"');
    expect(html).toContain('javascript:alert(1)');
  });

  it('shows bidirectional overrides and isolates as visible marks instead of reordering the text', () => {
    const html = render('abc\u202Edcba \u2066x\u2069');
    expect(html).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(html).toContain('\u27e8U+202E\u27e9dcba \u27e8U+2066\u27e9x\u27e8U+2069\u27e9');
  });

  it('marks mentions of collaborators, as text', () => {
    expect(render('thanks @Ann Lee!')).toContain('<strong class="mention">@Ann Lee</strong>');
  });

  it('refuses a very long comment when writing and cuts a forged one when reading', () => {
    const long = 'x'.repeat(MAX_COMMENT_LENGTH + 1);
    expect(checkCommentText(long)).toMatchObject({ ok: false, code: 'too-long' });
    const html = render('y'.repeat(MAX_COMMENT_LENGTH * 10));
    expect(html.length).toBeLessThan(MAX_COMMENT_LENGTH + 200);
    expect(html).toContain('…');
  });
});
