import { createButton } from './control';
import type { MountedControl } from './page-adapter';

export interface PagePublishControl {
  control: MountedControl;
  /** Shown only while the page has drafts on this device. */
  show(visible: boolean): void;
}

/**
 * The page's own `Publish to wiki` (DESIGN §6), at the top of the article: it opens the panel frame in
 * page mode, the publish dialog for every draft of the page. Hidden while the page has none.
 */
export function mountPagePublishControl(
  doc: Document,
  root: Element,
  onPublish: () => void,
): PagePublishControl {
  const host = createButton(doc, 'publish-page', 'Publish to wiki', onPublish);
  host.style.display = 'block';
  host.style.margin = '0 0 0.5em';
  host.hidden = true;
  root.prepend(host);
  return {
    control: { host, anchor: host },
    show(visible) {
      host.hidden = !visible;
      host.style.display = visible ? 'block' : 'none';
    },
  };
}
