import { z } from 'zod';
import { type Fetch, WikiApiError } from '../mediawiki/api';
import type { SenderInfo } from '../messaging/channel';
import type { PreviewRequest } from '../panel/protocol';
import { requireExtensionPage } from './senders';
import type { WikiAccess } from './wiki-access';

/**
 * The wiki's own rendering of a draft: MediaWiki's parser (action=parse) run on the draft's
 * transclusion, as it would render on the page. POSTed, since a long entry does not fit in a URL; no
 * token is needed to parse. The HTML goes to the panel, which sanitises it before showing it.
 */
const ParseAnswerSchema = z.union([
  z.object({ parse: z.object({ text: z.string() }) }),
  z.object({ error: z.object({ code: z.string(), info: z.string() }) }),
]);

export async function parseWikitext(
  apiUrl: string,
  fetchFn: Fetch,
  title: string,
  wikitext: string,
): Promise<string> {
  const body = new URLSearchParams({
    action: 'parse',
    format: 'json',
    formatversion: '2',
    title,
    text: wikitext,
    contentmodel: 'wikitext',
    prop: 'text',
    preview: '1',
    disableeditsection: '1',
    disablelimitreport: '1',
    disabletoc: '1',
  });
  let response: Response;
  try {
    response = await fetchFn(apiUrl, { method: 'POST', body, credentials: 'include' });
  } catch (error) {
    throw new WikiApiError(`The wiki could not be reached (${String(error)}).`, 'unreachable');
  }
  if (!response.ok)
    throw new WikiApiError(`The wiki answered HTTP ${response.status}.`, `http-${response.status}`);
  let raw: unknown;
  try {
    raw = await response.json();
  } catch {
    throw new WikiApiError('The wiki did not answer the preview with JSON.', 'not-json');
  }
  const answer = ParseAnswerSchema.safeParse(raw);
  if (!answer.success)
    throw new WikiApiError('The wiki answered the preview in a shape we do not know.', 'bad-answer');
  if ('error' in answer.data) throw new WikiApiError(answer.data.error.info, answer.data.error.code);
  return answer.data.parse.text;
}

export interface PreviewDeps {
  access: WikiAccess;
  ownId: string;
  extensionOrigin: string;
}

export async function handlePreview(
  request: PreviewRequest,
  sender: SenderInfo,
  deps: PreviewDeps,
): Promise<{ html: string }> {
  requireExtensionPage(sender, deps.ownId, deps.extensionOrigin);
  const context = await deps.access.context(new URL(request.wiki).origin, request.view);
  const html = await parseWikitext(
    context.api.apiUrl,
    deps.access.fetchFn,
    request.view.title,
    request.wikitext,
  );
  return { html };
}
