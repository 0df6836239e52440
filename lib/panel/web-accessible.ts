import { COMMENTS_PAGE } from '../comments/frame-link';
import { PANEL_PAGE } from './panel-link';

/**
 * The manifest's web_accessible_resources entry for the editor panel and the comments frame: the page
 * adapter frames panel.html and comments.html inside wiki pages. A wiki the user enables at run time cannot be named in a static manifest, so the
 * panel is reachable from any http(s) page; what guards the drafts is the background, which serves a
 * panel only when the tab embedding it shows an enabled wiki (lib/background/senders.ts). The cost, said
 * plainly: a site can tell that Project Desk is installed by probing panel.html.
 */
export interface WebAccessibleResource {
  resources: string[];
  matches: string[];
}

export function panelWebAccessibleResources(): WebAccessibleResource[] {
  return [
    {
      resources: [PANEL_PAGE, COMMENTS_PAGE].map((page) => page.replace(/^\//, '')),
      matches: ['https://*/*', 'http://*/*'],
    },
  ];
}
