import { type KeyboardEvent, useEffect, useId, useRef } from 'react';
import type { WikiSession } from '../../lib/panel/publish-protocol';
import { ConflictGroup } from './ConflictGroup';
import { DiffView } from './DiffView';
import { PlanNotes } from './PlanNotes';
import { PlanProblems } from './PlanProblems';
import { PublishPreview } from './PublishPreview';
import { isWaiting, statusText } from './publish-status';
import { type PublishTarget, usePublish } from './use-publish';
import './publish.css';

function LoginNotice({ session, stillAnonymous }: { session: WikiSession; stillAnonymous: boolean }) {
  if (!stillAnonymous) return null;
  return (
    <p role="alert" className="error">
      You are not logged in to the wiki, so this cannot be published yet. Your draft stays here.{' '}
      <a href={session.loginUrl} target="_top">
        Log in
      </a>
    </p>
  );
}

/**
 * The dialog named `Publish to wiki` (DESIGN §6): the diff, the preview, conflicts to decide, errors
 * and warnings, the edit summary and `Publish`; its status says `Published` once the wiki saved and the
 * check after saving passed. Esc closes it (and only it); focus goes to its title when it opens.
 */
export function PublishDialog({ target, onClose }: { target: PublishTarget; onClose: () => void }) {
  const titleId = useId();
  const summaryId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const state = usePublish(target);
  const { prepared, plan, run, online } = state;
  useEffect(() => heading.current?.focus(), []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // Handled here: the panel's own Esc (closing the editor) sees it prevented.
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };
  const published = run.kind === 'ended' && run.result.kind === 'published';
  const notLoggedIn =
    (run.kind === 'ended' && run.result.kind === 'not-logged-in') ||
    (run.kind !== 'ended' && prepared?.session.state === 'anonymous');
  const waiting = isWaiting(run) || (run.kind === 'idle' && (prepared?.unfinished.length ?? 0) > 0);
  const canPublish =
    plan?.publishable === true && run.kind !== 'publishing' && !published && !waiting && !notLoggedIn;
  return (
    <div role="dialog" aria-labelledby={titleId} className="publish-dialog" onKeyDown={onKeyDown}>
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        Publish to wiki
      </h2>
      {state.prepareProblem ? (
        <p role="alert" className="error">
          The publish could not be prepared: {state.prepareProblem}
        </p>
      ) : null}
      {!prepared && !state.prepareProblem ? (
        <p className="hint">Comparing your draft with the wiki…</p>
      ) : null}
      {prepared ? (
        <LoginNotice
          session={
            run.kind === 'ended' && run.result.kind === 'not-logged-in'
              ? { ...prepared.session, loginUrl: run.result.loginUrl }
              : prepared.session
          }
          stillAnonymous={notLoggedIn}
        />
      ) : null}
      {prepared && run.kind === 'idle'
        ? prepared.unfinished.map((item) => (
            <p key={item.publishId} role="note">
              An earlier publish of this draft did not finish: {item.message}
            </p>
          ))
        : null}
      {prepared?.reason ? <p role="note">{prepared.reason}</p> : null}
      {plan ? (
        <>
          <PlanNotes plan={plan} />
          {plan.conflicts.length > 0 ? (
            <section aria-label="Conflicts" className="conflicts">
              <h3>Changed on the wiki too: choose which to keep</h3>
              {plan.conflicts.map((conflict) => (
                <ConflictGroup
                  key={conflict.id}
                  conflict={conflict}
                  onChoose={(pick) => state.choose(conflict.id, pick)}
                />
              ))}
            </section>
          ) : null}
          <PlanProblems problems={plan.problems} />
          <h3>Changes</h3>
          <DiffView diff={plan.diff} />
          <PublishPreview link={target.link} plan={plan} />
          <label htmlFor={summaryId}>Edit summary</label>
          <input
            id={summaryId}
            type="text"
            maxLength={500}
            value={state.summary}
            onChange={(event) => state.setSummary(event.target.value)}
          />
          {!plan.publishable && plan.blockers.length > 0 ? (
            <p className="hint">Not yet: {plan.blockers.join(' ')}</p>
          ) : null}
        </>
      ) : null}
      <div className="dialog-buttons">
        {plan ? (
          <button type="button" disabled={!canPublish} onClick={state.publish}>
            Publish
          </button>
        ) : null}
        {waiting ? (
          <button type="button" disabled={!online || run.kind === 'publishing'} onClick={state.resume}>
            Publish now
          </button>
        ) : null}
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <p role="status" className={published ? 'ok' : ''}>
        {statusText(run, online)}
      </p>
    </div>
  );
}
