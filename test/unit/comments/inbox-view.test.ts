import { describe, expect, it } from 'vitest';
import { inboxView } from '../../../lib/comments/inbox-view';
import type { InboxThread } from '../../../lib/comments/protocol';

const thread = (id: string, flags: Partial<InboxThread>): InboxThread => ({
  wiki: 'https://wiki.example.org',
  page: 'Ideas',
  threadId: id,
  entryTitle: 'An idea',
  quote: 'some words',
  resolved: false,
  lastActivity: null,
  mine: false,
  mentionsMe: false,
  messages: [],
  ...flags,
});

describe('the comments inbox views', () => {
  const threads = [
    thread('a', {}),
    thread('b', { mine: true }),
    thread('c', { mentionsMe: true }),
    thread('d', { mine: true, mentionsMe: true, resolved: true }),
  ];
  const ids = (list: InboxThread[]) => list.map((item) => item.threadId);

  it('shows open threads only, in the order given', () => {
    expect(ids(inboxView(threads, 'open'))).toEqual(['a', 'b', 'c']);
    expect(ids(inboxView(threads, 'mine'))).toEqual(['b']);
    expect(ids(inboxView(threads, 'mentions'))).toEqual(['c']);
  });
});
