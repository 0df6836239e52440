import { originPattern } from '../settings/wikis';
import { PANEL_PAGE } from './panel-link';

/**
 * The manifest's web_accessible_resources entry for the editor panel (for wxt.config.ts): the page
 * adapter frames panel.html inside wiki pages, which the browser allows only for pages matching these
 * patterns. The wikis enabled at build time; a wiki enabled later on the options page needs the panel
 * too, which a static manifest cannot name in advance (see the report on issue 5).
 */
export interface WebAccessibleResource {
  resources: string[];
  matches: string[];
}

export function panelWebAccessibleResources(
  origins: readonly string[],
  browser: 'chrome' | 'firefox',
): WebAccessibleResource[] {
  if (origins.length === 0) return [];
  const matches = [...new Set(origins.map((origin) => originPattern(origin, browser)))];
  return [{ resources: [PANEL_PAGE.replace(/^\//, '')], matches }];
}
