import type { PageSource } from '../mediawiki/api';
import type { PageScanResult } from '../messaging/protocol';
import { findTransclusions, templateNameMatches } from '../wikitext';
import type { TemplateMatcher, Transclusion } from '../wikitext/types';
import { normalizeSpace, wikitextToPlainText } from './plain-text';

const SNIPPET_LENGTH = 40;

function titleOf(transclusion: Transclusion, titleParam: string): string {
  const param = transclusion.params.findLast((p) => p.name === titleParam);
  return param ? wikitextToPlainText(param.value) : '';
}

/** The template name right after an opening `{{`, if the text there opens one. */
function openedTemplate(text: string, at: number): string | null {
  if (!text.startsWith('{{', at)) return null;
  const match = /^\{\{([^{}|<\n]*)/.exec(text.slice(at, at + 256));
  return match?.[1] ?? null;
}

/**
 * What the page adapter needs to know about a page's entries: their titles and sections in order,
 * and the entries the codec could not read (e.g. an unclosed `{{project`), with the reason.
 */
export function scanEntries(
  source: PageSource,
  matcher: TemplateMatcher,
  titleParam: string,
): PageScanResult {
  const scan = findTransclusions(source.wikitext, matcher, { extensionTags: source.extensionTags });
  const entries = scan.transclusions.map((transclusion, index) => ({
    ordinal: index + 1,
    title: titleOf(transclusion, titleParam),
    section: transclusion.section.map(wikitextToPlainText),
    nested: transclusion.nested,
  }));
  const malformed = scan.problems.flatMap((problem) => {
    const name = openedTemplate(source.wikitext, problem.start);
    if (name === null || !templateNameMatches(name, matcher)) return [];
    // The unread source shows as literal text on the page; its start (spaces collapsed) finds it there.
    const snippet = normalizeSpace(source.wikitext.slice(problem.start, problem.start + SNIPPET_LENGTH));
    return [{ reason: problem.message, snippet }];
  });
  return { template: matcher.name, revisionId: source.revisionId, entries, malformed };
}
