import * as Y from 'yjs';
import { fieldForParam, type SiteProfile } from '../model/profile';
import type { DraftStatus } from './draft-entry';
import { entriesMap, entryMetaMap, type FieldsMap } from './page-doc';
import { textChange } from './text-diff';

/** Edits of a draft document. Each runs in one transaction, so it leaves as one update. */

export class UnknownEntryError extends Error {}

function fieldsOf(doc: Y.Doc, entryId: string): FieldsMap {
  const fields = entriesMap(doc).get(entryId);
  if (!(fields instanceof Y.Map)) throw new UnknownEntryError(`No draft entry ${entryId} in this document.`);
  return fields;
}

/** Whether a parameter the entry does not hold yet is stored as Y.Text: the profile's kind decides. */
export function isLongField(profile: SiteProfile, param: string): boolean {
  return fieldForParam(profile, param)?.kind === 'wikitext';
}

/**
 * Sets a field to `value`. A Y.Text field receives the minimal edit (see textChange), a short field
 * the new string; an unchanged value writes nothing. The stored type of a present field is kept: the
 * seed chose it, and replacing a Y.Text would drop a collaborator's concurrent typing.
 */
export function setField(
  doc: Y.Doc,
  entryId: string,
  param: string,
  value: string,
  profile: SiteProfile,
): void {
  const fields = fieldsOf(doc, entryId);
  const current = fields.get(param);
  doc.transact(() => {
    if (current instanceof Y.Text) {
      const change = textChange(current.toString(), value);
      if (change === null) return;
      if (change.remove > 0) current.delete(change.index, change.remove);
      if (change.insert !== '') current.insert(change.index, change.insert);
    } else if (current === undefined) {
      fields.set(param, isLongField(profile, param) ? new Y.Text(value) : value);
    } else if (current !== value) {
      fields.set(param, value);
    } else {
      return;
    }
    reopenPublished(doc, entryId);
  });
}

/** A published draft written in again is a draft again (on its new base), with a badge and all. */
function reopenPublished(doc: Y.Doc, entryId: string): void {
  const meta = entryMetaMap(doc).get(entryId);
  if (meta instanceof Y.Map && meta.get('status') === 'published') meta.set('status', 'draft');
}

export function setEntryStatus(doc: Y.Doc, entryId: string, status: DraftStatus): void {
  const meta = entryMetaMap(doc).get(entryId);
  if (!(meta instanceof Y.Map)) throw new UnknownEntryError(`No draft entry ${entryId} in this document.`);
  if (meta.get('status') !== status) meta.set('status', status);
}
