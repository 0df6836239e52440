import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { declareV1, ProjectDeskDb } from '../../../lib/store/database';
import { DraftIndex } from '../../../lib/store/draft-index';
import { draftV1ToV2 } from '../../../lib/store/migrations';
import { Outbox } from '../../../lib/store/outbox';
import type { QuarantineNotice } from '../../../lib/store/record-reader';
import type { DraftRecord, DraftRecordV1 } from '../../../lib/store/records';
import { SettingsStore } from '../../../lib/store/settings-store';

const environment = () => ({ indexedDB: new IDBFactory(), IDBKeyRange });

const v1Draft = (id: string, title: string, updatedAt: number): DraftRecordV1 => ({
  id,
  wiki: 'https://wiki.xenproject.org',
  page: 'GSoC 2014',
  docName: 'doc-1',
  entryId: id,
  identity: { ordinal: 1, title, baseWikitext: `{{project|Project=${title}}}` },
  baseRevision: 7,
  status: 'draft',
  updatedAt,
});

const draft = (id: string, overrides: Partial<DraftRecord> = {}): DraftRecord => ({
  ...v1Draft(id, `Title ${id}`, 100),
  isNew: false,
  section: ['Ideas'],
  title: `Title ${id}`,
  ...overrides,
});

describe('the extension database', () => {
  it('upgrades a v1 database to v2, converting every record and quarantining the corrupt ones', async () => {
    const env = environment();
    const old = new Dexie('project-desk', env);
    declareV1(old);
    await old.open();
    await old.table('drafts').bulkAdd([v1Draft('a', 'Lazy restore', 10), v1Draft('b', 'PVUSB', 20)]);
    await old.table('drafts').add({ id: 'broken', wiki: 'not a url', status: 'lost' });
    await old.table('outbox').add({ draftId: 'a', summary: 'typo', createdAt: 5 });
    await old.table('settings').add({ key: 'displayName', value: 'Lars', updatedAt: 1 });
    old.close();

    const db = new ProjectDeskDb('project-desk', env);
    await db.open();
    expect(db.verno).toBe(3);
    const index = new DraftIndex(db);
    const { records, quarantined } = await index.list();
    expect(records.map((record) => [record.id, record.title, record.isNew, record.section])).toEqual([
      ['b', 'PVUSB', false, []],
      ['a', 'Lazy restore', false, []],
    ]);
    expect(quarantined).toEqual([]);
    const aside = await index.quarantined();
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatchObject({
      table: 'drafts',
      key: '"broken"',
      raw: { id: 'broken', wiki: 'not a url' },
    });
    expect(aside[0]?.reason).toMatch(/upgrade to v2/);
    expect(aside[0]?.reason).toMatch(/wiki/);
    const outbox = await new Outbox(db).list();
    expect(outbox.records).toEqual([
      { seq: 1, draftId: 'a', summary: 'typo', createdAt: 5, attempts: 0, lastError: null },
    ]);
    expect(await new SettingsStore(db).get('displayName', z.string())).toBe('Lars');
    db.close();
  });

  it('converts a v1 draft record purely, and says what is wrong with a bad one', () => {
    expect(draftV1ToV2(v1Draft('a', 'T', 1))).toMatchObject({
      ok: true,
      record: { title: 'T', isNew: false },
    });
    const bad = draftV1ToV2({ ...v1Draft('a', 'T', 1), status: 'gone' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toMatch(/status/);
  });

  it('reads every draft back through the schema: a corrupt one is quarantined and reported, the rest listed', async () => {
    const db = new ProjectDeskDb('project-desk', environment());
    const notices: QuarantineNotice[] = [];
    const index = new DraftIndex(db, (notice) => notices.push(notice));
    await index.put(draft('a', { updatedAt: 1 }));
    await index.put(draft('b', { updatedAt: 2 }));
    await db.drafts.put({ ...draft('c'), updatedAt: -5 } as DraftRecord);
    const { records, quarantined } = await index.list();
    expect(records.map((record) => record.id)).toEqual(['b', 'a']);
    expect(quarantined).toEqual([
      { table: 'drafts', key: '"c"', reason: expect.stringMatching(/updatedAt/) },
    ]);
    expect(notices).toEqual(quarantined);
    expect((await index.quarantined()).map((row) => row.raw)).toEqual([{ ...draft('c'), updatedAt: -5 }]);
    expect((await index.list()).quarantined).toEqual([]);
    expect(await index.get('c')).toBeUndefined();
    db.close();
  });

  it('refuses to write a record that does not fit its schema', async () => {
    const db = new ProjectDeskDb('project-desk', environment());
    await expect(new DraftIndex(db).put({ ...draft('a'), status: 'gone' } as never)).rejects.toThrow(
      /status/,
    );
    expect(await db.drafts.count()).toBe(0);
    db.close();
  });

  it('filters drafts by page and by status', async () => {
    const db = new ProjectDeskDb('project-desk', environment());
    const index = new DraftIndex(db);
    await index.put(draft('a'));
    await index.put(draft('b', { page: 'Other', status: 'discarded' }));
    await index.put(draft('c', { status: 'discarded' }));
    const onPage = await index.list({ wiki: 'https://wiki.xenproject.org', page: 'GSoC 2014' });
    expect(onPage.records.map((record) => record.id)).toEqual(['a', 'c']);
    const discarded = await index.list({ status: 'discarded' });
    expect(discarded.records.map((record) => record.id)).toEqual(['b', 'c']);
    db.close();
  });

  it('keeps settings by key, read with the caller’s schema; a value of the wrong shape is quarantined', async () => {
    const db = new ProjectDeskDb('project-desk', environment());
    const settings = new SettingsStore(db, undefined, () => 42);
    const Server = z.object({ url: z.url() });
    await settings.set('syncServer', Server, { url: 'wss://sync.example' });
    expect(await settings.get('syncServer', Server)).toEqual({ url: 'wss://sync.example' });
    await expect(settings.set('syncServer', Server, { url: 'nope' })).rejects.toThrow();
    expect(await settings.get('syncServer', z.number())).toBeUndefined();
    expect(await db.quarantine.count()).toBe(1);
    expect(await settings.get('syncServer', Server)).toBeUndefined();
    db.close();
  });

  it('queues publishes in order and records failed attempts', async () => {
    const db = new ProjectDeskDb('project-desk', environment());
    const outbox = new Outbox(db, undefined, () => 9);
    const first = await outbox.enqueue('a', 'first');
    await outbox.enqueue('b', 'second');
    await outbox.recordFailure(first, 'not logged in');
    await outbox.recordFailure(first, 'offline');
    const { records } = await outbox.list();
    expect(records.map((r) => [r.draftId, r.attempts, r.lastError])).toEqual([
      ['a', 2, 'offline'],
      ['b', 0, null],
    ]);
    await outbox.remove(first);
    expect((await outbox.list()).records.map((r) => r.draftId)).toEqual(['b']);
    db.close();
  });
});
