import { useEffect, useRef } from 'react';
import { STATUS_LABELS } from '../../lib/dashboard/draft-list';
import { displayTitle, wikiLabel } from '../../lib/dashboard/format';
import { draftPageUrl } from '../../lib/dashboard/page-link';
import { describeValidation, type ValidationState } from '../../lib/dashboard/validation-state';
import type { DraftRecord } from '../../lib/store/records';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export interface DraftTableProps {
  drafts: DraftRecord[];
  validation: Map<string, ValidationState>;
  /** The draft whose action button should take focus when it (re)appears, after an undo. */
  focusId: string | null;
  onFocused: () => void;
  onDiscard: (draft: DraftRecord) => void;
  onRestore: (draft: DraftRecord) => void;
}

export function DraftTable(props: DraftTableProps) {
  return (
    <table className="drafts">
      <caption className="visually-hidden">Drafts, most recently updated first</caption>
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Wiki</th>
          <th scope="col">Page</th>
          <th scope="col">Status</th>
          <th scope="col">Updated</th>
          <th scope="col">Checks</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.drafts.map((draft) => (
          <DraftRow key={draft.id} draft={draft} {...props} />
        ))}
      </tbody>
    </table>
  );
}

function DraftRow({
  draft,
  validation,
  focusId,
  onFocused,
  onDiscard,
  onRestore,
}: DraftTableProps & { draft: DraftRecord }) {
  const action = useRef<HTMLButtonElement>(null);
  const title = displayTitle(draft.title);
  const check = validation.get(draft.id);
  const updated = new Date(draft.updatedAt);

  useEffect(() => {
    if (focusId !== draft.id || !action.current) return;
    action.current.focus();
    onFocused();
  }, [focusId, draft.id, onFocused]);

  return (
    <tr data-draft-id={draft.id}>
      <th scope="row">
        <a href={draftPageUrl(draft)} target="_blank" rel="noreferrer">
          {title}
        </a>
        {draft.isNew && <span className="hint"> (new entry{sectionOf(draft)})</span>}
      </th>
      <td>{wikiLabel(draft.wiki)}</td>
      <td>{draft.page}</td>
      <td>
        <span className={`badge status-${draft.status}`}>{STATUS_LABELS[draft.status]}</span>
      </td>
      <td>
        <time dateTime={updated.toISOString()}>{timeFormat.format(updated)}</time>
      </td>
      <td className={check?.kind === 'checked' && check.errors > 0 ? 'error' : undefined}>
        {describeValidation(check)}
      </td>
      <td>
        {draft.status === 'discarded' ? (
          <button
            ref={action}
            type="button"
            className="secondary"
            aria-label={`Restore ${title}`}
            onClick={() => onRestore(draft)}
          >
            Restore
          </button>
        ) : (
          <button
            ref={action}
            type="button"
            className="secondary"
            aria-label={`Discard ${title}`}
            onClick={() => onDiscard(draft)}
          >
            Discard
          </button>
        )}
      </td>
    </tr>
  );
}

const sectionOf = (draft: DraftRecord): string =>
  draft.section.length > 0 ? ` in ${draft.section[draft.section.length - 1]}` : '';
