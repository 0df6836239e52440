import * as z from 'zod/mini';
import { SELECTORS } from '../mediawiki/page-view';
import { PageText } from './page-text';
import { normalizeSpace } from './plain-text';

/** What the background tells the page adapter about the entries in the page's wikitext. */
export const PageEntrySchema = z.object({
  /** 1-based position among the page's entries, in wikitext order. */
  ordinal: z.int().check(z.positive()),
  /** The title as the page shows it (plain text). */
  title: z.string(),
  /** Heading path of the section the entry sits in, plain text, outermost first. */
  section: z.array(z.string()),
  nested: z.boolean(),
});
export type PageEntry = z.infer<typeof PageEntrySchema>;

export const MalformedEntrySchema = z.object({
  reason: z.string(),
  /** The start of the entry's source as it shows literally on the page, to find it there. */
  snippet: z.string(),
});
export type MalformedEntry = z.infer<typeof MalformedEntrySchema>;

export interface LocatedPage {
  /** The element holding each entry's title, by ordinal; entries the page does not show are missing. */
  entries: Map<number, Element>;
  unlocated: PageEntry[];
  /** The rendered heading of each section that holds entries, keyed by its heading path joined with ' / '. */
  sections: Map<string, Element>;
  /** Where each malformed entry shows on the page (null: not found, show it at the top). */
  malformed: Array<[MalformedEntry, Element | null]>;
}

export const sectionKey = (path: readonly string[]): string => path.join(' / ');

/**
 * Finds each entry's rendered block by what the page shows: the entries' titles, in page order, each
 * standing alone in an element of the article. Never by class names of a particular template, because
 * every wiki renders {{project}} with a template of its own.
 */
export function locateEntries(
  root: Element,
  entries: readonly PageEntry[],
  malformed: readonly MalformedEntry[],
): LocatedPage {
  const text = new PageText(root);
  const located = new Map<number, Element>();
  const unlocated: PageEntry[] = [];
  let cursor = 0;
  for (const entry of entries) {
    const found = text.findElementWithText(normalizeSpace(entry.title), cursor);
    if (!found) {
      unlocated.push(entry);
      continue;
    }
    located.set(entry.ordinal, found[0]);
    cursor = found[1];
  }
  return {
    entries: located,
    unlocated,
    sections: locateSections(root, text, entries),
    malformed: malformed.map((item) => [item, locateSnippet(root, text, item.snippet)]),
  };
}

function locateSections(root: Element, text: PageText, entries: readonly PageEntry[]): Map<string, Element> {
  const headings = Array.from(root.querySelectorAll(SELECTORS.headings)).filter(
    (heading) => !heading.closest(SELECTORS.notAuthored),
  );
  const sections = new Map<string, Element>();
  let next = 0;
  const paths = new Map(
    entries.filter((e) => e.section.length > 0).map((e) => [sectionKey(e.section), e.section]),
  );
  for (const [key, path] of paths) {
    const wanted = normalizeSpace(path[path.length - 1]!);
    const index = headings.findIndex((heading, i) => i >= next && text.textOf(heading) === wanted);
    if (index < 0) continue;
    sections.set(key, headings[index]!);
    next = index + 1;
  }
  return sections;
}

/** The innermost element whose text contains the snippet (malformed source shows as literal text). */
function locateSnippet(root: Element, text: PageText, snippet: string): Element | null {
  const needle = normalizeSpace(snippet);
  if (!needle) return null;
  const at = text.text.indexOf(needle);
  if (at < 0) return null;
  let best: Element | null = null;
  for (const element of Array.from(root.querySelectorAll('*'))) {
    const range = text.rangeOf(element);
    if (range && range[0] <= at && range[1] >= at + needle.length) best = element;
  }
  return best;
}
