import type * as Y from 'yjs';
import { parseDocName } from '../collab/doc-names';
import { entriesMap, entryMetaMap } from '../collab/page-doc';
import { readDraftEntry, readPageMeta } from '../collab/read-entry';
import type { SiteProfile } from '../model/profile';
import type { DraftIndex } from '../store/draft-index';
import type { DraftRecord } from '../store/records';
import { draftRecordId, draftRecordOf, sameDraftRecord } from './draft-record';

/**
 * Keeps the drafts index in step with one page document. Which entries changed is collected from the
 * document's events; their records are computed at once (from the document as it is at that update)
 * and written in order. While a user types, a record is rewritten at most once per `touchInterval`
 * (its time is only a "last edited" for the dashboard); anything else that changes is written at once.
 * The document stays the truth: on open every entry is reconciled with its record.
 */
export type IndexReason = 'edit' | 'import' | 'reconcile';

export interface IndexProblem {
  docName: string;
  entryId: string | null;
  reason: string;
}

export interface DraftIndexerOptions {
  index: DraftIndex;
  profileFor: (wiki: string) => SiteProfile;
  now: () => number;
  touchInterval: number;
  onProblem: (problem: IndexProblem) => void;
}

type Candidate = { id: string } & (
  | { kind: 'absent' }
  | { kind: 'unreadable' }
  | { kind: 'record'; record: DraftRecord }
);

export class DraftIndexer {
  private readonly dirty = new Set<string>();
  private chain: Promise<void> = Promise.resolve();
  private readonly observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    for (const event of events) {
      const [entryId] = event.path;
      if (entryId !== undefined) this.dirty.add(String(entryId));
      else for (const key of event.changes.keys.keys()) this.dirty.add(key);
    }
  };

  constructor(
    private readonly docName: string,
    private readonly doc: Y.Doc,
    private readonly options: DraftIndexerOptions,
  ) {
    entriesMap(doc).observeDeep(this.observer);
    entryMetaMap(doc).observeDeep(this.observer);
  }

  markAll(): void {
    for (const id of entriesMap(this.doc).keys()) this.dirty.add(id);
    for (const id of entryMetaMap(this.doc).keys()) this.dirty.add(id);
  }

  /** Computes the records of the entries changed since the last flush; resolves once they are written. */
  flush(reason: IndexReason): Promise<void> {
    if (this.dirty.size === 0) return this.chain;
    const candidates = [...this.dirty].map((entryId) => this.candidate(entryId));
    this.dirty.clear();
    const now = this.options.now();
    this.chain = this.chain
      .then(() => this.write(candidates, reason, now))
      .catch((error: unknown) =>
        this.options.onProblem({ docName: this.docName, entryId: null, reason: String(error) }),
      );
    return this.chain;
  }

  stop(): void {
    entriesMap(this.doc).unobserveDeep(this.observer);
    entryMetaMap(this.doc).unobserveDeep(this.observer);
  }

  private candidate(entryId: string): Candidate {
    const id = draftRecordId(this.docName, entryId);
    if (!entriesMap(this.doc).has(entryId) && !entryMetaMap(this.doc).has(entryId))
      return { id, kind: 'absent' };
    const entry = readDraftEntry(this.doc, entryId);
    const meta = readPageMeta(this.doc);
    const page = meta.ok ? meta.value : parseDocName(this.docName);
    if (!entry.ok || page === null) {
      const reason = entry.ok ? 'the document has no page meta and a foreign name' : entry.reason;
      // Its record (if any) stays as it was: an unreadable entry is reported, not unlisted.
      this.options.onProblem({ docName: this.docName, entryId, reason });
      return { id, kind: 'unreadable' };
    }
    const profile = this.options.profileFor(page.wiki);
    return { id, kind: 'record', record: draftRecordOf(this.docName, page, entry.value, profile, 0) };
  }

  private async write(candidates: Candidate[], reason: IndexReason, now: number): Promise<void> {
    for (const candidate of candidates) {
      const { id } = candidate;
      if (candidate.kind === 'unreadable') continue;
      // Read each time, not cached: an import writes records too.
      const existing = await this.options.index.get(id);
      if (candidate.kind === 'absent') {
        if (existing) await this.options.index.delete(id);
        continue;
      }
      const { record } = candidate;
      const unchanged = existing ? sameDraftRecord(existing, record) : false;
      const stale = existing ? now - existing.updatedAt >= this.options.touchInterval : true;
      if (existing && unchanged && (reason !== 'edit' || !stale)) continue;
      const updatedAt = reason === 'edit' || !existing ? now : existing.updatedAt;
      await this.options.index.put({ ...record, updatedAt });
    }
  }
}
