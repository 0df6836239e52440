import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { entriesMap } from '../../../lib/collab/page-doc';
import { readDraftEntry, readPageMeta, validateDraftEntry } from '../../../lib/collab/read-entry';
import { addNewEntry, entrySeed, hashClientId, seedEntry } from '../../../lib/collab/seed';
import { setField } from '../../../lib/collab/set-field';
import { entryFromTransclusion } from '../../../lib/model/entry';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import { docWithClient, entryInput, entryInputs, exchange, SEED_PAGE, SEED_PAGE_TEXT } from './page-fixture';

const descOf = (doc: Y.Doc, entryId: string): string => {
  const read = readDraftEntry(doc, entryId);
  if (!read.ok) throw new Error(read.reason);
  return read.value.values.Desc ?? '';
};

describe('seeding a page document from wiki text', () => {
  it('writes the very same bytes on every client for the same base revision', () => {
    const first = entrySeed(entryInput(2));
    const second = entrySeed(entryInput(2));
    expect(second.update).toEqual(first.update);
    expect(second.clientId).toBe(first.clientId);
    expect(entrySeed(entryInput(3)).clientId).not.toBe(first.clientId);
  });

  it('lets two first opens at the same moment type into one entry without duplicating it', () => {
    const alice = docWithClient(101);
    const bob = docWithClient(202);
    const id = seedEntry(alice, entryInput(2));
    expect(seedEntry(bob, entryInput(2))).toBe(id);
    const base = descOf(alice, id);
    setField(alice, id, 'Desc', `Alice: ${base}`, XEN_PROFILE);
    setField(bob, id, 'Desc', `${base} -- Bob`, XEN_PROFILE);
    exchange(alice, bob);
    expect(descOf(alice, id)).toBe(`Alice: ${base} -- Bob`);
    expect(descOf(bob, id)).toBe(descOf(alice, id));
    expect(entriesMap(alice).size).toBe(1);
  });

  it('is needed: seeds written by each client under its own id keep one side and drop the other typing', () => {
    const open = (doc: Y.Doc, typed: string) => {
      const fields = new Y.Map<Y.Text>();
      entriesMap(doc).set('r1-e1', fields as never);
      fields.set('Desc', new Y.Text('base'));
      fields.get('Desc')?.insert(4, typed);
    };
    const alice = docWithClient(101);
    const bob = docWithClient(202);
    open(alice, ' Alice');
    open(bob, ' Bob');
    exchange(alice, bob);
    const merged = entriesMap(alice).get('r1-e1')?.get('Desc')?.toString();
    expect([`base Alice`, `base Bob`]).toContain(merged);
  });

  it('is safe only for the very same text: one client id with two contents corrupts replicas', () => {
    const alice = docWithClient(7);
    const bob = docWithClient(7);
    alice.getText('t').insert(0, 'revision 1 text');
    bob.getText('t').insert(0, 'revision 2 text');
    exchange(alice, bob);
    // Each thinks it already has the other's items: they never converge.
    expect(Y.encodeStateVector(alice)).toEqual(Y.encodeStateVector(bob));
    expect(alice.getText('t').toString()).not.toBe(bob.getText('t').toString());
  });

  it('therefore derives the client id from the content: a different text gets another id and still converges', () => {
    const input = entryInput(2);
    const edited = SEED_PAGE_TEXT.replace('Lazy restore using memory paging', 'Lazy restore, reworded');
    const other = entryInputs(edited)[1];
    if (!other) throw new Error('no entry 2');
    expect(entrySeed(other).entryId).toBe(entrySeed(input).entryId);
    expect(entrySeed(other).clientId).not.toBe(entrySeed(input).clientId);
    const alice = docWithClient(101);
    const bob = docWithClient(202);
    const id = seedEntry(alice, input);
    seedEntry(bob, other);
    exchange(alice, bob);
    const a = readDraftEntry(alice, id);
    const b = readDraftEntry(bob, id);
    expect(a).toEqual(b);
    if (!a.ok) throw new Error(a.reason);
    expect(['Lazy restore using memory paging', 'Lazy restore, reworded']).toContain(a.value.values.Project);
  });

  it('seeds once: seeding again changes nothing', () => {
    const doc = new Y.Doc();
    const id = seedEntry(doc, entryInput(1));
    const before = Y.encodeStateAsUpdate(doc);
    seedEntry(doc, entryInput(1));
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(id).toBe('r1234-e1');
  });

  it('reads the seeded entry back with its base values, identity and meta', () => {
    const doc = new Y.Doc();
    const input = entryInput(2);
    const id = seedEntry(doc, input);
    const read = readDraftEntry(doc, id);
    if (!read.ok) throw new Error(read.reason);
    const base = entryFromTransclusion(input.pageText, input.transclusion, XEN_PROFILE, 2);
    expect(read.value.values).toEqual(base.values);
    expect(read.value.meta).toEqual({
      identity: base.identity,
      baseRevision: 1234,
      isNew: false,
      section: input.transclusion.section,
      status: 'draft',
    });
    expect(readPageMeta(doc)).toEqual({ ok: true, value: SEED_PAGE });
    expect(validateDraftEntry(XEN_PROFILE, read.value).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('stores long wikitext fields as Y.Text and short ones as strings, as the profile says', () => {
    const doc = new Y.Doc();
    const id = seedEntry(doc, entryInput(2));
    const fields = entriesMap(doc).get(id);
    expect(fields?.get('Desc')).toBeInstanceOf(Y.Text);
    expect(fields?.get('Outcomes')).toBeInstanceOf(Y.Text);
    expect(typeof fields?.get('Project')).toBe('string');
    expect(typeof fields?.get('Difficulty')).toBe('string');
  });

  it('adds a new entry in a section with every field of the profile, empty', () => {
    const doc = new Y.Doc();
    const id = addNewEntry(doc, { page: SEED_PAGE, section: ['Ideas', 'Toolstack'], profile: XEN_PROFILE });
    const read = readDraftEntry(doc, id);
    if (!read.ok) throw new Error(read.reason);
    expect(read.value.meta).toMatchObject({ isNew: true, identity: null, section: ['Ideas', 'Toolstack'] });
    expect(Object.keys(read.value.values)).toEqual(XEN_PROFILE.fields.map((field) => field.param));
    expect(validateDraftEntry(XEN_PROFILE, read.value).map((p) => p.code)).toContain('required');
  });

  it('hashes to 32-bit client ids', () => {
    for (const text of ['', 'a', 'ünïcödé', 'x'.repeat(10_000)]) {
      const id = hashClientId(text);
      expect(Number.isInteger(id) && id >= 0 && id < 2 ** 32).toBe(true);
    }
  });
});
