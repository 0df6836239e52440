import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { locateEntries, type PageEntry } from '../../../lib/adapter/locate-entries';

function page(body: string): Element {
  const { document } = parseHTML(
    `<html><body><div id="mw-content-text"><div class="mw-parser-output">${body}</div></div></body></html>`,
  );
  return document.querySelector('.mw-parser-output')!;
}

const entry = (ordinal: number, title: string, section: string[] = []): PageEntry => ({
  ordinal,
  title,
  section,
  nested: false,
});

describe('locateEntries', () => {
  it('finds each title in page order, as the outermost element that holds only it', () => {
    const root = page(`
      <h2><span class="mw-headline">GSoC Projects</span><span class="mw-editsection">[edit]</span></h2>
      <p><b>Alpha</b></p><p>Date of insert: 01/02/2014</p>
      <p><b>Beta   project</b></p><p>Description: about Alpha</p>`);
    const located = locateEntries(
      root,
      [entry(1, 'Alpha', ['GSoC Projects']), entry(2, 'Beta project', ['GSoC Projects'])],
      [],
    );
    expect(located.entries.get(1)?.tagName).toBe('P');
    expect(located.entries.get(1)?.textContent).toBe('Alpha');
    expect(located.entries.get(2)?.textContent).toBe('Beta   project');
    expect(located.unlocated).toEqual([]);
    expect(located.sections.get('GSoC Projects')?.tagName).toBe('H2');
  });

  it('does not take a title quoted inside a sentence for the entry', () => {
    const root = page('<p>See Alpha for details.</p><div><i>Alpha</i></div>');
    const located = locateEntries(root, [entry(1, 'Alpha')], []);
    expect(located.entries.get(1)?.tagName).toBe('DIV');
  });

  it('keeps order: a title that only appears before the previous entry is unlocated', () => {
    const root = page('<p>Beta</p><p>Alpha</p>');
    const located = locateEntries(root, [entry(1, 'Alpha'), entry(2, 'Beta')], []);
    expect(located.entries.has(1)).toBe(true);
    expect(located.unlocated.map((e) => e.ordinal)).toEqual([2]);
  });

  it('finds titles rendered as table cells and as headings', () => {
    const root = page(`<table><tr><th>Idea</th></tr><tr><td>Fast boot</td><td>Ada</td></tr></table>
      <h3><span class="mw-headline" id="Slow_boot">Slow boot</span></h3>`);
    const located = locateEntries(root, [entry(1, 'Fast boot'), entry(2, 'Slow boot')], []);
    expect(located.entries.get(1)?.tagName).toBe('TD');
    expect(located.entries.get(2)?.tagName).toBe('H3');
  });

  it('ignores the table of contents and our own controls when matching', () => {
    const root = page(`<div id="toc"><ul><li>Alpha</li></ul></div>
      <h2><span class="mw-headline">Ideas</span></h2><p>Alpha<span data-project-desk="edit">Edit</span></p>`);
    const located = locateEntries(root, [entry(1, 'Alpha', ['Ideas'])], []);
    expect(located.entries.get(1)?.tagName).toBe('P');
    expect(located.sections.get('Ideas')?.tagName).toBe('H2');
  });

  it('matches sections by the innermost heading of the path, in order', () => {
    const root = page(`<h2>Round 1</h2><h3>GSoC</h3><p>A</p><h2>Round 2</h2><h3>GSoC</h3><p>B</p>`);
    const located = locateEntries(
      root,
      [entry(1, 'A', ['Round 1', 'GSoC']), entry(2, 'B', ['Round 2', 'GSoC'])],
      [],
    );
    const first = located.sections.get('Round 1 / GSoC');
    const second = located.sections.get('Round 2 / GSoC');
    expect(first?.tagName).toBe('H3');
    expect(second?.tagName).toBe('H3');
    expect(first).not.toBe(second);
  });

  it('places a malformed entry where its literal source shows, or nowhere when absent', () => {
    const root = page('<p>{{project |Project=Broken |Date=2014</p><p>other</p>');
    const located = locateEntries(
      root,
      [],
      [
        { reason: 'it is never closed', snippet: '{{project |Project=Broken' },
        { reason: 'gone', snippet: '{{project |Project=Elsewhere' },
      ],
    );
    expect(located.malformed[0]?.[1]?.tagName).toBe('P');
    expect(located.malformed[1]?.[1]).toBeNull();
  });

  it('survives a very deep page without recursion', () => {
    const depth = 5000;
    const root = page(`${'<div>'.repeat(depth)}<b>Deep</b>${'</div>'.repeat(depth)}`);
    const located = locateEntries(root, [entry(1, 'Deep')], []);
    expect(located.entries.get(1)).toBeDefined();
  });
});
