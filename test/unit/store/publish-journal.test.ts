import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { XEN_PROFILE } from '../../../lib/model';
import { expectationsOf, type PublishRecord, planPublish } from '../../../lib/publish';
import { declareV1, declareV2, ProjectDeskDb } from '../../../lib/store/database';
import { DamagedPublishError, DexiePublishJournal } from '../../../lib/store/publish-journal';
import { draftOf, page, SEED } from '../publish/drafts';

const environment = () => ({ indexedDB: new IDBFactory(), IDBKeyRange });

const plan = planPublish({
  profile: XEN_PROFILE,
  page: page(SEED),
  drafts: [draftOf(SEED, 2, { Difficulty: 'Hard' })],
});
const record = (publishId: string, state: PublishRecord['state']): PublishRecord => ({
  publishId,
  state,
  input: plan.input,
  request: { title: plan.title, text: plan.newText, baseRevisionId: plan.revisionId, summary: plan.summary },
  sinceRevisionId: plan.revisionId,
  expectations: expectationsOf(plan),
  attempts: state === 'pending' ? 0 : 1,
  updatedAt: 1,
  result: null,
});

describe('the publish journal in the database (v3)', () => {
  it('keeps records by publish id across a reopening, and lists the unfinished ones', async () => {
    const env = environment();
    const db = new ProjectDeskDb('project-desk', env);
    const journal = new DexiePublishJournal(db);
    expect(await journal.read('a')).toBeUndefined();
    await journal.write(record('a', 'in-flight'));
    await journal.write(record('b', 'done'));
    await journal.write(record('c', 'pending'));
    db.close();
    const again = new DexiePublishJournal(new ProjectDeskDb('project-desk', env));
    expect(await again.read('a')).toEqual(record('a', 'in-flight'));
    expect((await again.unfinished()).map((r) => r.publishId).sort()).toEqual(['a', 'c']);
  });

  it('adds the table to a v2 database, keeping what it held', async () => {
    const env = environment();
    const old = new Dexie('project-desk', env);
    declareV1(old);
    declareV2(old);
    await old.open();
    await old.table('settings').add({ key: 'displayName', value: 'Lars', updatedAt: 1 });
    old.close();
    const db = new ProjectDeskDb('project-desk', env);
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.settings.get('displayName')).toMatchObject({ value: 'Lars' });
    await new DexiePublishJournal(db).write(record('x', 'pending'));
    expect(await db.publishes.count()).toBe(1);
  });

  it('sets a damaged record aside and refuses to take it for one never sent', async () => {
    const db = new ProjectDeskDb('project-desk', environment());
    const notices: unknown[] = [];
    const journal = new DexiePublishJournal(db, (notice) => notices.push(notice));
    await db.publishes.put({ ...record('bad', 'in-flight'), state: 'sent' as never });
    await expect(journal.read('bad')).rejects.toThrow(DamagedPublishError);
    expect(notices).toHaveLength(1);
    expect(await db.quarantine.where('table').equals('publishes').count()).toBe(1);
    expect(await db.publishes.count()).toBe(0);
  });
});
