import type { PageEntry } from '../../lib/adapter/locate-entries';
import { createButton, createControlHost } from './control';

export interface UnlocatedNotice {
  host: Element;
  /** Each entry's button host, by ordinal. */
  buttons: Map<number, Element>;
}

/**
 * When the wikitext holds entries the rendered page does not show where expected (a template that
 * renders nothing, a title made by a template), they are still editable: listed at the top.
 */
export function mountUnlocatedNotice(
  doc: Document,
  root: Element,
  entries: readonly PageEntry[],
  onEdit: (entry: PageEntry) => void,
): UnlocatedNotice {
  const { host, root: shadow } = createControlHost(doc, 'unlocated');
  host.style.display = 'block';
  const note = doc.createElement('div');
  note.setAttribute('role', 'note');
  const count = entries.length === 1 ? 'One entry' : `${entries.length} entries`;
  note.textContent = `${count} of this page could not be found in its rendered text; edit them here: `;
  const buttons = new Map<number, Element>();
  for (const entry of entries) {
    const button = createButton(doc, 'edit', entry.title || `Entry ${entry.ordinal}`, () => onEdit(entry));
    button.shadowRoot?.querySelector('button')?.setAttribute('aria-label', `Edit project: ${entry.title}`);
    buttons.set(entry.ordinal, button);
    note.append(button);
  }
  shadow.append(note);
  root.prepend(host);
  return { host, buttons };
}
