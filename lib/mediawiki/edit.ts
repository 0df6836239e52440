import { z } from 'zod';
import { type Fetch, type PageSource, WikiApi } from './api';
import { type EditSession, loginUrl, readEditSession } from './tokens';

/**
 * Saving a page with the user's own session: `action=edit` with the whole text, `baserevid` alone
 * (MediaWiki 1.39 takes `basetimestamp` to mean "the user's own edits since then are no conflict" and
 * then skips the check for another user's edit made in the same second as the base revision, losing
 * it), `assert=user`, `nocreate`, the CSRF token last. Every answer becomes one typed outcome; an
 * answer that never came is `lost` (the wiki may have saved), never taken for a failure.
 */
export const EditRequestSchema = z.object({
  title: z.string().min(1),
  text: z.string(),
  /** The revision the text was computed against. */
  baseRevisionId: z.number().int().positive(),
  summary: z.string().max(500),
});
export type EditRequest = z.infer<typeof EditRequestSchema>;

export const NotLoggedInReasonSchema = z.enum(['not-logged-in', 'session-lost', 'no-rights']);

export const EditOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('saved'),
    /** Null when the text was already the page's (MediaWiki saves no revision then). */
    newRevisionId: z.number().int().positive().nullable(),
    /** The revision the wiki saved on top of: not the base when it merged others' edits (diff3). */
    oldRevisionId: z.number().int().positive().nullable(),
    timestamp: z.string().nullable(),
  }),
  z.object({ kind: z.literal('conflict'), message: z.string() }),
  z.object({
    kind: z.literal('not-logged-in'),
    reason: NotLoggedInReasonSchema,
    message: z.string(),
    loginUrl: z.string(),
  }),
  z.object({ kind: z.literal('refused'), code: z.string(), message: z.string() }),
  z.object({ kind: z.literal('lost'), message: z.string() }),
]);
export type EditOutcome = z.infer<typeof EditOutcomeSchema>;

const EditAnswerSchema = z.object({
  edit: z
    .object({
      result: z.string(),
      newrevid: z.number().int().optional(),
      oldrevid: z.number().int().optional(),
      newtimestamp: z.string().optional(),
      nochange: z.boolean().optional(),
    })
    .optional(),
  errors: z.array(z.object({ code: z.string(), text: z.string().optional() })).optional(),
  error: z.object({ code: z.string(), info: z.string().optional() }).optional(),
});

const SESSION_CODES = new Set(['assertuserfailed', 'assertnameduserfailed', 'notloggedin', 'badtoken']);
const RIGHTS_CODES = new Set(['permissiondenied', 'writeapidenied', 'noedit', 'noedit-anon', 'cantedit']);

export class WikiEditor {
  readonly api: WikiApi;

  constructor(
    readonly apiUrl: string,
    private readonly fetchFn: Fetch,
  ) {
    this.api = new WikiApi(apiUrl, fetchFn);
  }

  /** The user's session and token; throws WikiApiError (e.g. 'unreachable') when the wiki cannot be asked. */
  session(): Promise<EditSession> {
    return readEditSession(this.api);
  }

  readPage(title: string, revisionId: number | null): Promise<PageSource> {
    return this.api.readPage(title, revisionId);
  }

  loginUrl(title: string): string {
    return loginUrl(this.apiUrl, title);
  }

  /** Why this session cannot edit, as an outcome; null when it can. */
  refusal(session: EditSession, title: string): EditOutcome | null {
    if (session.anonymous) {
      return this.notLoggedIn(
        'not-logged-in',
        'You are not logged in to the wiki. Log in, then publish again.',
        title,
      );
    }
    if (!session.canEdit) {
      return this.notLoggedIn(
        'no-rights',
        `The wiki does not let ${session.userName} edit pages. Log in with an account that may.`,
        title,
      );
    }
    return null;
  }

  /** One edit request with this token. */
  async save(request: EditRequest, token: string): Promise<EditOutcome> {
    const { title, text, baseRevisionId, summary } = EditRequestSchema.parse(request);
    const body = new URLSearchParams({
      action: 'edit',
      format: 'json',
      formatversion: '2',
      errorformat: 'plaintext',
      title,
      text,
      summary,
      baserevid: String(baseRevisionId),
      assert: 'user',
      nocreate: '1',
      // Last, so that a request cut short on the way is refused for want of a token.
      token,
    });
    let response: Response;
    try {
      response = await this.fetchFn(this.apiUrl, { method: 'POST', body, credentials: 'include' });
    } catch (error) {
      return {
        kind: 'lost',
        message: `The wiki did not answer (${String(error)}); it may or may not have saved.`,
      };
    }
    if (response.status >= 500)
      return { kind: 'lost', message: `The wiki answered HTTP ${response.status}.` };
    if (!response.ok)
      return {
        kind: 'refused',
        code: `http-${response.status}`,
        message: `The wiki answered HTTP ${response.status}.`,
      };
    let raw: unknown;
    try {
      raw = await response.json();
    } catch {
      return { kind: 'lost', message: 'The wiki did not answer with JSON; it may or may not have saved.' };
    }
    return this.outcome(raw, title);
  }

  private outcome(raw: unknown, title: string): EditOutcome {
    const answer = EditAnswerSchema.safeParse(raw);
    if (!answer.success)
      return { kind: 'lost', message: 'The wiki answered the edit in a shape we do not know.' };
    const { edit, errors, error } = answer.data;
    const failure = errors?.[0] ?? (error ? { code: error.code, text: error.info } : undefined);
    if (failure) {
      const message = failure.text ?? failure.code;
      if (failure.code === 'editconflict') return { kind: 'conflict', message };
      if (SESSION_CODES.has(failure.code))
        return this.notLoggedIn('session-lost', `${message} Log in again, then publish.`, title);
      if (RIGHTS_CODES.has(failure.code)) return this.notLoggedIn('no-rights', message, title);
      return { kind: 'refused', code: failure.code, message };
    }
    if (edit?.result !== 'Success') {
      return {
        kind: 'refused',
        code: edit?.result ?? 'no-result',
        message: 'The wiki did not save the edit.',
      };
    }
    return {
      kind: 'saved',
      newRevisionId: edit.nochange ? null : (edit.newrevid ?? null),
      oldRevisionId: edit.oldrevid ?? null,
      timestamp: edit.newtimestamp ?? null,
    };
  }

  private notLoggedIn(
    reason: z.infer<typeof NotLoggedInReasonSchema>,
    message: string,
    title: string,
  ): EditOutcome {
    return { kind: 'not-logged-in', reason, message, loginUrl: this.loginUrl(title) };
  }

  /**
   * A whole edit: session, then save. `beforeSend` runs right before each request that may save (a
   * caller marks its publish in flight there). A token the wiki no longer takes is fetched again
   * once: nothing was saved with it. Throws WikiApiError only when nothing was sent.
   */
  async edit(request: EditRequest, options: { beforeSend?: () => Promise<void> } = {}): Promise<EditOutcome> {
    for (let attempt = 0; ; attempt++) {
      const session = await this.session();
      const refused = this.refusal(session, request.title);
      if (refused) return refused;
      await options.beforeSend?.();
      const outcome = await this.save(request, session.csrfToken);
      const tokenLost = outcome.kind === 'not-logged-in' && outcome.reason === 'session-lost';
      if (!tokenLost || attempt > 0) return outcome;
    }
  }
}
