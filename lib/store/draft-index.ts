import type { DraftStatus } from '../collab/draft-entry';
import type { ProjectDeskDb } from './database';
import { type Parsed, type QuarantineListener, RecordReader, rowsOf } from './record-reader';
import {
  type DraftRecord,
  DraftRecordSchema,
  type QuarantineRecord,
  QuarantineRecordSchema,
} from './records';

export interface DraftFilter {
  wiki?: string;
  page?: string;
  status?: DraftStatus;
}

/** The drafts index: one record per draft entry, kept up to date by the draft hub. */
export class DraftIndex {
  private readonly reader: RecordReader;

  constructor(
    private readonly db: ProjectDeskDb,
    onQuarantine?: QuarantineListener,
  ) {
    this.reader = new RecordReader(db, onQuarantine);
  }

  async put(record: DraftRecord): Promise<void> {
    await this.db.drafts.put(DraftRecordSchema.parse(record));
  }

  async get(id: string): Promise<DraftRecord | undefined> {
    const raw: unknown = await this.db.drafts.get(id);
    if (raw === undefined) return undefined;
    const { records } = await this.reader.parse('drafts', DraftRecordSchema, [{ key: id, raw }]);
    return records[0];
  }

  async delete(id: string): Promise<void> {
    await this.db.drafts.delete(id);
  }

  /** Drafts matching the filter, most recently updated first, and the records set aside while reading. */
  async list(filter: DraftFilter = {}): Promise<Parsed<DraftRecord>> {
    const collection =
      filter.wiki !== undefined && filter.page !== undefined
        ? this.db.drafts.where('[wiki+page]').equals([filter.wiki, filter.page])
        : filter.status !== undefined
          ? this.db.drafts.where('status').equals(filter.status)
          : this.db.drafts.toCollection();
    const parsed = await this.reader.parse('drafts', DraftRecordSchema, await rowsOf(collection));
    const records = parsed.records
      .filter((record) => filter.wiki === undefined || record.wiki === filter.wiki)
      .filter((record) => filter.page === undefined || record.page === filter.page)
      .filter((record) => filter.status === undefined || record.status === filter.status)
      .sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id));
    return { records, quarantined: parsed.quarantined };
  }

  /** Every record set aside so far (of any table), oldest first; a damaged one is shown as such. */
  async quarantined(): Promise<QuarantineRecord[]> {
    const rows = await rowsOf(this.db.quarantine.toCollection());
    return rows.map(({ key, raw }) => {
      const parsed = QuarantineRecordSchema.safeParse(raw);
      if (parsed.success) return parsed.data;
      return {
        id: typeof key === 'number' ? key : 0,
        table: 'quarantine',
        key: JSON.stringify(key) ?? String(key),
        raw,
        reason: 'the quarantine record itself is damaged',
        quarantinedAt: 0,
      } satisfies QuarantineRecord;
    });
  }
}
