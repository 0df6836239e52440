import { discoverApi, type Fetch } from '../mediawiki/api';
import { candidateApiUrls } from '../mediawiki/page-view';
import type { SiteProfile } from '../model/profile';
import { profileFromTemplateData } from '../model/templatedata';
import { XEN_PROFILE } from '../model/xen-profile';
import { templateNameMatches } from '../wikitext';

/**
 * The profile for entries held by `template` on a wiki: null for the Xen `{{project}}` template
 * (the built-in profile), otherwise built from the template's TemplateData, or a clear error.
 */
export async function profileForTemplate(
  origin: string,
  template: string,
  fetchFn: Fetch,
): Promise<SiteProfile | null> {
  if (templateNameMatches(template, XEN_PROFILE.template)) return null;
  const api = await discoverApi(candidateApiUrls(origin), fetchFn);
  return profileFromTemplateData(await api.templateData(template), template);
}
