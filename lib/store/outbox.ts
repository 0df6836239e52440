import type { ProjectDeskDb } from './database';
import { type Parsed, type QuarantineListener, RecordReader, rowsOf } from './record-reader';
import { type OutboxRecord, OutboxRecordSchema } from './records';

/** Publishes queued until the wiki can be reached, in the order they were asked for. */
export class Outbox {
  private readonly reader: RecordReader;

  constructor(
    private readonly db: ProjectDeskDb,
    onQuarantine?: QuarantineListener,
    private readonly now: () => number = Date.now,
  ) {
    this.reader = new RecordReader(db, onQuarantine);
  }

  /** Queues a publish of a draft; returns its place in the queue. */
  async enqueue(draftId: string, summary: string): Promise<number> {
    const record = OutboxRecordSchema.omit({ seq: true }).parse({
      draftId,
      summary,
      createdAt: this.now(),
      attempts: 0,
      lastError: null,
    });
    return this.db.outbox.add(record as OutboxRecord);
  }

  async list(): Promise<Parsed<OutboxRecord>> {
    return this.reader.parse('outbox', OutboxRecordSchema, await rowsOf(this.db.outbox.orderBy('seq')));
  }

  async recordFailure(seq: number, error: string): Promise<void> {
    await this.db.transaction('rw', this.db.outbox, async () => {
      const current = OutboxRecordSchema.safeParse(await this.db.outbox.get(seq));
      if (!current.success) return;
      await this.db.outbox.put({ ...current.data, attempts: current.data.attempts + 1, lastError: error });
    });
  }

  async remove(seq: number): Promise<void> {
    await this.db.outbox.delete(seq);
  }
}
