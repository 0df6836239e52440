import { useId, useState } from 'react';
import type * as Y from 'yjs';
import { adoptLegacyThread } from '../../lib/comments/legacy';
import type { PlacedThread } from '../../lib/comments/listing';
import {
  deleteMessage,
  editMessage,
  reopenThread,
  reply,
  resolveThread,
  setKeepRemark,
  setPublishAsRemark,
} from '../../lib/comments/operations';
import type { CommentMessage, CommentThread, OpResult, Person } from '../../lib/comments/schema';
import { CommentText } from './CommentText';
import { TextForm } from './TextForm';

export interface ThreadContext {
  doc: Y.Doc;
  me: Person;
  collaborators: readonly Person[];
  /** Why nothing can be written, or null. */
  readOnly: string | null;
  /** The wiki user the page says is logged in (a comment published as a remark is signed so), or null. */
  wikiUser: string | null;
}

const now = () => new Date().toISOString();

/** The accessible name of a thread (DESIGN §6). */
export const threadName = (thread: CommentThread): string => `Thread on "${thread.anchor.quote.exact}"`;

function formatTime(iso: string | null): string {
  if (!iso) return 'undated';
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? 'undated' : time.toLocaleString();
}

const DETACHED_WHY: Record<string, string> = {
  'not-found': 'the text it was on is no longer there.',
  ambiguous: 'the text it was on now appears in several places.',
  'no-entry': 'its entry is no longer on the page.',
  'no-text': 'the part of the entry it was on is gone.',
};

/** One thread: its quote, its messages, and what the reviewer can do with it. */
export function ThreadView({ placed, context }: { placed: PlacedThread; context: ThreadContext }) {
  const { thread, anchoring } = placed;
  const [replying, setReplying] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const keepId = useId();
  const publishId = useId();
  const run = (action: (threadId: string) => OpResult<object>): boolean => {
    // A wiki remark gets its record in the document on the first answer to it.
    const threadId = thread.legacy ? adoptLegacyThread(context.doc, thread) : thread.id;
    const result = action(threadId);
    setProblem(result.ok ? null : result.message);
    return result.ok;
  };
  const canWrite = context.readOnly === null;
  return (
    <article aria-label={threadName(thread)} className={`thread${thread.resolved ? ' resolved' : ''}`}>
      <p className="thread-state">
        {anchoring.status === 'detached' ? (
          <strong className="detached">
            Detached: {DETACHED_WHY[anchoring.reason] ?? 'its text is gone.'}
          </strong>
        ) : null}
        {thread.resolved && thread.resolution ? <span> Resolved by {thread.resolution.by.name}.</span> : null}
        {thread.legacy ? <span> A remark in the wiki’s text.</span> : null}
      </p>
      {thread.legacy ? null : (
        <blockquote className="quote">
          <mark>{thread.anchor.quote.exact}</mark>
        </blockquote>
      )}
      <ul className="messages">
        {thread.messages.map((message) => (
          <MessageView
            key={message.id}
            message={message}
            context={context}
            onEdit={(text) =>
              run((threadId) =>
                editMessage(context.doc, {
                  threadId,
                  messageId: message.id,
                  actor: context.me,
                  at: now(),
                  text,
                  collaborators: context.collaborators,
                }),
              )
            }
            onDelete={() =>
              run((threadId) =>
                deleteMessage(context.doc, { threadId, messageId: message.id, actor: context.me, at: now() }),
              )
            }
          />
        ))}
      </ul>
      {problem ? (
        <p role="alert" className="error">
          {problem}
        </p>
      ) : null}
      {canWrite && replying ? (
        <TextForm
          label="Reply text"
          submit="Post reply"
          onCancel={() => setReplying(false)}
          onSubmit={(text) => {
            // The time is the moment of posting, not of the last render.
            const writer = { author: context.me, at: now(), collaborators: context.collaborators };
            const ok = run((threadId) => reply(context.doc, { ...writer, threadId, text }));
            if (ok) setReplying(false);
            return ok;
          }}
        />
      ) : null}
      {canWrite ? (
        <div className="thread-actions">
          {replying ? null : (
            <button type="button" onClick={() => setReplying(true)}>
              Reply
            </button>
          )}
          {thread.resolved ? (
            <button
              type="button"
              className="secondary"
              onClick={() =>
                run((threadId) => reopenThread(context.doc, { threadId, actor: context.me, at: now() }))
              }
            >
              Reopen
            </button>
          ) : (
            <button
              type="button"
              className="secondary"
              onClick={() =>
                run((threadId) => resolveThread(context.doc, { threadId, actor: context.me, at: now() }))
              }
            >
              Resolve
            </button>
          )}
        </div>
      ) : null}
      {canWrite && !thread.legacy && !thread.resolved && (context.wikiUser || thread.publishAsRemark) ? (
        <p className="keep-remark">
          <input
            id={publishId}
            type="checkbox"
            checked={thread.publishAsRemark !== null}
            onChange={(event) =>
              run((threadId) =>
                setPublishAsRemark(context.doc, {
                  threadId,
                  wikiUser: event.target.checked ? context.wikiUser : null,
                  at: now(),
                }),
              )
            }
          />
          <label htmlFor={publishId}>
            Publish as a wiki remark in the Description at the next publish
            {thread.publishAsRemark ? ` (signed ${thread.publishAsRemark.wikiUser})` : ''}
          </label>
        </p>
      ) : null}
      {canWrite && thread.legacy?.inWikitext && thread.resolved ? (
        <p className="keep-remark">
          <input
            id={keepId}
            type="checkbox"
            checked={!thread.keepRemark}
            onChange={(event) =>
              run((threadId) => setKeepRemark(context.doc, { threadId, keep: !event.target.checked }))
            }
          />
          <label htmlFor={keepId}>Remove the remark from the wikitext at the next publish</label>
        </p>
      ) : null}
    </article>
  );
}

function MessageView({
  message,
  context,
  onEdit,
  onDelete,
}: {
  message: CommentMessage;
  context: ThreadContext;
  onEdit: (text: string) => boolean;
  onDelete: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const own =
    context.readOnly === null && !message.fromWiki && !message.deleted && message.author.id === context.me.id;
  return (
    <li className="message">
      <p className="byline">
        <span className="author">{message.author.name}</span>{' '}
        <time dateTime={message.createdAt ?? undefined}>{formatTime(message.createdAt)}</time>
        {message.edited && !message.deleted ? <span className="muted"> (edited)</span> : null}
      </p>
      {message.deleted ? (
        <p className="muted">This message was deleted.</p>
      ) : editing ? (
        <TextForm
          label="Message text"
          submit="Save message"
          initial={message.text}
          onCancel={() => setEditing(false)}
          onSubmit={(text) => {
            const ok = onEdit(text);
            if (ok) setEditing(false);
            return ok;
          }}
        />
      ) : (
        <CommentText text={message.text} collaborators={context.collaborators} />
      )}
      {own && !editing ? (
        <p className="message-actions">
          <button type="button" className="small secondary" onClick={() => setEditing(true)}>
            Edit message
          </button>
          <button type="button" className="small secondary" onClick={onDelete}>
            Delete message
          </button>
        </p>
      ) : null}
    </li>
  );
}
