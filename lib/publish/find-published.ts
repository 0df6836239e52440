import { z } from 'zod';
import type { WikiEditor } from '../mediawiki/edit';
import type { PublishRecord } from './journal';
import { scanOptionsOfPage } from './scan-options';
import { unmetExpectations } from './verify';

/**
 * Whether a publish whose answer was lost landed after all: the latest revision, else one of the
 * user's own revisions since the publish's base, holds every planned entry as previewed. Found, it is
 * done and is never sent again (even when someone has edited the page since).
 */
const HistorySchema = z.object({
  query: z.object({
    pages: z.array(
      z.object({
        revisions: z
          .array(
            z.object({
              revid: z.number().int().positive(),
              slots: z.object({ main: z.object({ content: z.string().optional() }) }).optional(),
            }),
          )
          .optional(),
      }),
    ),
  }),
});

/** Revisions looked at, at most: a lost publish is among the user's first edits after its base. */
const HISTORY_LIMIT = 20;

export async function findPublished(
  editor: WikiEditor,
  record: PublishRecord,
): Promise<{ revisionId: number; text: string } | null> {
  const { profile, page } = record.input;
  const options = scanOptionsOfPage(page);
  const holds = (text: string) => unmetExpectations(record.expectations, text, profile, options).length === 0;
  const latest = await editor.readPage(record.request.title, null);
  if (latest.revisionId > record.sinceRevisionId && holds(latest.wikitext)) {
    return { revisionId: latest.revisionId, text: latest.wikitext };
  }
  const session = await editor.session();
  const body = await editor.api.get({
    action: 'query',
    prop: 'revisions',
    titles: record.request.title,
    rvprop: 'ids|content',
    rvslots: 'main',
    rvdir: 'newer',
    rvstartid: String(record.sinceRevisionId),
    rvlimit: String(HISTORY_LIMIT),
    ...(session.anonymous ? {} : { rvuser: session.userName }),
  });
  const revisions = HistorySchema.parse(body).query.pages[0]?.revisions ?? [];
  for (const revision of revisions) {
    const text = revision.slots?.main.content;
    if (revision.revid > record.sinceRevisionId && text !== undefined && holds(text)) {
      return { revisionId: revision.revid, text };
    }
  }
  return null;
}
