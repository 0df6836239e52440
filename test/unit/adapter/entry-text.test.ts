import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { EntryText, entryBlocks, entryOfNode } from '../../../lib/adapter/entry-text';

function page(body: string): { document: Document; root: Element } {
  const { document } = parseHTML(
    `<html><body><div id="mw-content-text"><div class="mw-parser-output">${body}</div></div></body></html>`,
  );
  return { document, root: document.querySelector('.mw-parser-output')! };
}

const ENTRIES = `<div class="idea"><div id="t1">First<span data-project-desk="edit">Edit</span></div><div>Some <b>bold</b> words.</div></div>
<div class="idea"><div id="t2">Second</div><div>Other text<span class="mw-editsection">[edit]</span> here.</div></div>`;

describe('entry blocks and their text', () => {
  it('takes for each entry the largest block that holds no other title', () => {
    const { root } = page(ENTRIES);
    const titles = new Map([
      [1, root.querySelector('#t1')!],
      [2, root.querySelector('#t2')!],
    ]);
    const blocks = entryBlocks(root, titles);
    expect(blocks.get(1)?.className).toBe('idea');
    expect(blocks.get(2)).not.toBe(blocks.get(1));
    expect(entryOfNode(blocks, root.querySelector('b')!)).toBe(1);
    expect(entryOfNode(blocks, root)).toBeNull();
  });

  it('reads the authored text only, and maps boundary points to offsets', () => {
    const { root } = page(ENTRIES);
    const block = root.querySelectorAll('.idea')[1]!;
    const text = new EntryText(block);
    expect(text.text).toBe('SecondOther text here.');
    const first = root.querySelector('.idea')!;
    const entry = new EntryText(first);
    expect(entry.text).toBe('FirstSome bold words.');
    const bold = first.querySelector('b')!;
    expect(entry.offsetOf(bold.firstChild!, 2)).toBe(entry.text.indexOf('bold') + 2);
    // An element boundary: before the <b> element is where its text starts.
    expect(entry.offsetOf(bold.parentNode!, 1)).toBe(entry.text.indexOf('bold'));
    // Inside our own control's text: the offset of the next authored text.
    const own = first.querySelector('[data-project-desk]')!;
    expect(entry.offsetOf(own.firstChild!, 1)).toBe('First'.length);
    expect(entry.offsetOf(root.querySelectorAll('.idea')[1]!, 0)).toBeNull();
  });
});
