import { useCallback, useId, useMemo, useRef, useState } from 'react';
import {
  STATUS_FILTERS,
  type StatusFilter,
  StatusFilterSchema,
  selectDrafts,
} from '../../lib/dashboard/draft-list';
import { discardMessage, displayTitle, exportFileName, importMessage } from '../../lib/dashboard/format';
import { offerUndo, type UndoOffer, withoutOffer } from '../../lib/dashboard/undo-queue';
import type { ProjectDeskDb } from '../../lib/store/database';
import type { DraftRecord } from '../../lib/store/records';
import { CommentsInbox } from './CommentsInbox';
import { DamagedRecords } from './DamagedRecords';
import { DraftTable } from './DraftTable';
import { type DashboardApi, reasonOf } from './dashboard-api';
import { TransferControls } from './TransferControls';
import { type Notice, UndoNotices } from './UndoNotices';
import { useDrafts } from './use-drafts';
import { useUndoQueue } from './use-undo-queue';
import { useValidation } from './use-validation';

/** Saves a file through the browser's download (an object URL on a link, clicked). */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has its own copy once it started; a minute is far more than it needs.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Every draft across wikis and pages: find, open on its page, discard (with undo), export, import. */
export function DashboardApp({ db, api }: { db: ProjectDeskDb; api: DashboardApi }) {
  const drafts = useDrafts(db);
  const validation = useValidation(drafts.records, api);
  const noticesRef = useRef<HTMLDivElement>(null);
  const [queue, setQueue] = useUndoQueue(drafts.records, noticesRef);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StatusFilter>('open');
  const [alert, setAlert] = useState<string | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [focusId, setFocusId] = useState<string | null>(null);
  const busy = useRef(false);
  const searchId = useId();
  const statusId = useId();

  const shown = useMemo(
    () => selectDrafts(drafts.records, { query, status }),
    [drafts.records, query, status],
  );
  const clearFocusId = useCallback(() => setFocusId(null), []);

  /** Runs one action at a time; its failure is said in the alert, never swallowed. */
  async function act(action: () => Promise<void>): Promise<void> {
    if (busy.current) return;
    busy.current = true;
    setAlert(null);
    try {
      await action();
    } catch (error) {
      setAlert(reasonOf(error));
    } finally {
      busy.current = false;
      await drafts.reload();
    }
  }

  const noticeKey = useRef(0);
  const say = (text: string) =>
    setNotices((current) => [{ key: ++noticeKey.current, text }, ...current].slice(0, 3));

  const discard = (list: DraftRecord[]) =>
    act(async () => {
      const discarded = await api.discard(list.map((draft) => draft.id));
      const titles = new Map(list.map((draft) => [draft.id, draft.title]));
      const message = discardMessage(discarded.map((draft) => titles.get(draft.id) ?? ''));
      setQueue((current) => offerUndo(current, message, discarded, Date.now()));
    });

  const undo = (offer: UndoOffer) =>
    act(async () => {
      await api.restore(offer.drafts);
      setQueue((current) => withoutOffer(current, offer.key));
      setFocusId(offer.drafts[0]?.id ?? null);
    });

  const restore = (draft: DraftRecord) =>
    act(async () => {
      await api.restore([{ id: draft.id, status: 'draft', updatedAt: draft.updatedAt }]);
      say(`Restored “${displayTitle(draft.title)}”.`);
    });

  const exportAll = () =>
    act(async () => {
      const file = await api.exportFile();
      download(exportFileName(new Date(file.exportedAt)), `${JSON.stringify(file, null, 2)}\n`);
    });

  const importText = (text: string, name: string) =>
    act(async () => {
      const outcome = await api.importFile(text);
      if (!outcome.ok) setAlert(`Nothing was imported from ${name}. ${outcome.reason}`);
      else say(importMessage(outcome));
    });

  const discardable = shown.filter((draft) => draft.status !== 'discarded');

  return (
    <main className="dashboard">
      <header className="masthead">
        <h1>Project Desk drafts</h1>
        <p role="status" className="sync-state">
          {drafts.error ?? 'Saved on this device'}
        </p>
      </header>

      <search className="toolbar">
        <span>
          <label htmlFor={searchId}>Search drafts</label>
          <input
            id={searchId}
            type="search"
            value={query}
            placeholder="Title, wiki, page or section"
            onChange={(event) => setQuery(event.target.value)}
          />
        </span>
        <span>
          <label htmlFor={statusId}>Status</label>
          <select
            id={statusId}
            value={status}
            onChange={(event) => setStatus(StatusFilterSchema.catch('open').parse(event.target.value))}
          >
            {STATUS_FILTERS.map((filter) => (
              <option key={filter.value} value={filter.value}>
                {filter.label}
              </option>
            ))}
          </select>
        </span>
      </search>

      <div className="actions">
        <TransferControls onExport={exportAll} onImport={importText} />
        {discardable.length > 1 && (
          <button type="button" className="secondary" onClick={() => discard(discardable)}>
            Discard all shown ({discardable.length})
          </button>
        )}
      </div>

      {alert && (
        <p role="alert" className="error alert">
          {alert}
        </p>
      )}
      <UndoNotices
        containerRef={noticesRef}
        offers={queue.offers}
        notices={notices}
        onUndo={undo}
        onDismiss={(offer) => setQueue((current) => withoutOffer(current, offer.key))}
        onDismissNotice={(notice) => setNotices((current) => current.filter((item) => item !== notice))}
      />

      <DraftList
        loaded={drafts.loaded}
        total={drafts.records.length}
        shown={shown}
        table={
          <DraftTable
            drafts={shown}
            validation={validation}
            focusId={focusId}
            onFocused={clearFocusId}
            onDiscard={(draft) => discard([draft])}
            onRestore={restore}
          />
        }
      />
      <DamagedRecords records={drafts.damaged} />
      <CommentsInbox />
    </main>
  );
}

function DraftList({
  loaded,
  total,
  shown,
  table,
}: {
  loaded: boolean;
  total: number;
  shown: DraftRecord[];
  table: React.ReactNode;
}) {
  if (!loaded) return <p className="hint">Reading the drafts…</p>;
  if (total === 0)
    return (
      <div className="empty">
        <p>No drafts yet.</p>
        <p className="hint">
          Open a wiki page with project entries and choose “Edit project”, or import a drafts file.
        </p>
      </div>
    );
  if (shown.length === 0) return <p className="empty">No drafts match this search and status.</p>;
  return (
    <>
      <p className="hint">
        {shown.length === total ? countDrafts(total) : `${shown.length} of ${countDrafts(total)}`}
      </p>
      {table}
    </>
  );
}

const countDrafts = (n: number): string => `${n} ${n === 1 ? 'draft' : 'drafts'}`;
