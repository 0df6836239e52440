/** The words and names the dashboard shows, kept out of the components so that tests can hold them. */

/** `project-desk-drafts-2025-02-01T10-00-00Z.json`: sorts by time, and no character a file system refuses. */
export function exportFileName(at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-');
  return `project-desk-drafts-${stamp}.json`;
}

export const UNTITLED = '(untitled)';

export const displayTitle = (title: string): string => (title.trim() === '' ? UNTITLED : title);

export function discardMessage(titles: readonly string[]): string {
  if (titles.length === 1) return `Discarded “${displayTitle(titles[0] ?? '')}”.`;
  return `Discarded ${titles.length} drafts.`;
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export function importMessage(result: { drafts: number; docs: number; revived: number }): string {
  const base = `Imported ${count(result.drafts, 'draft', 'drafts')} from ${count(result.docs, 'page', 'pages')}.`;
  if (result.revived === 0) return base;
  return `${base} ${count(result.revived, 'discarded draft was', 'discarded drafts were')} brought back.`;
}

/** The wiki as the list shows it: its host, which is what people recognise. */
export function wikiLabel(wiki: string): string {
  try {
    return new URL(wiki).host;
  } catch {
    return wiki;
  }
}
