import { z } from 'zod';

/**
 * Names of the Yjs documents, one per wiki page and kind. The name is also the IndexedDB database the
 * document is persisted in (y-indexeddb's layout) and, later, the room on the sync server, so it is
 * stable and reversible. Drafts and comments are separate documents so that a reviewer can be given
 * write access to comments and read access to drafts; the comments document's shape lives in its own
 * module (not yet written), and the hub treats every document alike.
 */
export const DocKindSchema = z.enum(['drafts', 'comments']);
export type DocKind = z.infer<typeof DocKindSchema>;

export const PageRefSchema = z.object({
  /** The wiki's origin, e.g. https://wiki.xenproject.org */
  wiki: z.url(),
  /** The page title; underscores and spaces are the same title in MediaWiki. */
  page: z.string().min(1),
});
export type PageRef = z.infer<typeof PageRefSchema>;

const PREFIX = 'project-desk';

/** MediaWiki titles treat "_" and " " alike; we keep spaces so both spellings name one document. */
export function normalizePageTitle(page: string): string {
  return page.replaceAll('_', ' ').trim();
}

export function docName(kind: DocKind, ref: PageRef): string {
  const origin = new URL(ref.wiki).origin;
  return [PREFIX, kind, encodeURIComponent(origin), encodeURIComponent(normalizePageTitle(ref.page))].join(
    '|',
  );
}

export const pageDocName = (ref: PageRef): string => docName('drafts', ref);
export const commentsDocName = (ref: PageRef): string => docName('comments', ref);

export interface ParsedDocName extends PageRef {
  kind: DocKind;
}

/** The page a document name belongs to, or null when the name is not one of ours. */
export function parseDocName(name: string): ParsedDocName | null {
  const parts = name.split('|');
  if (parts.length !== 4 || parts[0] !== PREFIX) return null;
  const kind = DocKindSchema.safeParse(parts[1]);
  if (!kind.success) return null;
  try {
    const ref = PageRefSchema.safeParse({
      wiki: decodeURIComponent(parts[2] ?? ''),
      page: decodeURIComponent(parts[3] ?? ''),
    });
    return ref.success ? { kind: kind.data, ...ref.data } : null;
  } catch {
    return null;
  }
}
