import { z } from 'zod';
import { EditRequestSchema } from '../mediawiki/edit';
import { PlanInputSchema } from './plan-schema';
import { PublishResultSchema } from './publish-result';
import { ExpectationSchema } from './verify';

/**
 * The record that keeps one click from publishing twice. Written `in-flight` before each request that
 * may save and `done` once the outcome is known, so a publish whose answer was lost (a tab closed, the
 * network gone, a service worker stopped) is looked for on the wiki before anything is sent again.
 * `pending` means the wiki certainly does not hold it (not sent yet, refused, not logged in, changed
 * meanwhile): sending it again is safe, and `result` says why the last try ended.
 *
 * The extension keeps these in its database (lib/store's outbox); MemoryPublishJournal is the same
 * contract in memory. Records are parsed when read back, never trusted.
 */
export const PublishStateSchema = z.enum(['pending', 'in-flight', 'done']);
export type PublishState = z.infer<typeof PublishStateSchema>;

export const PublishRecordSchema = z.object({
  publishId: z.string().min(1),
  state: PublishStateSchema,
  /** What was planned, to plan again against a newer revision when another edit lands in between. */
  input: PlanInputSchema,
  /** Exactly what is (re)sent. */
  request: EditRequestSchema,
  /** The revision the first request was based on: a lost save is looked for in revisions after it. */
  sinceRevisionId: z.number().int().positive(),
  expectations: z.array(ExpectationSchema),
  /** Requests sent so far. */
  attempts: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
  result: PublishResultSchema.nullable(),
});
export type PublishRecord = z.infer<typeof PublishRecordSchema>;

export interface PublishJournal {
  read(publishId: string): Promise<PublishRecord | undefined>;
  write(record: PublishRecord): Promise<void>;
}

export class MemoryPublishJournal implements PublishJournal {
  private readonly records = new Map<string, string>();

  async read(publishId: string): Promise<PublishRecord | undefined> {
    const stored = this.records.get(publishId);
    return stored === undefined ? undefined : PublishRecordSchema.parse(JSON.parse(stored));
  }

  async write(record: PublishRecord): Promise<void> {
    this.records.set(record.publishId, JSON.stringify(PublishRecordSchema.parse(record)));
  }

  /** Every record, parsed (for tests and a dashboard's list). */
  async all(): Promise<PublishRecord[]> {
    return [...this.records.values()].map((stored) => PublishRecordSchema.parse(JSON.parse(stored)));
  }
}
