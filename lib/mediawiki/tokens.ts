import { z } from 'zod';
import type { WikiApi } from './api';
import { WikiApiError } from './api';

/**
 * Who the wiki takes the user for, and the CSRF token to edit with, in one request
 * (meta=tokens|userinfo). The extension never holds wiki passwords: it edits with the session the
 * user's browser already has, and when there is none it sends the user to the wiki's own login page.
 */
const TokenAnswerSchema = z.object({
  query: z.object({
    tokens: z.object({ csrftoken: z.string().min(1) }),
    userinfo: z.object({
      id: z.number().int(),
      name: z.string(),
      anon: z.boolean().optional(),
      rights: z.array(z.string()).optional(),
    }),
  }),
});

export const EditSessionSchema = z.object({
  csrfToken: z.string().min(1),
  userName: z.string(),
  /** Not logged in: MediaWiki then hands out the anonymous token "+\". */
  anonymous: z.boolean(),
  /** Whether the user holds the `edit` right. */
  canEdit: z.boolean(),
});
export type EditSession = z.infer<typeof EditSessionSchema>;

/** The user's edit session on the wiki; throws WikiApiError when the wiki cannot be asked. */
export async function readEditSession(api: WikiApi): Promise<EditSession> {
  const body = await api.get({ action: 'query', meta: 'tokens|userinfo', type: 'csrf', uiprop: 'rights' });
  const parsed = TokenAnswerSchema.safeParse(body);
  if (!parsed.success) {
    throw new WikiApiError(
      `Unexpected answer to a token request: ${z.prettifyError(parsed.error)}`,
      'bad-answer',
    );
  }
  const { tokens, userinfo } = parsed.data.query;
  const anonymous = userinfo.anon === true || userinfo.id === 0 || tokens.csrftoken === '+\\';
  return {
    csrfToken: tokens.csrftoken,
    userName: userinfo.name,
    anonymous,
    canEdit: !anonymous && (userinfo.rights ?? []).includes('edit'),
  };
}

/** The wiki's login page, coming back to `returnTo` (a page title) after logging in. */
export function loginUrl(apiUrl: string, returnTo: string): string {
  const url = new URL(apiUrl);
  url.pathname = url.pathname.replace(/api\.php$/, 'index.php');
  url.search = '';
  url.searchParams.set('title', 'Special:UserLogin');
  url.searchParams.set('returnto', returnTo);
  return url.href;
}
