import type { PublishJournal, PublishRecord } from '../publish/journal';
import { PublishRecordSchema } from '../publish/journal';
import type { ProjectDeskDb } from './database';
import { type QuarantineListener, RecordReader, rowsOf } from './record-reader';

/**
 * The publish journal in the extension's database (table `publishes`, v3). Every record is parsed when
 * read back. A damaged one is moved to the quarantine and the read fails loudly: taking it for "never
 * sent" could publish twice, so that publish id is not used again (the dialog makes a new one).
 */
export type StoredPublish = PublishRecord;

export class DamagedPublishError extends Error {}

export class DexiePublishJournal implements PublishJournal {
  private readonly reader: RecordReader;

  constructor(
    private readonly db: ProjectDeskDb,
    onQuarantine?: QuarantineListener,
  ) {
    this.reader = new RecordReader(db, onQuarantine);
  }

  async read(publishId: string): Promise<PublishRecord | undefined> {
    const rows = await rowsOf(this.db.publishes.where('publishId').equals(publishId));
    if (rows.length === 0) return undefined;
    const { records, quarantined } = await this.reader.parse('publishes', PublishRecordSchema, rows);
    if (quarantined.length > 0 || records.length === 0) {
      throw new DamagedPublishError(
        `The record of publish ${publishId} is damaged and was set aside; check the page on the wiki before publishing again.`,
      );
    }
    return records[0];
  }

  async write(record: PublishRecord): Promise<void> {
    await this.db.publishes.put(PublishRecordSchema.parse(record));
  }

  /** Every publish not known to be done (queued, refused, or in flight with its answer lost). */
  async unfinished(): Promise<PublishRecord[]> {
    const rows = await rowsOf(this.db.publishes.where('state').anyOf('pending', 'in-flight'));
    return (await this.reader.parse('publishes', PublishRecordSchema, rows)).records;
  }
}
