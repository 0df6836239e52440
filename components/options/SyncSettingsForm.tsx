import { type FormEvent, useEffect, useId, useState } from 'react';
import {
  DEFAULT_SYNC_SETTINGS,
  describeToken,
  readToken,
  type SettingsProblem,
  type SyncSettings,
  testConnection,
  validateSyncSettings,
} from '../../lib/settings/sync-settings';
import { loadSyncSettings, saveSyncSettings } from '../../lib/settings/sync-store';

type Field = keyof SyncSettings;
type Message = { text: string; ok: boolean };

/** One labelled text box of the sync form, with its problem (if any) as its description. */
function TextField(props: {
  label: string;
  value: string;
  problem: string | undefined;
  hint?: string | undefined;
  inputMode?: 'url' | 'text';
  onChange: (value: string) => void;
}) {
  const id = useId();
  const describedBy = [props.problem ? `${id}-problem` : null, props.hint ? `${id}-hint` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="setting">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        spellCheck={false}
        inputMode={props.inputMode ?? 'text'}
        value={props.value}
        aria-invalid={props.problem ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {props.hint ? (
        <p id={`${id}-hint`} className="hint">
          {props.hint}
        </p>
      ) : null}
      {props.problem ? (
        <p id={`${id}-problem`} className="error">
          {props.problem}
        </p>
      ) : null}
    </div>
  );
}

const problemOf = (problems: readonly SettingsProblem[], field: Field) =>
  problems
    .filter((problem) => problem.field === field)
    .map((problem) => problem.message)
    .join(' ') || undefined;

/** What the token box holds, in words: whose token, which role and space, until when. */
function tokenHint(token: string): string | undefined {
  if (token.trim() === '') return undefined;
  const reading = readToken(token);
  return reading.ok ? describeToken(reading.info) : undefined;
}

/**
 * The sync options (DESIGN §6): `Sync server`, `Access token`, `Display name`, `Colour`, with `Save` and
 * `Test connection`. Each problem is said under its field; what saving or testing found, in a status.
 */
export function SyncSettingsForm() {
  const colourId = useId();
  const [values, setValues] = useState<SyncSettings>(DEFAULT_SYNC_SETTINGS);
  const [problems, setProblems] = useState<SettingsProblem[]>([]);
  const [saved, setSaved] = useState<Message | null>(null);
  const [tested, setTested] = useState<Message | null>(null);
  const [testing, setTesting] = useState(false);

  useEffect(() => {
    loadSyncSettings()
      .then(setValues)
      .catch((reason: unknown) =>
        setSaved({ text: `Could not read the settings: ${String(reason)}`, ok: false }),
      );
  }, []);

  const set = (field: Field) => (value: string) => setValues((previous) => ({ ...previous, [field]: value }));

  const check = () => {
    const checked = validateSyncSettings(values);
    setProblems(checked.ok ? [] : checked.problems);
    return checked;
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    const checked = check();
    if (!checked.ok) {
      setSaved({ text: 'Not saved: correct the fields marked above.', ok: false });
      return;
    }
    await saveSyncSettings(checked.settings);
    const where = checked.settings.serverUrl
      ? `Syncing with ${checked.settings.serverUrl}.`
      : 'Drafts stay on this device.';
    setSaved({ text: ['Saved.', where, ...checked.warnings].join(' '), ok: true });
  }

  async function test() {
    const checked = check();
    if (!checked.ok) {
      setTested({ text: checked.problems.map((problem) => problem.message).join(' '), ok: false });
      return;
    }
    setTesting(true);
    setTested({ text: 'Testing the connection…', ok: true });
    const result = await testConnection(checked.settings);
    setTesting(false);
    setTested({ text: result.message, ok: result.ok });
  }

  return (
    <form onSubmit={save} aria-labelledby="sync-heading" noValidate>
      <TextField
        label="Sync server"
        inputMode="url"
        value={values.serverUrl}
        problem={problemOf(problems, 'serverUrl')}
        hint="e.g. wss://sync.example.org; leave empty to keep drafts on this device only."
        onChange={set('serverUrl')}
      />
      <TextField
        label="Access token"
        value={values.token}
        problem={problemOf(problems, 'token')}
        hint={tokenHint(values.token)}
        onChange={set('token')}
      />
      <TextField
        label="Display name"
        value={values.displayName}
        problem={problemOf(problems, 'displayName')}
        hint="Shown to collaborators; the name in your token when empty."
        onChange={set('displayName')}
      />
      <div className="setting">
        <label htmlFor={colourId}>Colour</label>
        <input
          id={colourId}
          type="color"
          value={values.colour}
          onChange={(event) => set('colour')(event.target.value)}
        />
      </div>
      <button type="submit">Save</button>
      <button type="button" className="secondary" onClick={test} disabled={testing}>
        Test connection
      </button>
      {saved ? (
        <p role="alert" className={saved.ok ? 'ok' : 'error'}>
          {saved.text}
        </p>
      ) : null}
      <p role="status" className={tested?.ok === false ? 'error' : 'ok'}>
        {tested?.text ?? ''}
      </p>
    </form>
  );
}
