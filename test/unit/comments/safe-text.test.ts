import { describe, expect, it } from 'vitest';
import {
  capCommentText,
  checkCommentText,
  cleanCommentText,
  commentTokens,
  findMentions,
  MAX_COMMENT_LENGTH,
  mentionedIds,
  safeHref,
} from '../../../lib/comments';

const ANN = { id: 'u-ann', name: 'Ann' };
const ANN_LEE = { id: 'u-annlee', name: 'Ann Lee' };
const LARS = { id: 'u-lars', name: 'Lars Kurth' };

const joined = (text: string) =>
  commentTokens(text, [ANN, ANN_LEE, LARS])
    .map((token) => (token.kind === 'text' ? token.text : token.label))
    .join('');

describe('cleanCommentText', () => {
  it('makes bidirectional overrides and isolates visible instead of letting them reorder the text', () => {
    const trick = 'access level: user\u202e \u2066// admin\u2069\u2067';
    const clean = cleanCommentText(trick);
    expect(clean).toBe('access level: user⟨U+202E⟩ ⟨U+2066⟩// admin⟨U+2069⟩⟨U+2067⟩');
    expect(clean).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    for (let code = 0x202a; code <= 0x202e; code++)
      expect(cleanCommentText(String.fromCharCode(code))).toMatch(/^⟨U\+/);
  });

  it('strips control characters, keeps tabs and line breaks, and normalises line breaks', () => {
    expect(cleanCommentText('a\u0000b\u0007c\u001bd\u007f\u0085e\u009bf\ufeffg\th\r\ni\rj\u2028k')).toBe(
      'abcd\nefg\th\ni\nj\nk',
    );
  });

  it('keeps right-to-left text and emoji as they are (only explicit controls are marked)', () => {
    expect(cleanCommentText('  שלום עולם 👩‍💻 مرحبا\u200f  ')).toBe('שלום עולם 👩‍💻 مرحبا\u200f');
  });

  it('replaces lone surrogates and squeezes long runs of empty lines', () => {
    expect(cleanCommentText('a\ud800b\udc00c')).toBe('a\ufffdb\ufffdc');
    expect(cleanCommentText('a\n\n\n\n\n\nb')).toBe('a\n\n\nb');
  });
});

describe('checkCommentText and capCommentText', () => {
  it('refuses empty text and text over the limit with a message that says so', () => {
    expect(checkCommentText(' \u202a\u0000 ')).toEqual({ ok: true, text: '⟨U+202A⟩' }); // shown, not hidden
    expect(checkCommentText('  \u0000\t ')).toEqual({
      ok: false,
      code: 'empty',
      message: expect.stringMatching(/empty/),
    });
    const long = checkCommentText('x'.repeat(MAX_COMMENT_LENGTH + 1));
    expect(long).toEqual({
      ok: false,
      code: 'too-long',
      message: 'A comment can be at most 10,000 characters long; this one has 10,001.',
    });
    expect(checkCommentText('x'.repeat(MAX_COMMENT_LENGTH))).toMatchObject({ ok: true });
  });

  it('cuts what a peer wrote beyond the limit, never inside a character, even for megabytes', () => {
    const short = capCommentText('fine');
    expect(short).toEqual({ text: 'fine', truncated: false });
    const capped = capCommentText('😀'.repeat(MAX_COMMENT_LENGTH));
    expect(capped.truncated).toBe(true);
    expect(capped.text.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(capped.text.endsWith('…')).toBe(true);
    expect(capped.text.isWellFormed()).toBe(true);
    const huge = capCommentText('y'.repeat(5_000_000));
    expect(huge.text.length).toBe(MAX_COMMENT_LENGTH);
    expect(huge.truncated).toBe(true);
  });
});

describe('commentTokens', () => {
  it('turns only full http(s) and mailto URLs into links, and gives the text back unchanged', () => {
    const text = 'See https://wiki.xenproject.org/wiki/GSoC, or mail mailto:ann@example.org. Done.';
    expect(commentTokens(text)).toEqual([
      { kind: 'text', text: 'See ' },
      {
        kind: 'link',
        href: 'https://wiki.xenproject.org/wiki/GSoC',
        label: 'https://wiki.xenproject.org/wiki/GSoC',
      },
      { kind: 'text', text: ', or mail ' },
      { kind: 'link', href: 'mailto:ann@example.org', label: 'mailto:ann@example.org' },
      { kind: 'text', text: '. Done.' },
    ]);
    expect(joined(text)).toBe(text);
  });

  it('leaves script tags and event handlers as plain text (no token is HTML)', () => {
    const text = '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a>';
    expect(commentTokens(text)).toEqual([{ kind: 'text', text }]);
  });

  it('never links javascript:, data:, vbscript:, file: or protocol-relative URLs, in any spelling', () => {
    for (const text of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '//evil.example/x',
      'http://javascript:alert(1)',
      'https://',
      'xhttps://evil.example',
      'mailto:javascript:alert(1)',
    ]) {
      expect(
        commentTokens(text).filter((token) => token.kind === 'link'),
        text,
      ).toEqual([]);
    }
  });

  it('keeps URLs with a user name or password as text (they read like one site and go to another)', () => {
    expect(safeHref('https://bank.example@evil.example/')).toBeNull();
    expect(safeHref('https://user:pw@example.org/')).toBeNull();
    expect(safeHref('https://example.org/a?b=c#d')).toBe('https://example.org/a?b=c#d');
  });

  it('ends a URL where the sentence around it goes on, and keeps balanced brackets', () => {
    const [, link] = commentTokens('(see https://en.wikipedia.org/wiki/Xen_(software)).');
    expect(link).toMatchObject({ kind: 'link', label: 'https://en.wikipedia.org/wiki/Xen_(software)' });
    const [, quoted] = commentTokens('"https://example.org/x"');
    expect(quoted).toMatchObject({ kind: 'link', label: 'https://example.org/x' });
  });

  it('gives links a normalised href (percent-encoded) and the written text as label', () => {
    const [link] = commentTokens('https://example.org/ä b');
    expect(link).toEqual({
      kind: 'link',
      href: 'https://example.org/%C3%A4',
      label: 'https://example.org/ä',
    });
  });

  it('marks mentions of collaborators, the longest name first, not e-mail addresses', () => {
    const text = 'Thanks @Ann Lee and @lars kurth; cc @Ann, not ann@example.org or @Nobody.';
    const mentions = commentTokens(text, [ANN, ANN_LEE, LARS]).filter((t) => t.kind === 'mention');
    expect(mentions.map((m) => m.kind === 'mention' && [m.person.id, m.label])).toEqual([
      ['u-annlee', '@Ann Lee'],
      ['u-lars', '@lars kurth'],
      ['u-ann', '@Ann'],
    ]);
    expect(joined(text)).toBe(text);
    expect(mentionedIds(text, [ANN, ANN_LEE, LARS])).toEqual(['u-annlee', 'u-lars', 'u-ann']);
    expect(findMentions('@Annabel', [ANN])).toEqual([]);
  });
});
