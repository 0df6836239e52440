import type { OpenDraftResult } from '../../lib/panel/protocol';

/** Where this draft comes from: restored from this device, and whether the wiki page moved on since. */
export function DraftNotes({ opened }: { opened: OpenDraftResult }) {
  const behind = opened.baseRevision < opened.pageRevision;
  return (
    <>
      {opened.restored ? <p className="hint">Restored your draft from this device.</p> : null}
      {behind ? (
        <p role="note" className="behind">
          The wiki page has changed since this draft was started (revision {opened.baseRevision}, now{' '}
          {opened.pageRevision}). Your draft is kept as it is; publishing will merge it with the wiki’s
          changes.
        </p>
      ) : null}
    </>
  );
}
