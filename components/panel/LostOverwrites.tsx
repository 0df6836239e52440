import type { LostOverwrite } from '../../lib/collab/overwrite-watch';
import type { SiteProfile } from '../../lib/model/profile';
import { fieldForParam } from '../../lib/model/profile';

interface LostOverwritesProps {
  profile: SiteProfile;
  lost: readonly LostOverwrite[];
  onRestore: (lost: LostOverwrite) => void;
  onDismiss: (lost: LostOverwrite) => void;
}

/**
 * Values of ours that another window or collaborator replaced at the same moment (Yjs keeps one of two
 * concurrent writes of a short field by client id, not by time): said, with a way to put ours back.
 */
export function LostOverwrites({ profile, lost, onRestore, onDismiss }: LostOverwritesProps) {
  if (lost.length === 0) return null;
  return (
    <ul className="lost" role="alert">
      {lost.map((item) => {
        const label = fieldForParam(profile, item.param)?.label ?? item.param;
        return (
          <li key={`${item.param}:${item.ours}`}>
            {label} was changed elsewhere at the same time as you changed it, and the other value won: “
            {item.theirs}” instead of your “{item.ours}”.{' '}
            <button type="button" className="small" onClick={() => onRestore(item)}>
              Use mine
            </button>
            <button type="button" className="secondary small" onClick={() => onDismiss(item)}>
              Keep theirs
            </button>
          </li>
        );
      })}
    </ul>
  );
}
