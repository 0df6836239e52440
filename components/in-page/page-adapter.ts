import { type LocatedPage, type PageEntry, sectionKey } from '../../lib/adapter/locate-entries';
import { type BadgeState, setDraftBadge } from './draft-badge';
import { mountEditButton } from './entry-button';
import { mountMalformedNote } from './malformed-note';
import { mountNewProjectButton } from './section-button';
import { mountUnlocatedNotice } from './unlocated-notice';

export interface AdapterActions {
  editEntry(entry: PageEntry): void;
  newEntry(section: readonly string[]): void;
}

/** A control the adapter drew, and the element of the page a panel for it goes under. */
export interface MountedControl {
  /** The host of the button (its shadow root holds the button and its badge). */
  host: Element;
  anchor: Element;
}

/** Every control drawn on a page, to find them again (badges, panels) and to remove them all. */
export interface PageControls {
  entries: Map<number, MountedControl>;
  /** By section key (heading path joined with ' / '). */
  sections: Map<string, MountedControl>;
  /** Shows the badge on the entries and sections that have drafts, and takes it off the others. */
  showDrafts(entries: Map<number, BadgeState>, sections: Set<string>): void;
  remove(): void;
}

/** Draws every control for a located page. */
export function mountPageControls(
  doc: Document,
  root: Element,
  entries: readonly PageEntry[],
  located: LocatedPage,
  actions: AdapterActions,
): PageControls {
  const mounted: Element[] = [];
  const entryControls = new Map<number, MountedControl>();
  const sectionControls = new Map<string, MountedControl>();
  for (const entry of entries) {
    const element = located.entries.get(entry.ordinal);
    if (!element) continue;
    const host = mountEditButton(doc, element, entry, () => actions.editEntry(entry));
    mounted.push(host);
    entryControls.set(entry.ordinal, { host, anchor: element });
  }
  const sectionPaths = new Map(entries.map((entry) => [sectionKey(entry.section), entry.section]));
  for (const [key, heading] of located.sections) {
    const path = sectionPaths.get(key) ?? [];
    const host = mountNewProjectButton(doc, heading, path[path.length - 1] ?? '', () =>
      actions.newEntry(path),
    );
    mounted.push(host);
    sectionControls.set(key, { host, anchor: heading });
  }
  for (const [item, element] of located.malformed) {
    mounted.push(mountMalformedNote(doc, element ?? root, item.reason, element === null));
  }
  if (located.unlocated.length > 0) {
    const notice = mountUnlocatedNotice(doc, root, located.unlocated, actions.editEntry);
    mounted.push(notice.host);
    for (const [ordinal, host] of notice.buttons) entryControls.set(ordinal, { host, anchor: notice.host });
  }
  return {
    entries: entryControls,
    sections: sectionControls,
    showDrafts(drafts, sections) {
      for (const [ordinal, control] of entryControls)
        setDraftBadge(control.host, drafts.get(ordinal) ?? null);
      for (const [key, control] of sectionControls) {
        setDraftBadge(control.host, sections.has(key) ? { behind: false } : null);
      }
    },
    remove() {
      for (const element of mounted) element.remove();
    },
  };
}
