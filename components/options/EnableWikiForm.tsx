import { type FormEvent, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { WikiOriginSchema } from '../../lib/model/build-wikis';
import { saveWiki } from '../../lib/settings/wiki-store';
import { originPattern } from '../../lib/settings/wikis';

/** `Wiki address` + `Enable wiki`: asks the browser for that one host's permission, then remembers it. */
export function EnableWikiForm({ onEnabled }: { onEnabled: () => void }) {
  const inputId = useId();
  const [address, setAddress] = useState('');
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);

  async function enable(event: FormEvent) {
    event.preventDefault();
    const origin = WikiOriginSchema.safeParse(address);
    if (!origin.success) {
      setMessage({ text: origin.error.issues[0]?.message ?? 'That is not a web address.', ok: false });
      return;
    }
    const pattern = originPattern(origin.data, import.meta.env.FIREFOX ? 'firefox' : 'chrome');
    // Must run inside the click: browsers only ask for permissions during a user gesture.
    const granted = await browser.permissions.request({ origins: [pattern] });
    if (!granted) {
      setMessage({ text: `Permission for ${origin.data} was not granted, so it stays off.`, ok: false });
      return;
    }
    await saveWiki({
      origin: origin.data,
      template: 'Project',
      profile: null,
      addedAt: new Date().toISOString(),
    });
    setMessage({ text: `Enabled ${origin.data}. Reload its pages to see Project Desk.`, ok: true });
    setAddress('');
    onEnabled();
  }

  return (
    <form onSubmit={enable}>
      <label htmlFor={inputId}>Wiki address</label>
      <input
        id={inputId}
        type="text"
        inputMode="url"
        placeholder="https://wiki.xenproject.org"
        value={address}
        onChange={(event) => setAddress(event.target.value)}
      />
      <button type="submit">Enable wiki</button>
      {message && (
        <p role="alert" className={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
