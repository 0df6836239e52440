import { profileForWiki } from '../background/profiles';
import type { DraftValues } from '../messaging/dashboard-protocol';
import type { SiteProfile } from '../model/profile';
import { validateEntry } from '../model/validation';
import type { WikiSettings } from '../settings/wikis';
import type { DraftRecord } from '../store/records';

/**
 * Each listed draft's validation, as the editor panel would show it: errors (which will block
 * publishing) and warnings. A draft is checked with its wiki's profile; a draft of a wiki that is not
 * enabled (imported from elsewhere) is not checked, and says so, rather than checked by a guess.
 */
export type ValidationState =
  | { kind: 'checked'; errors: number; warnings: number }
  | { kind: 'unchecked'; reason: string };

export function profileForDraftWiki(wikis: readonly WikiSettings[], wiki: string): SiteProfile | null {
  let origin: string;
  try {
    origin = new URL(wiki).origin;
  } catch {
    return null;
  }
  const settings = wikis.find((item) => item.origin === origin);
  return settings ? profileForWiki(settings) : null;
}

export function validationStates(
  records: readonly DraftRecord[],
  docs: readonly DraftValues[],
  profileFor: (wiki: string) => SiteProfile | null,
): Map<string, ValidationState> {
  const byDoc = new Map(docs.map((doc) => [doc.docName, doc]));
  const states = new Map<string, ValidationState>();
  for (const record of records) {
    const doc = byDoc.get(record.docName);
    const entry = doc?.entries.find((item) => item.entryId === record.entryId);
    const problem = doc?.problems.find((item) => item.entryId === record.entryId);
    const profile = profileFor(record.wiki);
    if (problem) states.set(record.id, { kind: 'unchecked', reason: `unreadable: ${problem.reason}` });
    else if (!entry) states.set(record.id, { kind: 'unchecked', reason: 'its values were not read' });
    else if (!profile) states.set(record.id, { kind: 'unchecked', reason: 'its wiki is not enabled' });
    else {
      const problems = validateEntry(profile, entry.values);
      states.set(record.id, {
        kind: 'checked',
        errors: problems.filter((item) => item.severity === 'error').length,
        warnings: problems.filter((item) => item.severity === 'warning').length,
      });
    }
  }
  return states;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export function describeValidation(state: ValidationState | undefined): string {
  if (!state) return 'Checking…';
  if (state.kind === 'unchecked') return `Not checked: ${state.reason}`;
  if (state.errors === 0 && state.warnings === 0) return 'No problems';
  const parts = [];
  if (state.errors > 0) parts.push(plural(state.errors, 'error'));
  if (state.warnings > 0) parts.push(plural(state.warnings, 'warning'));
  return parts.join(', ');
}
