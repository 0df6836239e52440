import { useCallback, useEffect, useState } from 'react';
import { buildTimeWikis } from '../../lib/settings/build-wikis';
import { loadWikis } from '../../lib/settings/wiki-store';
import { effectiveWikis, type WikiSettings } from '../../lib/settings/wikis';

/** The wikis as the options page shows them: stored ones and the build's pre-enabled ones. */
export function useWikis() {
  const [list, setList] = useState<WikiSettings[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    loadWikis()
      .then((stored) => {
        setList(effectiveWikis(stored, buildTimeWikis()));
        setError(null);
      })
      .catch((reason: unknown) => setError(`Could not read the settings: ${String(reason)}`));
  }, []);
  useEffect(reload, [reload]);
  return { list, error, reload };
}
