import { liveQuery } from 'dexie';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ProjectDeskDb } from '../../lib/store/database';
import { DraftIndex } from '../../lib/store/draft-index';
import type { DraftRecord, QuarantineRecord } from '../../lib/store/records';

export interface DraftsState {
  records: DraftRecord[];
  /** Records set aside because they did not read back: listed with their reason, never hidden. */
  damaged: QuarantineRecord[];
  loaded: boolean;
  /** Why the database could not be read, if it could not. */
  error: string | null;
}

const initial: DraftsState = { records: [], damaged: [], loaded: false, error: null };

/**
 * The drafts index as the dashboard shows it, read straight from the extension's database (a
 * top-level extension page may; DESIGN §3) and read again whenever the drafts or quarantine tables
 * change, in this page or in the background (Dexie tells other contexts through a BroadcastChannel).
 * The change feed only says "something changed": reading goes through DraftIndex, which parses every
 * record and sets a damaged one aside, and a querier of liveQuery must not write.
 */
export function useDrafts(db: ProjectDeskDb): DraftsState & { reload: () => Promise<void> } {
  const index = useMemo(() => new DraftIndex(db), [db]);
  const [state, setState] = useState<DraftsState>(initial);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const call = ++latest.current;
    try {
      const { records } = await index.list();
      const damaged = await index.quarantined();
      if (call === latest.current) setState({ records, damaged, loaded: true, error: null });
    } catch (error) {
      if (call === latest.current)
        setState((previous) => ({
          ...previous,
          loaded: true,
          error: `Could not read the drafts: ${String(error)}`,
        }));
    }
  }, [index]);

  useEffect(() => {
    const changes = liveQuery(() => Promise.all([db.drafts.toArray(), db.quarantine.toArray()]));
    const subscription = changes.subscribe({
      next: () => void reload(),
      error: (error: unknown) =>
        setState((previous) => ({
          ...previous,
          loaded: true,
          error: `Could not read the drafts: ${String(error)}`,
        })),
    });
    return () => subscription.unsubscribe();
  }, [db, reload]);

  return { ...state, reload };
}
