import { type LocatedPage, type PageEntry, sectionKey } from '../../lib/adapter/locate-entries';
import { mountEditButton } from './entry-button';
import { mountMalformedNote } from './malformed-note';
import { mountNewProjectButton } from './section-button';
import { mountUnlocatedNotice } from './unlocated-notice';

export interface AdapterActions {
  editEntry(entry: PageEntry): void;
  newEntry(section: readonly string[]): void;
}

/** Draws every control for a located page; returns the function that removes them all again. */
export function mountPageControls(
  doc: Document,
  root: Element,
  entries: readonly PageEntry[],
  located: LocatedPage,
  actions: AdapterActions,
): () => void {
  const mounted: Element[] = [];
  for (const entry of entries) {
    const element = located.entries.get(entry.ordinal);
    if (element) mounted.push(mountEditButton(doc, element, entry, () => actions.editEntry(entry)));
  }
  const sectionPaths = new Map(entries.map((entry) => [sectionKey(entry.section), entry.section]));
  for (const [key, heading] of located.sections) {
    const path = sectionPaths.get(key) ?? [];
    mounted.push(
      mountNewProjectButton(doc, heading, path[path.length - 1] ?? '', () => actions.newEntry(path)),
    );
  }
  for (const [item, element] of located.malformed) {
    mounted.push(mountMalformedNote(doc, element ?? root, item.reason, element === null));
  }
  if (located.unlocated.length > 0) {
    mounted.push(mountUnlocatedNotice(doc, root, located.unlocated, actions.editEntry));
  }
  return () => {
    for (const element of mounted) element.remove();
  };
}
