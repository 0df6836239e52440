import * as Y from 'yjs';
import { parseDocName } from '../collab/doc-names';
import { type DraftStatus, DraftStatusSchema } from '../collab/draft-entry';
import { entryMetaMap } from '../collab/page-doc';
import { readDraftEntries, readDraftEntry } from '../collab/read-entry';
import { setEntryStatus, UnknownEntryError } from '../collab/set-field';
import { checkDraftsFileText, type DraftStores, importDrafts } from '../drafts/transfer';
import type { DiscardedDraft, DraftValues, ImportOutcome } from '../messaging/dashboard-protocol';
import type { DraftRecord } from '../store/records';

/**
 * What the dashboard asks of the background, over the hub and the drafts index. A status change is an
 * edit of the draft's document (the document is the truth; the index follows it), so it reaches every
 * open panel and, later, every collaborator.
 */

interface StatusChange {
  record: DraftRecord;
  status: DraftStatus;
}

async function recordOf(stores: DraftStores, id: string): Promise<DraftRecord> {
  const record = await stores.index.get(id);
  if (!record) throw new Error(`There is no draft ${id} (it may have been removed meanwhile).`);
  return record;
}

function groupByDoc<T extends { record: DraftRecord }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.record.docName);
    if (group) group.push(item);
    else groups.set(item.record.docName, [item]);
  }
  return groups;
}

/**
 * Sets statuses, one hub edit (one stored update) per document, and answers each draft's status as
 * its document held it just before. Every entry is looked up before anything is written, so a missing
 * one fails the document's edit as a whole instead of leaving half of it done.
 */
async function setStatuses(
  stores: DraftStores,
  changes: readonly StatusChange[],
): Promise<Map<string, DraftStatus>> {
  const before = new Map<string, DraftStatus>();
  for (const [docName, docChanges] of groupByDoc(changes)) {
    await stores.hub.edit(docName, (doc) => {
      const metas = docChanges.map(({ record }) => {
        const meta = entryMetaMap(doc).get(record.entryId);
        const status = DraftStatusSchema.safeParse(meta instanceof Y.Map ? meta.get('status') : undefined);
        if (!status.success) throw new UnknownEntryError(`The draft ${record.id} is not in its document.`);
        return status.data;
      });
      docChanges.forEach(({ record, status }, index) => {
        before.set(record.id, metas[index] ?? status);
        setEntryStatus(doc, record.entryId, status);
      });
    });
  }
  return before;
}

/**
 * The hub's indexer stamps an edit with the current time; putting a draft back "exactly" means its
 * record's time too, so that restoring is not reported as the draft's latest change.
 */
async function putBackTime(stores: DraftStores, id: string, status: DraftStatus, updatedAt: number) {
  const current = await stores.index.get(id);
  if (current && current.status === status) await stores.index.put({ ...current, updatedAt });
}

/** Discards drafts; answers each one's previous status and time (drafts already discarded are skipped). */
export async function discardDrafts(stores: DraftStores, ids: readonly string[]): Promise<DiscardedDraft[]> {
  const records = await Promise.all([...new Set(ids)].map((id) => recordOf(stores, id)));
  const open = records.filter((record) => record.status !== 'discarded');
  const before = await setStatuses(
    stores,
    open.map((record) => ({ record, status: 'discarded' })),
  );
  const discarded: DiscardedDraft[] = [];
  for (const record of open) {
    const status = before.get(record.id) ?? record.status;
    if (status !== 'discarded') discarded.push({ id: record.id, status, updatedAt: record.updatedAt });
  }
  return discarded;
}

/** Undoes discards: each draft gets back the status and time it had. */
export async function restoreDrafts(stores: DraftStores, drafts: readonly DiscardedDraft[]): Promise<number> {
  const changes = await Promise.all(
    drafts.map(async (draft) => ({ record: await recordOf(stores, draft.id), status: draft.status })),
  );
  await setStatuses(stores, changes);
  for (const draft of drafts) await putBackTime(stores, draft.id, draft.status, draft.updatedAt);
  return drafts.length;
}

/** Every entry status a file's documents hold, by draft record id. */
function statusesInFile(docs: ReadonlyMap<string, Uint8Array>): Map<string, DraftStatus> {
  const statuses = new Map<string, DraftStatus>();
  for (const [docName, state] of docs) {
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, state);
    for (const entry of readDraftEntries(scratch).entries)
      statuses.set(`${docName}#${entry.id}`, entry.meta.status);
    scratch.destroy();
  }
  return statuses;
}

/**
 * Imports a drafts file (lib/drafts/transfer.ts merges it: Yjs states merge, newer records win), then
 * brings back what the file holds open but was discarded here since. A Yjs merge cannot do that part:
 * the discard is a later change than anything in the file. Reviving is what a user restoring a backup
 * means, and a discard is undoable by design; the reverse (discarding what the file has as discarded
 * but is open here) is not done, so an import never throws a draft away.
 */
export async function importDraftsFile(stores: DraftStores, text: string): Promise<ImportOutcome> {
  const checked = checkDraftsFileText(text);
  if (!checked.ok) return checked;
  const imported = await importDrafts(stores, checked.file);
  if (!imported.ok) return imported;
  const inFile = statusesInFile(checked.states);
  const revive: (StatusChange & { updatedAt: number })[] = [];
  for (const fileRecord of checked.file.drafts) {
    const status = inFile.get(fileRecord.id);
    if (status === undefined || status === 'discarded') continue;
    // The document says whether it is discarded here: the index may have taken the file's record.
    const here = readDraftEntry((await stores.hub.doc(fileRecord.docName)).doc, fileRecord.entryId);
    if (here.ok && here.value.meta.status === 'discarded')
      revive.push({ record: fileRecord, status, updatedAt: fileRecord.updatedAt });
  }
  await setStatuses(stores, revive);
  for (const { record, status, updatedAt } of revive) await putBackTime(stores, record.id, status, updatedAt);
  return { ...imported, revived: revive.length };
}

/**
 * The current values of the drafts in these documents. Only documents the drafts index knows are
 * opened: a name from the request alone would make the hub create a database of that name.
 */
export async function readDraftValues(
  stores: DraftStores,
  docNames: readonly string[],
): Promise<DraftValues[]> {
  const { records } = await stores.index.list();
  const known = new Set(records.map((record) => record.docName));
  const answers: DraftValues[] = [];
  for (const docName of new Set(docNames)) {
    if (!known.has(docName) || parseDocName(docName)?.kind !== 'drafts') continue;
    const { entries, problems } = readDraftEntries((await stores.hub.doc(docName)).doc);
    answers.push({
      docName,
      entries: entries.map((entry) => ({ entryId: entry.id, values: entry.values })),
      problems,
    });
  }
  return answers;
}
