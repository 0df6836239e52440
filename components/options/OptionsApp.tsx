import { EnableWikiForm } from './EnableWikiForm';
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
    </main>
  );
}
