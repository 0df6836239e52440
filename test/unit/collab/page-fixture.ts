import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import type { PageMeta } from '../../../lib/collab/draft-entry';
import type { EntrySeedInput } from '../../../lib/collab/seed';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import { findTransclusions } from '../../../lib/wikitext';

/** The seed page of the Xen wiki (8 entries), as the tests of the draft document use it. */
export const SEED_PAGE_TEXT = readFileSync('test/fixtures/pages/seed-2014.wikitext', 'utf8');
export const SEED_PAGE: PageMeta = {
  wiki: 'https://wiki.xenproject.org',
  page: 'GSoC 2014',
  baseRevision: 1234,
};

export function entryInputs(text = SEED_PAGE_TEXT, page = SEED_PAGE): EntrySeedInput[] {
  const transclusions = findTransclusions(text, XEN_PROFILE.template).transclusions.filter((t) => !t.nested);
  return transclusions.map((transclusion, index) => ({
    page,
    pageText: text,
    transclusion,
    ordinal: index + 1,
    profile: XEN_PROFILE,
  }));
}

export function entryInput(ordinal: number): EntrySeedInput {
  const input = entryInputs()[ordinal - 1];
  if (!input) throw new Error(`the seed page has no entry ${ordinal}`);
  return input;
}

/** Exchanges everything two documents lack from each other, by state vector (both directions). */
export function exchange(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB, 'peer');
  Y.applyUpdate(a, toA, 'peer');
}

export function docWithClient(clientId: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  return doc;
}
