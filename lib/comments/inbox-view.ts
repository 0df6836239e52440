import type { InboxThread } from './protocol';

/**
 * The dashboard's comments inbox views over the background's list (newest activity first):
 * open threads across pages, the open ones I started or wrote in, the open ones mentioning me.
 */
export const INBOX_VIEWS = [
  { value: 'open', label: 'Open threads' },
  { value: 'mine', label: 'Mine' },
  { value: 'mentions', label: 'Mentioning me' },
] as const;
export type InboxViewName = (typeof INBOX_VIEWS)[number]['value'];

export function inboxView(threads: readonly InboxThread[], view: InboxViewName): InboxThread[] {
  return threads.filter(
    (thread) => !thread.resolved && (view === 'open' || (view === 'mine' ? thread.mine : thread.mentionsMe)),
  );
}
