import { createButton } from './control';

/** `New project in <section>`, at the end of the section's heading, next to the wiki's own edit link. */
export function mountNewProjectButton(
  doc: Document,
  heading: Element,
  section: string,
  onNew: () => void,
): Element {
  const host = createButton(doc, 'new', 'New project', onNew);
  host.shadowRoot?.querySelector('button')?.setAttribute('aria-label', `New project in ${section}`);
  heading.append(host);
  return host;
}
