import { describe, expect, it } from 'vitest';
import {
  discardMessage,
  displayTitle,
  exportFileName,
  importMessage,
  wikiLabel,
} from '../../../lib/dashboard/format';
import {
  describeValidation,
  profileForDraftWiki,
  validationStates,
} from '../../../lib/dashboard/validation-state';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import type { WikiSettings } from '../../../lib/settings/wikis';
import { draftsFile } from './drafts-file';

const SEED = { wiki: 'https://wiki.xenproject.org', page: 'GSoC 2014', baseRevision: 1234 };
const XEN_WIKI: WikiSettings = { origin: SEED.wiki, template: 'Project', profile: null, addedAt: 'build' };

describe('validation state of listed drafts', () => {
  const file = draftsFile([
    { page: SEED, entries: [{ ordinal: 2 }, { ordinal: 4, edits: { Project: '' } }] },
  ]);
  const [complete, untitled] = file.drafts;
  const values = (entryId: string, edits: Record<string, string> = {}) => ({ entryId, values: edits });

  it('checks each draft with its wiki’s profile and counts errors and warnings', () => {
    const states = validationStates(
      file.drafts,
      [
        {
          docName: complete!.docName,
          entries: [
            values(complete!.entryId, { Project: 'Lazy restore', Desc: 'Long enough description.' }),
            values(untitled!.entryId, { Project: '' }),
          ],
          problems: [],
        },
      ],
      (wiki) => profileForDraftWiki([XEN_WIKI], wiki),
    );
    const empty = states.get(untitled!.id);
    expect(empty?.kind).toBe('checked');
    if (empty?.kind === 'checked') expect(empty.errors).toBeGreaterThan(0);
    expect(describeValidation(empty)).toMatch(/^\d+ errors?/);
  });

  it('says why a draft was not checked instead of guessing', () => {
    const states = validationStates(
      file.drafts,
      [
        {
          docName: complete!.docName,
          entries: [],
          problems: [{ entryId: untitled!.entryId, reason: 'no meta map' }],
        },
      ],
      () => null,
    );
    expect(describeValidation(states.get(untitled!.id))).toBe('Not checked: unreadable: no meta map');
    expect(describeValidation(states.get(complete!.id))).toBe('Not checked: its values were not read');
    const unknownWiki = validationStates(
      [complete!],
      [{ docName: complete!.docName, entries: [values(complete!.entryId)], problems: [] }],
      (wiki) => profileForDraftWiki([], wiki),
    );
    expect(describeValidation(unknownWiki.get(complete!.id))).toBe('Not checked: its wiki is not enabled');
    expect(describeValidation(undefined)).toBe('Checking…');
  });

  it('finds the profile of an enabled wiki by origin', () => {
    expect(profileForDraftWiki([XEN_WIKI], 'https://wiki.xenproject.org/')).toBe(XEN_PROFILE);
    expect(profileForDraftWiki([XEN_WIKI], 'https://wiki.example.org')).toBeNull();
    expect(profileForDraftWiki([XEN_WIKI], 'not a url')).toBeNull();
  });

  it('words the counts', () => {
    expect(describeValidation({ kind: 'checked', errors: 0, warnings: 0 })).toBe('No problems');
    expect(describeValidation({ kind: 'checked', errors: 1, warnings: 2 })).toBe('1 error, 2 warnings');
    expect(describeValidation({ kind: 'checked', errors: 0, warnings: 1 })).toBe('1 warning');
  });
});

describe('dashboard wording', () => {
  it('names export files by time, without characters file systems refuse', () => {
    expect(exportFileName(new Date('2025-02-01T10:00:00.123Z'))).toBe(
      'project-desk-drafts-2025-02-01T10-00-00Z.json',
    );
  });

  it('says what was discarded and imported', () => {
    expect(discardMessage(['Lazy restore'])).toBe('Discarded “Lazy restore”.');
    expect(discardMessage([''])).toBe('Discarded “(untitled)”.');
    expect(discardMessage(['a', 'b', 'c'])).toBe('Discarded 3 drafts.');
    expect(importMessage({ drafts: 1, docs: 1, revived: 0 })).toBe('Imported 1 draft from 1 page.');
    expect(importMessage({ drafts: 3, docs: 2, revived: 1 })).toBe(
      'Imported 3 drafts from 2 pages. 1 discarded draft was brought back.',
    );
    expect(displayTitle('  ')).toBe('(untitled)');
    expect(wikiLabel('http://127.0.0.1:8080')).toBe('127.0.0.1:8080');
  });
});
