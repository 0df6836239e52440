import { useEffect, useMemo, useState } from 'react';
import type { CommentsLink } from '../../lib/comments/frame-link';
import { createThread } from '../../lib/comments/operations';
import { pageEntrySources, pageThreads, placeEntryThreads } from '../../lib/comments/page-threads';
import { COMMENTS_READ_ONLY } from '../../lib/comments/protocol';
import type { Person } from '../../lib/comments/schema';
import { usePageSync } from '../panel/use-page-sync';
import { postToCommentsHost } from './frame-host';
import { TextForm } from './TextForm';
import { type ThreadContext, ThreadView } from './ThreadView';
import { type CommentsSession, useCommentsDoc, useDocVersion } from './use-comments-doc';

/** The comments frame under an entry: a new comment on the selection, and the entry's threads. */
export function CommentsApp({ link }: { link: CommentsLink }) {
  const state = useCommentsDoc(link.wiki, link.view, link.wikiUser);
  const [root, setRoot] = useState<HTMLElement | null>(null);
  useFrameHeight(link.wiki, root);
  const close = () => postToCommentsHost(link.wiki, { type: 'close' });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') postToCommentsHost(link.wiki, { type: 'close' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [link.wiki]);
  return (
    <main ref={setRoot} className="comments">
      <header className="comments-header">
        <h1>Comments on {link.entry.title || `entry ${link.entry.ordinal}`}</h1>
        <button type="button" className="secondary" onClick={close}>
          Close comments
        </button>
      </header>
      {state.phase === 'opening' ? <p role="status">Opening the comments…</p> : null}
      {state.phase === 'failed' ? (
        <p role="alert" className="error">
          The comments could not be opened: {state.reason}
        </p>
      ) : null}
      {state.phase === 'ready' ? <EntryComments link={link} session={state.session} /> : null}
    </main>
  );
}

function EntryComments({ link, session }: { link: CommentsLink; session: CommentsSession }) {
  const { opened, replica } = session;
  const version = useDocVersion(replica);
  const sync = usePageSync(opened.docName, ignoreLost);
  const readOnly = opened.readOnly ?? (sync.status?.canWrite === false ? COMMENTS_READ_ONLY : null);
  const entries = useMemo(
    () => pageEntrySources({ wikitext: opened.wikitext, extensionTags: opened.extensionTags }, opened),
    [opened],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: version stands for the document's changes
  const threads = useMemo(() => pageThreads(replica.doc, opened.wikitext, entries), [version, entries]);
  const placed = useMemo(
    () => placeEntryThreads(threads.threads, entries, link.entry.ordinal, link.text),
    [threads, entries, link],
  );
  const collaborators = useMemo(() => {
    const people = new Map<string, Person>([[opened.me.id, opened.me]]);
    for (const thread of threads.threads)
      for (const message of thread.messages)
        if (!message.fromWiki) people.set(message.author.id, message.author);
    return [...people.values()];
  }, [threads, opened.me]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: tell the page on every change of the document
  useEffect(() => {
    if (version > 0) postToCommentsHost(link.wiki, { type: 'changed' });
  }, [version]);
  const context: ThreadContext = {
    doc: replica.doc,
    me: opened.me,
    collaborators,
    readOnly,
    wikiUser: link.wikiUser,
  };
  return (
    <>
      <p role="status" className="sync-status">
        {replica.status.error ?? sync.status?.text ?? 'Saved on this device'}
      </p>
      {readOnly ? <p role="note">{readOnly}</p> : null}
      <NewComment key={link.nonce} link={link} context={context} />
      <p className="hint">
        {placed.length === 0 ? 'No comments on this entry yet.' : countThreads(placed.length)}
        {' · '}commenting as {opened.me.name}
      </p>
      {threads.problems.length > 0 ? (
        <p role="note">Some comments could not be read: {threads.problems[0]!.message}</p>
      ) : null}
      <section aria-label="Threads" className="threads">
        {placed.map((item) => (
          <ThreadView key={item.thread.id} placed={item} context={context} />
        ))}
      </section>
    </>
  );
}

/** Comments are never written over by a peer's: each message is its own record (schema.ts). */
const ignoreLost = () => {};

const countThreads = (n: number) => `${n} ${n === 1 ? 'thread' : 'threads'}`;

function NewComment({ link, context }: { link: CommentsLink; context: ThreadContext }) {
  const [open, setOpen] = useState(link.pending !== null);
  const [problem, setProblem] = useState<string | null>(null);
  const pending = link.pending;
  if (!pending || !open || context.readOnly) return null;
  return (
    <section aria-label="New comment" className="new-comment">
      <p>
        Comment on: <mark>{pending.quote.exact}</mark>
      </p>
      <TextForm
        label="Comment text"
        submit="Post comment"
        onCancel={() => setOpen(false)}
        onSubmit={(text) => {
          const result = createThread(context.doc, {
            anchor: pending,
            text,
            author: context.me,
            at: new Date().toISOString(),
            collaborators: context.collaborators,
          });
          setProblem(result.ok ? null : result.message);
          if (result.ok) setOpen(false);
          return result.ok;
        }}
      />
      {problem ? (
        <p role="alert" className="error">
          {problem}
        </p>
      ) : null}
    </section>
  );
}

/** Asks the page adapter to make the iframe as tall as the content. */
function useFrameHeight(wiki: string, element: HTMLElement | null): void {
  useEffect(() => {
    if (!element) return;
    let last = -1;
    const report = () => {
      const height = Math.min(20_000, Math.ceil(element.getBoundingClientRect().height));
      if (height === last) return;
      last = height;
      postToCommentsHost(wiki, { type: 'size', height });
    };
    const observer = new ResizeObserver(report);
    observer.observe(element);
    report();
    return () => observer.disconnect();
  }, [wiki, element]);
}
