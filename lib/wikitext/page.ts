import { templateMatcher } from './names.ts';
import { scan } from './scanner.ts';
import type { Heading, PageScan, ScanOptions, TemplateMatcher } from './types.ts';

/** The opaque tags of a MediaWiki 1.39 with ParserFunctions, TemplateData and Cite. */
export const DEFAULT_EXTENSION_TAGS: readonly string[] =
  'nowiki pre gallery indicator langconvert ref references templatedata'.split(' ');

/** Each heading's path: the texts of the headings it sits under, outermost first, itself last. */
export function headingPaths(headings: readonly Heading[]): string[][] {
  const open: Heading[] = [];
  return headings.map((h) => {
    while ((open.at(-1)?.level ?? 0) >= h.level) open.pop();
    open.push(h);
    return open.map((o) => o.text);
  });
}

/**
 * Every template transclusion (templates and parser functions alike) of a page as MediaWiki's
 * preprocessor sees it in a page view, the page's headings, and what is malformed. Never throws.
 */
export function scanPage(text: string, options?: ScanOptions): PageScan {
  const page = scan(
    String(text),
    options?.extensionTags ?? DEFAULT_EXTENSION_TAGS,
    options?.languageConversion !== false,
  );
  const { transclusions, headings } = page;
  const byStart = (a: { start: number }, b: { start: number }) => a.start - b.start;
  const paths = headingPaths(headings.sort(byStart));
  let next = 0;
  for (const t of transclusions.sort(byStart)) {
    while (next < headings.length && headings[next]!.end <= t.start) next++;
    t.section = [...(paths[next - 1] ?? [])];
  }
  page.problems.sort(byStart);
  return page;
}

/** Like scanPage, but only the transclusions of one template (by MediaWiki's title rules). */
export function findTransclusions(text: string, matcher: TemplateMatcher, options?: ScanOptions): PageScan {
  const page = scanPage(text, options);
  const matches = templateMatcher(matcher);
  page.transclusions = page.transclusions.filter((t) => matches(t.template));
  return page;
}
