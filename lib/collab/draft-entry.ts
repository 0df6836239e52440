import { z } from 'zod';
import { EntryIdentitySchema } from '../model/entry';

/** Where a draft stands: being written, on the wiki, blocked by a wiki change, or thrown away (undoable). */
export const DraftStatusSchema = z.enum(['draft', 'published', 'conflict', 'discarded']);
export type DraftStatus = z.infer<typeof DraftStatusSchema>;

export const PageMetaSchema = z.object({
  wiki: z.url(),
  page: z.string().min(1),
  baseRevision: z.number().int().positive(),
});
export type PageMeta = z.infer<typeof PageMetaSchema>;

/** What a draft knows about the entry it edits, beyond the field values. */
export const EntryMetaSchema = z
  .object({
    /** The entry in its base revision; null for a new entry, which has no transclusion yet. */
    identity: EntryIdentitySchema.nullable(),
    /** The page revision the draft was based on (for a new entry: the one it will be added to). */
    baseRevision: z.number().int().positive(),
    isNew: z.boolean(),
    /** Headings from the outermost to the innermost one the entry sits (or will sit) under. */
    section: z.array(z.string()),
    status: DraftStatusSchema,
  })
  .refine((meta) => meta.isNew === (meta.identity === null), {
    message: 'a new entry has no identity, and an existing entry must have one',
  });
export type EntryMeta = z.infer<typeof EntryMetaSchema>;

/** One draft entry read back from its document as plain values. */
export const DraftEntrySchema = z.object({
  id: z.string().min(1),
  meta: EntryMetaSchema,
  /** Values by parameter name; every field of the profile is present ('' when the base had none). */
  values: z.record(z.string(), z.string()),
});
export type DraftEntry = z.infer<typeof DraftEntrySchema>;
