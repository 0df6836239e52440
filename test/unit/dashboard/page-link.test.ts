import { describe, expect, it } from 'vitest';
import {
  draftPageUrl,
  EDIT_FRAGMENT_KEY,
  editFragment,
  entryIdFromHash,
  wikiPageUrl,
} from '../../../lib/dashboard/page-link';

describe('links from the dashboard to a draft on its page', () => {
  it('opens the page by title, with the entry in the fragment', () => {
    expect(
      draftPageUrl({
        wiki: 'http://127.0.0.1:8080',
        page: 'Archived/2014 GSoC and OPW Round 8 Projects',
        entryId: 'r12-e2',
      }),
    ).toBe(
      'http://127.0.0.1:8080/index.php?title=Archived/2014_GSoC_and_OPW_Round_8_Projects#project-desk-edit=r12-e2',
    );
  });

  it('encodes what a title or an id may hold', () => {
    expect(wikiPageUrl('https://wiki.example.org/', 'Ideas: C++ & Rust?#1')).toBe(
      'https://wiki.example.org/index.php?title=Ideas:_C%2B%2B_%26_Rust%3F%231',
    );
    expect(editFragment('new-a b#c')).toBe(`#${EDIT_FRAGMENT_KEY}=new-a%20b%23c`);
  });

  it('reads back the entry id a link carries, with or without the #', () => {
    for (const id of ['r12-e2', 'new-0b5c…', 'odd id #&=']) {
      const hash = editFragment(id);
      expect(entryIdFromHash(hash)).toBe(id);
      expect(entryIdFromHash(hash.slice(1))).toBe(id);
    }
  });

  it('reads no id from other fragments or broken encodings', () => {
    for (const hash of [
      '',
      '#',
      '#History',
      '#project-desk-edit=',
      '#project-desk-edit=%E0%A4%A',
      '#x-project-desk-edit=r1-e1',
    ]) {
      expect(entryIdFromHash(hash)).toBeNull();
    }
  });
});
