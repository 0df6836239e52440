import { createControlHost } from './control';

export const MALFORMED_PREFIX = "This entry can't be edited here:";

/**
 * Instead of an Edit button, an entry the codec cannot read gets a note that says why, placed right
 * after the text where its source shows literally (or at the top of the article when it is not found).
 */
export function mountMalformedNote(doc: Document, anchor: Element, reason: string, atTop: boolean): Element {
  const { host, root } = createControlHost(doc, 'malformed');
  host.style.display = 'block';
  const note = doc.createElement('div');
  note.setAttribute('role', 'note');
  note.textContent = `${MALFORMED_PREFIX} ${reason}`;
  root.append(note);
  if (atTop) anchor.prepend(host);
  else anchor.after(host);
  return host;
}
