import { useId, useState } from 'react';
import { profileForTemplate } from '../../lib/settings/template-profile';
import { removeWiki, saveWiki } from '../../lib/settings/wiki-store';
import type { WikiSettings } from '../../lib/settings/wikis';

export function WikiList({
  wikis,
  error,
  onChange,
}: {
  wikis: WikiSettings[];
  error: string | null;
  onChange: () => void;
}) {
  if (error) return <p className="error">{error}</p>;
  if (wikis.length === 0) return <p className="hint">No wiki is enabled yet.</p>;
  return (
    <ul className="plain" aria-label="Enabled wikis">
      {wikis.map((wiki) => (
        <WikiItem key={wiki.origin} wiki={wiki} onChange={onChange} />
      ))}
    </ul>
  );
}

/** One enabled wiki: which template holds an entry there, and how to switch Project Desk off for it. */
function WikiItem({ wiki, onChange }: { wiki: WikiSettings; onChange: () => void }) {
  const templateId = useId();
  const [template, setTemplate] = useState(wiki.template);
  const [status, setStatus] = useState<{ text: string; ok: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  async function applyTemplate() {
    setBusy(true);
    setStatus({ text: `Reading the TemplateData of ${template}…`, ok: true });
    try {
      const profile = await profileForTemplate(wiki.origin, template, (input, init) => fetch(input, init));
      await saveWiki({ ...wiki, template, profile });
      const fields = profile
        ? `${profile.fields.length} fields from its TemplateData`
        : 'the built-in Xen profile';
      setStatus({ text: `Entries are {{${template}}} transclusions, with ${fields}.`, ok: true });
      onChange();
    } catch (reason) {
      setStatus({ text: reason instanceof Error ? reason.message : String(reason), ok: false });
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    await removeWiki(wiki.origin);
    onChange();
  }

  return (
    <li aria-label={wiki.origin}>
      <strong>{wiki.origin}</strong>
      {wiki.addedAt === 'build' && <span className="hint"> (enabled by this build)</span>}
      <label htmlFor={templateId}>Entry template</label>
      <input id={templateId} value={template} onChange={(event) => setTemplate(event.target.value)} />
      <button type="button" onClick={applyTemplate} disabled={busy || !template.trim()}>
        Use template
      </button>
      {wiki.addedAt !== 'build' && (
        <button type="button" className="secondary" onClick={remove}>
          Remove wiki
        </button>
      )}
      {status && (
        <p role="status" className={status.ok ? 'ok' : 'error'}>
          {status.text}
        </p>
      )}
    </li>
  );
}
