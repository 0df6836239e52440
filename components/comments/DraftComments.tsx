import { useMemo, useState } from 'react';
import * as Y from 'yjs';
import { wikitextToPlainText } from '../../lib/adapter/plain-text';
import type { EntryCandidate } from '../../lib/anchoring/entry-match';
import { createLiveAnchor } from '../../lib/anchoring/live-anchor';
import type { Anchor, AnchorTarget } from '../../lib/anchoring/schema';
import { createAnchor, selectionProblem } from '../../lib/anchoring/text-anchor';
import type { DraftEntry } from '../../lib/collab/draft-entry';
import { entriesMap } from '../../lib/collab/page-doc';
import { placeThreads } from '../../lib/comments/listing';
import { createThread } from '../../lib/comments/operations';
import { pageEntrySources, pageThreads } from '../../lib/comments/page-threads';
import type { Person } from '../../lib/comments/schema';
import type { DraftSession } from '../panel/use-draft-session';
import './comments.css';
import { type FieldSelection, useFieldSelection } from './field-selection';
import { TextForm } from './TextForm';
import { type ThreadContext, ThreadView } from './ThreadView';
import { type CommentsSession, useCommentsDoc, useDocVersion } from './use-comments-doc';

/**
 * Comments in the editor panel: select text in a draft field and choose `Comment`; the entry's
 * threads on its fields are listed under the form, each resolved against the draft's text as it is
 * now (Yjs relative positions while the comment points into a field's Y.Text).
 */
export function DraftComments({ session, entry }: { session: DraftSession; entry: DraftEntry }) {
  const state = useCommentsDoc(session.link.wiki, session.link.view, null);
  if (state.phase === 'opening') return null;
  if (state.phase === 'failed')
    return (
      <p role="note" className="hint">
        Comments are not available here: {state.reason}
      </p>
    );
  return <FieldComments draft={session} entry={entry} comments={state.session} />;
}

function FieldComments({
  draft,
  entry,
  comments,
}: {
  draft: DraftSession;
  entry: DraftEntry;
  comments: CommentsSession;
}) {
  const { opened, replica } = comments;
  const version = useDocVersion(replica);
  const draftVersion = useDocVersion(draft.replica);
  const params = Object.keys(entry.values);
  const [selection, clearSelection] = useFieldSelection(params);
  const [composing, setComposing] = useState<Anchor | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const titleParam = draft.opened.profile.titleParam;
  const candidate: EntryCandidate = {
    title: wikitextToPlainText(entry.values[titleParam] ?? ''),
    ordinal: entry.meta.identity?.ordinal ?? null,
    draftId: entry.id,
  };
  const entries = useMemo(
    () => pageEntrySources({ wikitext: opened.wikitext, extensionTags: opened.extensionTags }, opened),
    [opened],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: the versions stand for both documents' changes
  const placed = useMemo(() => {
    const { threads } = pageThreads(replica.doc, opened.wikitext, entries);
    const fields = entriesMap(draft.replica.doc).get(entry.id);
    return (
      placeThreads(threads, [candidate], (_, scope) => {
        if (scope.kind !== 'field') return null;
        const value = fields?.get(scope.param);
        if (value instanceof Y.Text) return { text: value.toString(), ytext: value };
        return typeof value === 'string' ? { text: value } : null;
      }).byEntry.get(0) ?? []
    ).filter((item) => item.thread.anchor.target.scope.kind === 'field');
  }, [version, draftVersion, entries, candidate.title, candidate.ordinal, entry.id]);
  const collaborators = useMemo(() => {
    const people = new Map<string, Person>([[opened.me.id, opened.me]]);
    for (const { thread } of placed)
      for (const message of thread.messages)
        if (!message.fromWiki) people.set(message.author.id, message.author);
    return [...people.values()];
  }, [placed, opened.me]);
  const context: ThreadContext = {
    doc: replica.doc,
    me: opened.me,
    collaborators,
    readOnly: opened.readOnly,
    wikiUser: null,
  };

  const startComment = () => {
    if (!selection) return;
    const anchor = anchorFor(draft, entry, candidate, selection);
    setProblem(typeof anchor === 'string' ? anchor : null);
    if (typeof anchor !== 'string') setComposing(anchor);
  };
  return (
    <section aria-label="Comments on this draft" className="draft-comments">
      <h2>Comments</h2>
      {selection && !composing && context.readOnly === null ? (
        <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={startComment}>
          Comment
        </button>
      ) : null}
      {problem ? (
        <p role="alert" className="error">
          {problem}
        </p>
      ) : null}
      {composing ? (
        <div className="new-comment">
          <p>
            Comment on: <mark>{composing.quote.exact}</mark>
          </p>
          <TextForm
            label="Comment text"
            submit="Post comment"
            onCancel={() => setComposing(null)}
            onSubmit={(text) => {
              const result = createThread(replica.doc, {
                anchor: composing,
                text,
                author: opened.me,
                at: new Date().toISOString(),
                collaborators,
              });
              setProblem(result.ok ? null : result.message);
              if (result.ok) {
                setComposing(null);
                clearSelection();
              }
              return result.ok;
            }}
          />
        </div>
      ) : null}
      {placed.length === 0 ? <p className="hint">No comments on this draft’s fields.</p> : null}
      {placed.map((item) => (
        <ThreadView key={item.thread.id} placed={item} context={context} />
      ))}
    </section>
  );
}

/** The anchor for a field selection (live in a Y.Text field), or why there is none. */
function anchorFor(
  draft: DraftSession,
  entry: DraftEntry,
  candidate: EntryCandidate,
  selection: FieldSelection,
): Anchor | string {
  const value = entriesMap(draft.replica.doc).get(entry.id)?.get(selection.param);
  const text =
    value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : selection.value;
  const problem = selectionProblem(text, selection.start, selection.end);
  if (problem) return problem;
  const target: AnchorTarget = {
    entry: { title: candidate.title, ordinal: candidate.ordinal, draftId: entry.id },
    scope: { kind: 'field', param: selection.param },
  };
  return value instanceof Y.Text
    ? createLiveAnchor(target, value, selection.start, selection.end)
    : createAnchor(target, text, selection.start, selection.end);
}
