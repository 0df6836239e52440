import { bareProfile, type SiteProfile, SiteProfileSchema } from '../model/profile';
import { XEN_PROFILE } from '../model/xen-profile';
import type { WikiSettings } from '../settings/wikis';
import { templateNameMatches } from '../wikitext';

/**
 * The site profile in force on a wiki: the one built from its template's TemplateData when the user
 * named another template, the built-in Xen profile for `{{project}}`, a bare one when neither applies.
 */
export function profileForWiki(wiki: WikiSettings): SiteProfile {
  if (wiki.profile !== null) {
    const stored = SiteProfileSchema.safeParse(wiki.profile);
    if (stored.success) return stored.data;
    console.warn(
      `Project Desk: the stored profile of ${wiki.origin} is unreadable; using the template name alone.`,
    );
  }
  if (templateNameMatches(wiki.template, XEN_PROFILE.template)) return XEN_PROFILE;
  return bareProfile(wiki.template);
}
