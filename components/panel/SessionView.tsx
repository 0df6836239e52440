import { useCallback } from 'react';
import { DraftComments } from '../comments/DraftComments';
import { EntryEditor } from './EntryEditor';
import { postToFrameHost } from './frame-messenger';
import { useDraftEntry } from './use-draft-entry';
import type { DraftSession } from './use-draft-session';

/** An open draft session: its entry's form, or why the entry cannot be shown. */
export function SessionView({
  session,
  onClose,
  closeProblem,
}: {
  session: DraftSession;
  onClose: () => void;
  closeProblem: string | null;
}) {
  const read = useDraftEntry(session.replica.doc, session.opened.entryId);
  const onReady = useCallback(() => postToFrameHost(session.link.wiki, { type: 'ready' }), [session]);
  if (!read.ok)
    return (
      <p role="alert" className="error">
        This draft cannot be shown: {read.reason}
      </p>
    );
  return (
    <>
      <EntryEditor
        session={session}
        entry={read.entry}
        onClose={onClose}
        onReady={onReady}
        closeProblem={closeProblem}
      />
      <DraftComments session={session} entry={read.entry} />
    </>
  );
}
