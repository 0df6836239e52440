import { templateMatcher } from './names.ts';
import { scan } from './scanner.ts';
import type { Heading, PageScan, ScanOptions, TemplateMatcher } from './types.ts';

/** The opaque tags of a MediaWiki 1.39 with ParserFunctions, TemplateData and Cite. */
export const DEFAULT_EXTENSION_TAGS: readonly string[] =
  'nowiki pre gallery indicator langconvert ref references templatedata'.split(' ');

/**
 * Every template transclusion (templates and parser functions alike) of a page as MediaWiki's
 * preprocessor sees it in a page view, the page's headings, and what is malformed. Never throws.
 */
export function scanPage(text: string, options?: ScanOptions): PageScan {
  try {
    return assemble(String(text), options);
  } catch (error) {
    // A bug must not take the page down with it: it is reported as a problem, and nothing is found.
    return {
      transclusions: [],
      headings: [],
      problems: [{ code: 'internal-error', message: `${error}`, start: 0, end: 0 }],
    };
  }
}

/** Like scanPage, but only the transclusions of one template (by MediaWiki's title rules). */
export function findTransclusions(text: string, matcher: TemplateMatcher, options?: ScanOptions): PageScan {
  const page = scanPage(text, options);
  const matches = templateMatcher(matcher);
  return { ...page, transclusions: page.transclusions.filter((t) => matches(t.template)) };
}

function assemble(text: string, options: ScanOptions | undefined): PageScan {
  const raw = scan(
    text,
    options?.extensionTags ?? DEFAULT_EXTENSION_TAGS,
    options?.languageConversion !== false,
  );
  const byStart = (a: { start: number }, b: { start: number }) => a.start - b.start;
  const headings = raw.headings.sort(byStart);
  const path: Heading[] = [];
  let next = 0;
  for (const t of raw.transclusions.sort(byStart)) {
    while (headings[next] && headings[next]!.end <= t.start) {
      const h = headings[next++]!;
      while (path.length && path[path.length - 1]!.level >= h.level) path.pop();
      path.push(h);
    }
    t.section = path.map((h) => h.text);
  }
  return { transclusions: raw.transclusions, headings, problems: raw.problems.sort(byStart) };
}
