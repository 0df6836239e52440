import { useEffect, useMemo, useState } from 'react';
import {
  profileForDraftWiki,
  type ValidationState,
  validationStates,
} from '../../lib/dashboard/validation-state';
import { buildTimeWikis } from '../../lib/settings/build-wikis';
import { loadWikis } from '../../lib/settings/wiki-store';
import { effectiveWikis, type WikiSettings } from '../../lib/settings/wikis';
import type { DraftRecord } from '../../lib/store/records';
import { type DashboardApi, reasonOf } from './dashboard-api';

/**
 * Each listed draft's validation. The values live in the drafts' documents, which the background owns,
 * so they are asked for (one request for every listed document); checking them is local and cheap.
 * Asked again whenever a listed record changes (its time moves while someone types in a panel).
 */
export function useValidation(
  records: readonly DraftRecord[],
  api: DashboardApi,
): Map<string, ValidationState> {
  const [wikis, setWikis] = useState<WikiSettings[] | null>(null);
  const [states, setStates] = useState<Map<string, ValidationState>>(new Map());
  const key = records.map((record) => `${record.id}@${record.updatedAt}`).join('\n');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the records' content.
  const listed = useMemo(() => [...records], [key]);

  useEffect(() => {
    loadWikis()
      .then((stored) => setWikis(effectiveWikis(stored, buildTimeWikis())))
      .catch(() => setWikis([]));
  }, []);

  useEffect(() => {
    if (wikis === null || listed.length === 0) return;
    let current = true;
    const docNames = [...new Set(listed.map((record) => record.docName))];
    api
      .values(docNames)
      .then((docs) => {
        if (current) setStates(validationStates(listed, docs, (wiki) => profileForDraftWiki(wikis, wiki)));
      })
      .catch((error: unknown) => {
        if (!current) return;
        const reason = `the background did not answer (${reasonOf(error)})`;
        setStates(new Map(listed.map((record) => [record.id, { kind: 'unchecked', reason }])));
      });
    return () => {
      current = false;
    };
  }, [listed, wikis, api]);

  return states;
}
