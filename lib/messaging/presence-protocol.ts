import * as z from 'zod/mini';
import { PageViewSchema } from '../mediawiki/page-view';

/**
 * Presence on the wiki page's entry buttons: the page adapter opens a port, names the page it shows,
 * and the background tells it who else is editing which entry, by the entry's ordinal and with
 * names only (no ids, colours or fields reach the wiki page's origin). zod/mini: the content script
 * carries these schemas.
 */
export const PAGE_PRESENCE_PORT_NAME = 'project-desk-page-presence';

export const PagePresenceRequestSchema = z.object({ type: z.literal('page'), view: PageViewSchema });
export type PagePresenceRequest = z.infer<typeof PagePresenceRequestSchema>;

const NameSchema = z.string().check(z.minLength(1), z.maxLength(100));

export const PagePresenceSchema = z.object({
  type: z.literal('presence'),
  entries: z
    .array(
      z.object({
        ordinal: z.int().check(z.positive()),
        names: z.array(NameSchema).check(z.minLength(1), z.maxLength(50)),
      }),
    )
    .check(z.maxLength(10_000)),
});
export type PagePresence = z.infer<typeof PagePresenceSchema>;

/** The words beside an entry's button: "Ada is editing", "Ada and Grace are editing", … */
export function presenceLabel(names: readonly string[]): string {
  const unique = [...new Set(names)];
  if (unique.length === 0) return '';
  if (unique.length === 1) return `${unique[0]} is editing`;
  if (unique.length === 2) return `${unique[0]} and ${unique[1]} are editing`;
  const more = unique.length - 2;
  return `${unique[0]}, ${unique[1]} and ${more} more are editing`;
}
