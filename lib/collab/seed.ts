import * as Y from 'yjs';
import { entryFromTransclusion } from '../model/entry';
import {
  fieldForParam,
  fieldValue,
  type ParamValues,
  presentParamName,
  type SiteProfile,
} from '../model/profile';
import type { Transclusion } from '../wikitext/types';
import type { EntryMeta, PageMeta } from './draft-entry';
import { entriesMap, entryMetaMap, pageMetaMap } from './page-doc';

/**
 * Seeding a page document from wiki text, once per entry and base revision, identically everywhere.
 *
 * Two panels (or two collaborators) may open the same entry for the first time at the same moment. If
 * each wrote its own fresh Y.Map under the entry's key, Yjs would keep one of them and drop the other
 * together with everything typed into it. So the seed is written by a throwaway document whose client
 * id is a hash of the seed's content: every client produces the very same bytes, the same item ids,
 * and applying them twice is applying them once.
 *
 * Same ids with different content would corrupt the document (each replica would keep its own text
 * and ignore the other's as already known), which is why the id is a hash of the whole content, not of
 * the revision alone: a different text (another revision, another profile version) gets another id.
 */

export interface SeedField {
  param: string;
  /** Stored as Y.Text (a long wikitext field) rather than a plain string. */
  long: boolean;
  value: string;
}

/** Every field of the profile (under the name the entry uses, '' when absent), then other parameters. */
export function seedFields(profile: SiteProfile, values: ParamValues): SeedField[] {
  const fields: SeedField[] = profile.fields.map((field) => ({
    param: presentParamName(field, values) ?? field.param,
    long: field.kind === 'wikitext',
    value: fieldValue(field, values),
  }));
  const taken = new Set(fields.map((field) => field.param));
  for (const [param, value] of Object.entries(values)) {
    if (taken.has(param)) continue;
    const kind = fieldForParam(profile, param)?.kind;
    fields.push({ param, long: kind === 'wikitext' || value.includes('\n'), value });
  }
  return fields;
}

/** FNV-1a over UTF-16 code units: a stable 32-bit id, as Yjs client ids are. */
export function hashClientId(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export const seededEntryId = (baseRevision: number, ordinal: number): string =>
  `r${baseRevision}-e${ordinal}`;

export interface EntrySeedInput {
  /** The page and the revision whose text is `pageText`. */
  page: PageMeta;
  pageText: string;
  transclusion: Transclusion;
  /** The entry's position among the page's entries, from 1. */
  ordinal: number;
  profile: SiteProfile;
}

export interface Seed {
  entryId: string;
  clientId: number;
  update: Uint8Array;
}

function writeSeed(content: unknown, build: (doc: Y.Doc) => void): { clientId: number; update: Uint8Array } {
  const clientId = hashClientId(JSON.stringify(content));
  const scratch = new Y.Doc();
  scratch.clientID = clientId;
  scratch.transact(() => build(scratch));
  const update = Y.encodeStateAsUpdate(scratch);
  scratch.destroy();
  return { clientId, update };
}

function writeEntry(doc: Y.Doc, entryId: string, fields: readonly SeedField[], meta: EntryMeta): void {
  const fieldsMap = new Y.Map<string | Y.Text>();
  for (const field of fields) fieldsMap.set(field.param, field.long ? new Y.Text(field.value) : field.value);
  const metaMap = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(meta)) metaMap.set(key, value);
  entriesMap(doc).set(entryId, fieldsMap);
  entryMetaMap(doc).set(entryId, metaMap);
}

/** The seed of one existing entry: the same bytes for the same page text, on every client. */
export function entrySeed(input: EntrySeedInput): Seed {
  const entry = entryFromTransclusion(input.pageText, input.transclusion, input.profile, input.ordinal);
  const entryId = seededEntryId(input.page.baseRevision, input.ordinal);
  const fields = seedFields(input.profile, entry.values);
  const meta: EntryMeta = {
    identity: entry.identity,
    baseRevision: input.page.baseRevision,
    isNew: false,
    section: input.transclusion.section,
    status: 'draft',
  };
  const seed = writeSeed(['entry', entryId, fields, meta], (doc) => writeEntry(doc, entryId, fields, meta));
  return { entryId, ...seed };
}

/** The seed of the page's meta map. */
export function pageMetaSeed(meta: PageMeta): { clientId: number; update: Uint8Array } {
  return writeSeed(['meta', meta], (doc) => {
    const map = pageMetaMap(doc);
    for (const [key, value] of Object.entries(meta)) map.set(key, value);
  });
}

/** Origin of seed transactions, so observers can tell them from typing. */
export const SEED_ORIGIN = Symbol('project-desk seed');

/** Seeds the page meta (if the document has none) and the entry (if absent); returns the entry id. */
export function seedEntry(doc: Y.Doc, input: EntrySeedInput): string {
  if (!pageMetaMap(doc).has('wiki')) Y.applyUpdate(doc, pageMetaSeed(input.page).update, SEED_ORIGIN);
  const entryId = seededEntryId(input.page.baseRevision, input.ordinal);
  if (!entriesMap(doc).has(entryId)) Y.applyUpdate(doc, entrySeed(input).update, SEED_ORIGIN);
  return entryId;
}

export interface NewEntryInput {
  page: PageMeta;
  /** The headings of the section the entry will be added to, outermost first. */
  section: string[];
  profile: SiteProfile;
  values?: ParamValues;
}

/**
 * A new entry (from "New project in <section>"). Its id is random, so no other client writes under the
 * same key and it needs no deterministic seed; it is written by the document's own client.
 */
export function addNewEntry(doc: Y.Doc, input: NewEntryInput): string {
  if (!pageMetaMap(doc).has('wiki')) Y.applyUpdate(doc, pageMetaSeed(input.page).update, SEED_ORIGIN);
  const entryId = `new-${crypto.randomUUID()}`;
  const meta: EntryMeta = {
    identity: null,
    baseRevision: input.page.baseRevision,
    isNew: true,
    section: input.section,
    status: 'draft',
  };
  doc.transact(() => writeEntry(doc, entryId, seedFields(input.profile, input.values ?? {}), meta));
  return entryId;
}
