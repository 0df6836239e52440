import { documentName, PageKeySchema } from '../../server/protocol';
import { type DocKind, parseDocName } from '../collab/doc-names';

/**
 * The one place where a local document name (`project-desk|kind|origin|page`, lib/collab/doc-names.ts)
 * becomes the sync server's name for it (`<space>/<kind>/<page key>`, server/protocol.ts).
 *
 * The space comes from the access token. The page key keeps both the wiki's origin and the page
 * title, so two wikis synced through one space never share a document:
 *
 *   page key = strict(origin) + "~" + strict(title)
 *
 * where strict() is encodeURIComponent that also escapes `! ' ( ) * ~`. The result uses only the
 * alphabet the server accepts, and "~" can then only be the separator, so the key reads back.
 */

export type ServerAddress =
  | { ok: true; name: string; kind: DocKind; pageKey: string }
  | { ok: false; reason: string };

const SEPARATOR = '~';

function strictEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*~]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The server's page key for a wiki page (origin and normalized title, as the local name holds them). */
export function pageKey(origin: string, title: string): string {
  return `${strictEncode(origin)}${SEPARATOR}${strictEncode(title)}`;
}

/** The origin and title a page key stands for, or null when it is not one of ours. */
export function readPageKey(key: string): { origin: string; title: string } | null {
  const parts = key.split(SEPARATOR);
  if (parts.length !== 2) return null;
  try {
    return { origin: decodeURIComponent(parts[0] ?? ''), title: decodeURIComponent(parts[1] ?? '') };
  } catch {
    return null;
  }
}

/** The server document for a local document name, in the token's space. */
export function serverAddress(localName: string, space: string): ServerAddress {
  const parsed = parseDocName(localName);
  if (!parsed) return { ok: false, reason: `"${localName}" is not a Project Desk document.` };
  const key = pageKey(new URL(parsed.wiki).origin, parsed.page);
  if (!PageKeySchema.safeParse(key).success)
    return { ok: false, reason: 'This page’s name is too long to be synced.' };
  try {
    return {
      ok: true,
      name: documentName({ space, kind: parsed.kind, page: key }),
      kind: parsed.kind,
      pageKey: key,
    };
  } catch {
    return { ok: false, reason: `The access token names a space ("${space}") the server cannot use.` };
  }
}
