import { z } from 'zod';
import { type WikiOrigin, WikiOriginSchema } from '../model/build-wikis';

/**
 * The wikis Project Desk works on. A wiki is enabled when the user added it on the options page and
 * granted its host permission, or when the build pre-enabled it (PROJECT_DESK_WIKIS).
 */
export const WikiSettingsSchema = z.object({
  origin: z.string().pipe(WikiOriginSchema),
  /** The template that holds one entry on this wiki ("Project" on the Xen wiki). */
  template: z.string().trim().min(1).default('Project'),
  /** A profile built from the template's TemplateData; null means the built-in Xen profile. */
  profile: z.unknown().nullable().default(null),
  addedAt: z.string(),
});
export type WikiSettings = z.infer<typeof WikiSettingsSchema>;

export const WikiListSchema = z.array(WikiSettingsSchema);

/** The host-permission pattern for an origin. Firefox's match patterns carry no port: it would refuse one. */
export function originPattern(origin: WikiOrigin, browser: 'chrome' | 'firefox' = 'chrome'): string {
  const url = new URL(origin);
  const host = browser === 'firefox' ? url.hostname : url.host;
  return `${url.protocol}//${host}/*`;
}

export function withWiki(list: readonly WikiSettings[], wiki: WikiSettings): WikiSettings[] {
  return [...list.filter((item) => item.origin !== wiki.origin), wiki];
}

export function withoutWiki(list: readonly WikiSettings[], origin: string): WikiSettings[] {
  return list.filter((item) => item.origin !== origin);
}

/** Stored wikis and the build's pre-enabled ones, one record per origin (stored settings win). */
export function effectiveWikis(
  stored: readonly WikiSettings[],
  buildOrigins: readonly WikiOrigin[],
): WikiSettings[] {
  const byOrigin = new Map<string, WikiSettings>();
  for (const origin of buildOrigins) {
    byOrigin.set(origin, { origin, template: 'Project', profile: null, addedAt: 'build' });
  }
  for (const wiki of stored) byOrigin.set(wiki.origin, wiki);
  return [...byOrigin.values()];
}

/** Reads stored settings defensively: a corrupt record is dropped with a reason, the rest survive. */
export function readWikiList(raw: unknown): { wikis: WikiSettings[]; dropped: string[] } {
  if (!Array.isArray(raw)) return { wikis: [], dropped: raw == null ? [] : ['the wiki list was not a list'] };
  const wikis: WikiSettings[] = [];
  const dropped: string[] = [];
  for (const item of raw) {
    const parsed = WikiSettingsSchema.safeParse(item);
    if (parsed.success) wikis.push(parsed.data);
    else dropped.push(z.prettifyError(parsed.error));
  }
  return { wikis, dropped };
}
