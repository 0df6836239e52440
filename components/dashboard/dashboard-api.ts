import type { DraftsFile } from '../../lib/drafts/transfer';
import { request } from '../../lib/messaging/client';
import {
  type DiscardedDraft,
  type DraftValues,
  discardDrafts,
  exportDraftsFile,
  type ImportOutcome,
  importDraftsFile,
  readDraftValues,
  restoreDrafts,
} from '../../lib/messaging/dashboard-protocol';

/**
 * What the dashboard asks of the background (which owns the drafts' documents). An interface so the
 * page's wiring is in one place; each call throws a ChannelError with the background's reason.
 */
export interface DashboardApi {
  discard(ids: string[]): Promise<DiscardedDraft[]>;
  restore(drafts: DiscardedDraft[]): Promise<number>;
  exportFile(): Promise<DraftsFile>;
  importFile(text: string): Promise<ImportOutcome>;
  values(docNames: string[]): Promise<DraftValues[]>;
}

export const backgroundApi: DashboardApi = {
  discard: async (ids) => (await request(discardDrafts, { ids })).discarded,
  restore: async (drafts) => (await request(restoreDrafts, { drafts })).restored,
  exportFile: () => request(exportDraftsFile, {}),
  importFile: (text) => request(importDraftsFile, { text }),
  values: async (docNames) => (await request(readDraftValues, { docNames })).docs,
};

export const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
