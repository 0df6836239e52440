import { readDraftEntry } from '../collab/read-entry';
import type { DraftHub } from '../drafts/hub';
import type { PageSource } from '../mediawiki/api';
import type { PageView } from '../mediawiki/page-view';
import type { SenderInfo } from '../messaging/channel';
import type { PageDrafts } from '../messaging/protocol';
import { type EntryIdentity, entryFromTransclusion } from '../model/entry';
import type { SiteProfile } from '../model/profile';
import { draftChanged } from '../panel/draft-changes';
import type { DraftIndex } from '../store/draft-index';
import type { DraftRecord } from '../store/records';
import { findTransclusions } from '../wikitext';
import { contentScriptOrigin } from './senders';
import type { WikiAccess } from './wiki-access';

/**
 * Which entries of the page a reader sees have drafts on this device, from the drafts index alone (no
 * document is opened for a page view). An entry's draft is found as opening it finds it (findOpenDraft):
 * by its unchanged base text first, then by its title, newest base first; each draft counts once.
 */
export function entryIdentities(source: PageSource, profile: SiteProfile): EntryIdentity[] {
  const { transclusions } = findTransclusions(source.wikitext, profile.template, {
    extensionTags: source.extensionTags,
  });
  return transclusions.map(
    (transclusion, index) =>
      entryFromTransclusion(source.wikitext, transclusion, profile, index + 1).identity,
  );
}

const isOpen = (record: DraftRecord) => record.status === 'draft' || record.status === 'conflict';

/**
 * `changed` says whether a record's draft differs from its seed (see draft-changes.ts): opening an
 * entry seeds a draft, and only one somebody wrote in gets a badge.
 */
export function draftsOnPage(
  records: readonly DraftRecord[],
  identities: readonly EntryIdentity[],
  pageRevision: number,
  changed: (record: DraftRecord) => boolean,
): PageDrafts {
  const open = records.filter(isOpen).sort((a, b) => b.baseRevision - a.baseRevision);
  const existing = open.filter((record) => record.identity !== null);
  const used = new Set<string>();
  const take = (match: (record: DraftRecord) => boolean) => {
    const found = existing.find((record) => !used.has(record.id) && match(record));
    if (found) used.add(found.id);
    return found;
  };
  const entries: PageDrafts['entries'] = [];
  for (const identity of identities) {
    const found =
      take((record) => record.identity?.baseWikitext === identity.baseWikitext) ??
      (identity.title === '' ? undefined : take((record) => record.identity?.title === identity.title));
    if (found && changed(found))
      entries.push({ ordinal: identity.ordinal, behind: found.baseRevision < pageRevision });
  }
  const sections = new Map<string, string[]>();
  for (const record of open) {
    if (record.isNew && changed(record)) sections.set(JSON.stringify(record.section), record.section);
  }
  return { entries, sections: [...sections.values()].map((section) => ({ section })) };
}

export interface PageDraftsDeps {
  access: WikiAccess;
  index: DraftIndex;
  hub: DraftHub;
  extensionOrigin: string;
}

/** Which of the records' drafts differ from their seed, read from their documents (through the hub). */
async function changedDrafts(hub: DraftHub, records: readonly DraftRecord[], profile: SiteProfile) {
  const changed = new Set<string>();
  for (const record of records.filter(isOpen)) {
    const entry = readDraftEntry((await hub.doc(record.docName)).doc, record.entryId);
    if (entry.ok && draftChanged(profile, entry.value)) changed.add(record.id);
  }
  return changed;
}

/** Answers a page adapter's question for its badges. */
export async function handlePageDrafts(
  view: PageView,
  sender: SenderInfo,
  deps: PageDraftsDeps,
): Promise<PageDrafts> {
  const origin = contentScriptOrigin(sender, deps.extensionOrigin);
  if (origin === null) throw new Error('Refused: only a wiki page can ask which of its entries have drafts.');
  const context = await deps.access.context(origin, view);
  const source = await deps.access.source(context, view);
  const { records } = await deps.index.list({ wiki: origin, page: source.title });
  if (!records.some(isOpen)) return { entries: [], sections: [] };
  const changed = await changedDrafts(deps.hub, records, context.profile);
  return draftsOnPage(records, entryIdentities(source, context.profile), source.revisionId, (record) =>
    changed.has(record.id),
  );
}
