import { describe, expect, it } from 'vitest';
import { wikitextToPlainText } from '../../../lib/adapter/plain-text';

describe('wikitextToPlainText', () => {
  it.each([
    ['Lazy restore using memory paging', 'Lazy restore using memory paging'],
    ["'''Bold''' and ''italic''", 'Bold and italic'],
    ['[[Mirage OS|MirageOS]] cloud [[API]]', 'MirageOS cloud API'],
    ['See [http://example.org the site] now', 'See the site now'],
    ['A <!-- hidden --> B', 'A B'],
    ['Xen&nbsp;&amp;&#32;KVM &#x263A;', 'Xen & KVM \u263a'],
    ['  spaced\n\tout  ', 'spaced out'],
    ['Title {{tm}}', 'Title'],
    ['<span style="x">Styled</span>', 'Styled'],
    ['unterminated <!-- comment', 'unterminated'],
  ])('%j reads as %j', (wikitext, plain) => {
    expect(wikitextToPlainText(wikitext)).toBe(plain);
  });
});
