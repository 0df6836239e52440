import { type ScanOptions, scanPage, type Transclusion } from '../../../lib/wikitext/index.ts';

/** Compact views of a scan, so each test states what MediaWiki's preprocessor decides. */

/** Each transclusion as `name(param=value|…)` with raw values; nested ones marked with `^`. */
export function shape(t: Transclusion): string {
  const params = t.params.map((p) => (p.positional ? p.value : `${p.name}=${p.value}`));
  return `${t.nested ? '^' : ''}${t.template}(${params.join('|')})`;
}

export const shapes = (text: string, options?: ScanOptions) =>
  scanPage(text, options).transclusions.map(shape);

/** The source text of each transclusion, as its offsets cut it. */
export const spans = (text: string, options?: ScanOptions) =>
  scanPage(text, options).transclusions.map((t) => text.slice(t.start, t.end));

export const problemCodes = (text: string) => scanPage(text).problems.map((p) => p.code);

export const headingsOf = (text: string) => scanPage(text).headings.map((h) => `${h.level}:${h.text}`);
