import type { PageEntry } from '../../lib/adapter/locate-entries';
import { createButton } from './control';

/** `Edit project: <title>`, placed at the end of the element that shows the entry's title. */
export function mountEditButton(
  doc: Document,
  titleElement: Element,
  entry: PageEntry,
  onEdit: () => void,
): Element {
  const host = createButton(doc, 'edit', 'Edit', onEdit);
  host.shadowRoot?.querySelector('button')?.setAttribute('aria-label', `Edit project: ${entry.title}`);
  titleElement.append(host);
  return host;
}
