import { EnableWikiForm } from './EnableWikiForm';
import { SyncSettingsForm } from './SyncSettingsForm';
import { useWikis } from './use-wikis';
import { WikiList } from './WikiList';

export function OptionsApp() {
  const wikis = useWikis();
  return (
    <main>
      <h1>Project Desk options</h1>
      <p>
        <a href="/dashboard.html">Open the drafts dashboard</a>: every draft on every wiki, export and import.
      </p>
      <section aria-labelledby="wikis-heading">
        <h2 id="wikis-heading">Wikis</h2>
        <p className="hint">
          Project Desk works only on the wikis you enable here. Your browser asks you to allow each one.
        </p>
        <EnableWikiForm onEnabled={wikis.reload} />
        <WikiList wikis={wikis.list} error={wikis.error} onChange={wikis.reload} />
      </section>
      <section aria-labelledby="sync-heading">
        <h2 id="sync-heading">Sync</h2>
        <p className="hint">
          With a sync server, your drafts merge live with your collaborators’; without one they stay on this
          device. Your organisation gives you the server’s address and an access token.
        </p>
        <SyncSettingsForm />
      </section>
    </main>
  );
}
