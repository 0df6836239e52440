import { z } from 'zod';
import { DraftStatusSchema } from '../collab/draft-entry';
import { DraftsFileSchema } from '../drafts/transfer';
import { defineRequest } from './channel';

/**
 * The dashboard's requests to the background. The dashboard reads the drafts index from the database
 * itself (a top-level extension page may, DESIGN §3); everything that touches a draft's Yjs document
 * goes through these, because the background hub owns the documents. Full zod, not zod/mini: these
 * schemas never ship in the content script.
 */

const DraftId = z.string().min(1).max(8192);

/** A draft as it was before a discard: what an undo puts back, status and time alike. */
export const DiscardedDraftSchema = z.object({
  id: DraftId,
  status: DraftStatusSchema.exclude(['discarded']),
  updatedAt: z.number().int().nonnegative(),
});
export type DiscardedDraft = z.infer<typeof DiscardedDraftSchema>;

/** Marks drafts discarded (in their documents, through the hub); answers what each was before. */
export const discardDrafts = defineRequest(
  'dashboard.discard',
  z.object({ ids: z.array(DraftId).min(1).max(10_000) }),
  z.object({ discarded: z.array(DiscardedDraftSchema) }),
);

/** Puts discarded drafts back exactly as they were (status through the hub, then the record's time). */
export const restoreDrafts = defineRequest(
  'dashboard.restore',
  z.object({ drafts: z.array(DiscardedDraftSchema).min(1).max(10_000) }),
  z.object({ restored: z.number().int().nonnegative() }),
);

/** Every draft as one drafts file (lib/drafts/transfer.ts), for the user to save. */
export const exportDraftsFile = defineRequest('dashboard.export', z.object({}), DraftsFileSchema);

export const ImportOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    drafts: z.number().int().nonnegative(),
    docs: z.number().int().nonnegative(),
    /** Drafts discarded here since the file was written, which the file brought back. */
    revived: z.number().int().nonnegative(),
  }),
  z.object({ ok: z.literal(false), reason: z.string() }),
]);
export type ImportOutcome = z.infer<typeof ImportOutcomeSchema>;

/** Imports a drafts file's text; an invalid file changes nothing and the answer says why. */
export const importDraftsFile = defineRequest(
  'dashboard.import',
  // chrome.runtime messages are limited to 64 MiB; a file over that could not arrive anyway.
  z.object({ text: z.string().max(64 * 1024 * 1024) }),
  ImportOutcomeSchema,
);

export const DraftValuesSchema = z.object({
  docName: z.string(),
  entries: z.array(z.object({ entryId: z.string(), values: z.record(z.string(), z.string()) })),
  /** Entries of the document that do not read back, with the reason. */
  problems: z.array(z.object({ entryId: z.string(), reason: z.string() })),
});
export type DraftValues = z.infer<typeof DraftValuesSchema>;

/** The current field values of the drafts in these documents, so the dashboard can validate them. */
export const readDraftValues = defineRequest(
  'dashboard.values',
  z.object({ docNames: z.array(z.string().min(1).max(4096)).max(10_000) }),
  z.object({ docs: z.array(DraftValuesSchema) }),
);
