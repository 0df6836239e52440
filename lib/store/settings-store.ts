import type { z } from 'zod';
import type { ProjectDeskDb } from './database';
import { type QuarantineListener, RecordReader } from './record-reader';
import { SettingRecordSchema } from './records';

/**
 * Key-value settings in the extension's database (the sync server address, the display name, …).
 * Each caller reads a key with its own schema; a stored value that does not fit it is quarantined and
 * reported, and the caller gets undefined (its default), never a value of the wrong shape.
 */
export class SettingsStore {
  private readonly reader: RecordReader;

  constructor(
    private readonly db: ProjectDeskDb,
    onQuarantine?: QuarantineListener,
    private readonly now: () => number = Date.now,
  ) {
    this.reader = new RecordReader(db, onQuarantine);
  }

  async get<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const raw: unknown = await this.db.settings.get(key);
    if (raw === undefined) return undefined;
    const recordSchema = SettingRecordSchema.extend({ value: schema });
    const { records } = await this.reader.parse('settings', recordSchema, [{ key, raw }]);
    return records[0]?.value as T | undefined;
  }

  async set<T>(key: string, schema: z.ZodType<T>, value: T): Promise<void> {
    const checked = schema.parse(value);
    await this.db.settings.put(SettingRecordSchema.parse({ key, value: checked, updatedAt: this.now() }));
  }

  async delete(key: string): Promise<void> {
    await this.db.settings.delete(key);
  }
}
