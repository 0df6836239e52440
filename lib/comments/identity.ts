import type { Person } from './schema';

/**
 * Who writes a comment on this device. The id is this device's, made once and kept (authorship is
 * checked on it: only a message's author edits or deletes it). The name is the display name from
 * the sync settings when there is one, else the wiki user the page says is logged in, else a
 * plain "Reviewer on this device".
 */
export const FALLBACK_AUTHOR_NAME = 'Reviewer on this device';

export function commentAuthor(
  deviceId: string,
  { displayName, wikiUser }: { displayName?: string | null; wikiUser?: string | null },
): Person {
  const clean = (name: string | null | undefined) =>
    (name ?? '')
      .replace(/\p{Cc}/gu, '')
      .replace(/_/g, ' ')
      .trim()
      .slice(0, 100);
  const name = clean(displayName) || clean(wikiUser) || FALLBACK_AUTHOR_NAME;
  return { id: deviceId, name };
}

/** A new device id for comment authorship. */
export const newDeviceAuthorId = (): string => `device:${globalThis.crypto.randomUUID()}`;
