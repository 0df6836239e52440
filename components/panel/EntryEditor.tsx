import { useEffect, useMemo, useRef, useState } from 'react';
import type { DraftEntry } from '../../lib/collab/draft-entry';
import { setField } from '../../lib/collab/set-field';
import { fieldForParam } from '../../lib/model/profile';
import { validateEntry } from '../../lib/model/validation';
import { fieldDomId, problemsByField } from '../../lib/panel/field-problems';
import { draftFormName } from '../../lib/panel/panel-link';
import { PublishLauncher } from '../publish/PublishLauncher';
import { DraftNotes } from './DraftNotes';
import { EntryFields, shownParams } from './EntryFields';
import { FieldSourceContext, fieldSourceOf } from './field-source';
import { LostOverwrites } from './LostOverwrites';
import { FieldPresenceContext, PresenceList, peersByField } from './PresenceList';
import { PreviewTab } from './PreviewTab';
import { READ_ONLY_NOTE, ReadOnlyNote } from './ReadOnlyNote';
import { FieldsReadOnlyContext } from './read-only';
import { SyncStatus } from './SyncStatus';
import { Tabs, tabId, tabPanelId } from './Tabs';
import type { DraftSession } from './use-draft-session';
import { useEntrySync } from './use-entry-sync';
import { ValidationSummary } from './ValidationSummary';

const TABS = [
  { id: 'edit', label: 'Edit' },
  { id: 'preview', label: 'Preview' },
];

interface EntryEditorProps {
  session: DraftSession;
  entry: DraftEntry;
  onClose: () => void;
  /** Called once, when the form is shown and its first field has focus. */
  onReady: () => void;
  closeProblem: string | null;
}

/** The form named `Project draft: <title>` (DESIGN §6), over the replica of the page's document. */
export function EntryEditor({ session, entry, onClose, onReady, closeProblem }: EntryEditorProps) {
  const { link, opened, replica } = session;
  const { profile, entryId } = opened;
  const sync = useEntrySync(replica, entryId);
  const { lost, dismiss } = sync.lost;
  const [tab, setTab] = useState('edit');
  const problems = useMemo(() => validateEntry(profile, entry.values), [profile, entry.values]);
  const arranged = problemsByField(profile, problems);
  const params = shownParams(profile, entry);
  const change = (param: string, value: string) => {
    if (!sync.readOnly) setField(replica.doc, entryId, param, value, profile);
  };
  const formName = draftFormName(link.target);
  const fieldSource = useMemo(() => fieldSourceOf(replica.doc, entryId), [replica, entryId]);
  const publishTarget = useMemo(
    () => ({ link, docName: opened.docName, entryIds: [entryId], replica }),
    [link, opened.docName, entryId, replica],
  );

  const firstParam = params[0] ?? '';
  const shown = useRef(false);
  useEffect(() => {
    // Once, when the form first shows: focus its first field and tell the page adapter.
    if (shown.current) return;
    shown.current = true;
    document.getElementById(fieldDomId(firstParam))?.focus();
    onReady();
  }, [firstParam, onReady]);

  const shownParam = (field: string) => {
    const known = fieldForParam(profile, field);
    return params.find((param) => fieldForParam(profile, param) === known && known) ?? field;
  };
  return (
    <form
      aria-label={formName}
      onSubmit={(event) => event.preventDefault()}
      onFocus={sync.onFocus}
      onBlur={sync.onBlur}
    >
      <header className="panel-header">
        <h1>{formName}</h1>
        <button type="button" className="secondary" onClick={onClose}>
          Close editor
        </button>
      </header>
      <SyncStatus status={sync.status} />
      {sync.readOnly ? <ReadOnlyNote /> : <PublishLauncher target={publishTarget} />}
      <PresenceList peers={sync.peers} entryId={entryId} profile={profile} />
      {closeProblem ? (
        <p role="alert" className="error">
          {closeProblem}
        </p>
      ) : null}
      <DraftNotes opened={opened} />
      <LostOverwrites
        profile={profile}
        lost={lost}
        onRestore={(item) => {
          change(item.param, item.ours);
          dismiss(item);
        }}
        onDismiss={dismiss}
      />
      <ValidationSummary
        profile={profile}
        problems={problems}
        errors={arranged.errors}
        warnings={arranged.warnings}
        shownParam={shownParam}
      />
      <Tabs tabs={TABS} selected={tab} onSelect={setTab} />
      <div role="tabpanel" id={tabPanelId('edit')} aria-labelledby={tabId('edit')} hidden={tab !== 'edit'}>
        <FieldSourceContext.Provider value={fieldSource}>
          <FieldPresenceContext.Provider value={peersByField(sync.peers, entryId)}>
            <FieldsReadOnlyContext.Provider value={sync.readOnly}>
              <fieldset
                className="entry-fields"
                aria-describedby={sync.readOnly ? READ_ONLY_NOTE : undefined}
              >
                <EntryFields profile={profile} entry={entry} problems={arranged} onChange={change} />
              </fieldset>
            </FieldsReadOnlyContext.Provider>
          </FieldPresenceContext.Provider>
        </FieldSourceContext.Provider>
      </div>
      <div
        role="tabpanel"
        id={tabPanelId('preview')}
        aria-labelledby={tabId('preview')}
        hidden={tab !== 'preview'}
      >
        <PreviewTab link={link} profile={profile} entry={entry} active={tab === 'preview'} />
      </div>
    </form>
  );
}
