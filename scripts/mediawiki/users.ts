export interface WikiAccount {
  username: string;
  password: string;
}

/**
 * The accounts of the local test wiki. The passwords are published on purpose: the wiki listens on
 * 127.0.0.1 only and holds nothing but seed content. Long enough for MediaWiki's sysop password policy.
 */
export const WIKI_ADMIN: WikiAccount = { username: 'Admin', password: 'Admin-of-the-desk-2025' };

export const WIKI_USERS = {
  /** Writes and publishes project ideas. */
  mentor: { username: 'Mentor', password: 'Mentor-of-the-desk-2025' },
  /** Reviews ideas and leaves comments. */
  reviewer: { username: 'Reviewer', password: 'Reviewer-of-the-desk-2025' },
} as const satisfies Record<string, WikiAccount>;

export type WikiUserRole = keyof typeof WIKI_USERS;
