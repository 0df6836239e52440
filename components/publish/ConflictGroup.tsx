import type { Conflict, ConflictPick } from '../../lib/publish/plan-schema';

const shown = (value: string | null) => (value === null ? '(no entry)' : value === '' ? '(empty)' : value);

/** One conflict (DESIGN §6): a group named after the field's label, both values, and the two choices. */
export function ConflictGroup({
  conflict,
  onChoose,
}: {
  conflict: Conflict;
  onChoose: (pick: ConflictPick) => void;
}) {
  const id = `conflict-${conflict.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <fieldset aria-describedby={`${id}-message`} className="conflict">
      <legend>{conflict.label}</legend>
      <p id={`${id}-message`} className="hint">
        {conflict.message}
      </p>
      <dl>
        <dt>Yours</dt>
        <dd>
          <pre>{shown(conflict.mine)}</pre>
        </dd>
        <dt>On the wiki</dt>
        <dd>
          <pre>{shown(conflict.theirs)}</pre>
        </dd>
      </dl>
      <div className="choices">
        <button
          type="button"
          className={conflict.choice === 'mine' ? '' : 'secondary'}
          aria-pressed={conflict.choice === 'mine'}
          onClick={() => onChoose('mine')}
        >
          Use mine
        </button>
        <button
          type="button"
          className={conflict.choice === 'theirs' ? '' : 'secondary'}
          aria-pressed={conflict.choice === 'theirs'}
          onClick={() => onChoose('theirs')}
        >
          Use the wiki's
        </button>
      </div>
    </fieldset>
  );
}
