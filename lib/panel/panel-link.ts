import * as z from 'zod/mini';
import { PageViewSchema } from '../mediawiki/page-view';

/**
 * What the page adapter tells the editor panel it opens: which wiki page (as the page shows it) and
 * which entry, or which section a new entry goes to. It travels in the panel's URL fragment, so the
 * panel can start asking the background at once. It names things, nothing more: the background checks
 * every claim (the wiki is enabled, the panel's tab shows that wiki) before it opens a draft.
 *
 * zod/mini: the content script builds these links.
 */
export const PANEL_PAGE = '/panel.html';

/** The fragment of a panel with nothing to show: a frame loaded ahead, or kept after closing. */
export const STANDBY_FRAGMENT = 'standby';

export const PanelTargetSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('entry'),
    /** The entry's position among the page's entries (PageEntry.ordinal). */
    ordinal: z.int().check(z.positive()),
    /** Its title as the page shows it: names the form until the draft is open. */
    title: z.string(),
  }),
  z.object({
    kind: z.literal('new'),
    /** The heading path of the section the new entry goes to, outermost first. */
    section: z.array(z.string()),
  }),
  /** The page's publish dialog, for every draft of the page (no draft form). */
  z.object({ kind: z.literal('page') }),
]);
export type PanelTarget = z.infer<typeof PanelTargetSchema>;

/** A wiki's address: http or https only. */
export const WikiUrlSchema = z.url({ protocol: /^https?$/ });

export const PanelLinkSchema = z.object({
  /** The wiki's origin, e.g. http://127.0.0.1:8182 */
  wiki: WikiUrlSchema,
  view: PageViewSchema,
  target: PanelTargetSchema,
});
export type PanelLink = z.infer<typeof PanelLinkSchema>;

/** The URL fragment (without '#') that carries a link. */
export function encodePanelLink(link: PanelLink): string {
  return encodeURIComponent(JSON.stringify(z.parse(PanelLinkSchema, link)));
}

export type LinkRead = { ok: true; link: PanelLink } | { ok: false; reason: string };

export function decodePanelLink(fragment: string): LinkRead {
  let raw: unknown;
  try {
    raw = JSON.parse(decodeURIComponent(fragment.replace(/^#/, '')));
  } catch {
    return { ok: false, reason: 'The editor was opened without saying which entry to edit.' };
  }
  const parsed = z.safeParse(PanelLinkSchema, raw);
  return parsed.success
    ? { ok: true, link: parsed.data }
    : { ok: false, reason: `The editor was opened with a bad link: ${z.prettifyError(parsed.error)}` };
}

/** The form's accessible name (DESIGN §6): `Project draft: <title>`; the page's dialog's for a page. */
export function draftFormName(target: PanelTarget): string {
  if (target.kind === 'entry') return `Project draft: ${target.title}`;
  if (target.kind === 'page') return 'Publish to wiki';
  return `Project draft: New project in ${target.section.at(-1) ?? 'this page'}`;
}

/** A stable key for the panel of a target, so the same entry never gets two panels on one page. */
export function panelKey(target: PanelTarget): string {
  if (target.kind === 'page') return 'page';
  return target.kind === 'entry' ? `entry:${target.ordinal}` : `new:${JSON.stringify(target.section)}`;
}
