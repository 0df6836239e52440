import { useCallback, useState } from 'react';
import type { PanelLink } from '../../lib/panel/panel-link';
import { whenSaved } from '../../lib/panel/when-saved';
import { postToFrameHost } from './frame-messenger';
import { SessionView } from './SessionView';
import { useDraftSession } from './use-draft-session';
import { useEscape } from './use-escape';
import { useFrameSize } from './use-frame-size';

/** How long closing waits for the last keystrokes to be stored before it says they are not. */
const CLOSE_WAIT_MS = 3000;

/** The editor panel: opens the link's draft, shows its form, closes only with everything stored. */
export function PanelApp({ link }: { link: PanelLink }) {
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const state = useDraftSession(link);
  const [closeProblem, setCloseProblem] = useState<string | null>(null);
  useFrameSize(link.wiki, root);
  const session = state.phase === 'ready' ? state.session : null;
  const close = useCallback(async () => {
    if (session && !(await whenSaved(session.replica, CLOSE_WAIT_MS))) {
      setCloseProblem(
        'Your latest changes are not stored yet (Project Desk’s background is not answering), so the editor stays open. Try again in a moment.',
      );
      return;
    }
    postToFrameHost(link.wiki, { type: 'close' });
  }, [session, link.wiki]);
  useEscape(close);
  return (
    <main ref={setRoot} className="panel">
      {state.phase === 'opening' ? <p role="status">Opening the draft…</p> : null}
      {state.phase === 'failed' ? (
        <>
          <p role="alert" className="error">
            The draft could not be opened: {state.reason}
          </p>
          <button type="button" className="secondary" onClick={close}>
            Close editor
          </button>
        </>
      ) : null}
      {session ? <SessionView session={session} onClose={close} closeProblem={closeProblem} /> : null}
    </main>
  );
}
