import { useCallback, useEffect, useState } from 'react';
import { INBOX_VIEWS, type InboxViewName, inboxView } from '../../lib/comments/inbox-view';
import { commentsInbox, type CommentsInbox as Inbox } from '../../lib/comments/protocol';
import { wikiPageUrl } from '../../lib/dashboard/page-link';
import { request } from '../../lib/messaging/client';
import { CommentText } from '../comments/CommentText';
import { reasonOf } from './dashboard-api';

/** The comments inbox: threads across every page with comments on this device (read through the background). */
export function CommentsInbox() {
  const [inbox, setInbox] = useState<Inbox | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [view, setView] = useState<InboxViewName>('open');
  const load = useCallback(() => {
    request(commentsInbox, {}).then(
      (answer) => {
        setInbox(answer);
        setProblem(null);
      },
      (error: unknown) => setProblem(reasonOf(error)),
    );
  }, []);
  useEffect(() => {
    load();
    const onFocus = () => load();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [load]);
  const shown = inbox ? inboxView(inbox.threads, view) : [];
  return (
    <section aria-labelledby="comments-inbox" className="inbox">
      <h2 id="comments-inbox">Comments inbox</h2>
      <fieldset className="inbox-views">
        <legend className="visually-hidden">Show</legend>
        {INBOX_VIEWS.map((item) => (
          <button
            key={item.value}
            type="button"
            className={item.value === view ? '' : 'secondary'}
            aria-pressed={item.value === view}
            onClick={() => setView(item.value)}
          >
            {item.label}
          </button>
        ))}
        <button type="button" className="secondary" onClick={load}>
          Refresh comments
        </button>
      </fieldset>
      {problem ? (
        <p role="alert" className="error">
          The comments could not be read: {problem}
        </p>
      ) : null}
      {inbox && shown.length === 0 ? <p className="empty">No threads here.</p> : null}
      {shown.map((thread) => {
        const last = thread.messages.findLast((message) => !message.deleted);
        return (
          <article
            key={`${thread.wiki}|${thread.page}|${thread.threadId}`}
            aria-label={`Thread on "${thread.quote}"`}
            className="inbox-thread"
          >
            <p className="hint">
              <a href={wikiPageUrl(thread.wiki, thread.page)}>{thread.page}</a> · {thread.entryTitle} ·{' '}
              {thread.messages.length} {thread.messages.length === 1 ? 'message' : 'messages'}
            </p>
            <blockquote>
              <mark>{thread.quote}</mark>
            </blockquote>
            {last ? (
              <>
                <p className="hint">{last.author}:</p>
                <CommentText text={last.text} collaborators={inbox ? [inbox.me] : []} />
              </>
            ) : null}
          </article>
        );
      })}
    </section>
  );
}
