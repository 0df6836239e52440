// When the wiki changed after the draft was started: the Reviewer edits the same entry on the wiki
// (through the API, behind the browser's back) before the Mentor publishes from the editor panel.

import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WikiApiSession } from '../support/wiki';
import type { ExtensionBrowser } from './support/browser';
import { type E2eEnvironment, e2eEnvironment } from './support/environment';
import { expectVisible } from './support/expect';
import {
  expectStatus,
  field,
  freshPage,
  LAZY,
  launchAsMentor,
  openPanel,
  openPublishDialog,
  openWikiPage,
  replaceOnce,
  revisions,
  SEED,
  savedOnDevice,
} from './support/publish';

let env: E2eEnvironment;
let browser: ExtensionBrowser;
let mentor: WikiApiSession;
let reviewer: WikiApiSession;

beforeAll(async () => {
  env = e2eEnvironment();
  mentor = await WikiApiSession.login(env.wiki.apiUrl, 'mentor');
  reviewer = await WikiApiSession.login(env.wiki.apiUrl, 'reviewer');
  browser = await launchAsMentor(env);
});
afterAll(async () => {
  await browser?.close();
});

const SKILLS = /\|Skills=A good understanding[^\n]*\n/;

/** A fresh page open in the browser, the Lazy restore entry's panel with these fields typed in. */
async function draftOnFreshPage(
  name: string,
  values: Record<string, string>,
): Promise<{ title: string; page: Page; frame: Frame }> {
  const { title } = await freshPage(mentor, name);
  const page = await openWikiPage(browser.context, env, title);
  const frame = await openPanel(page, `Edit project: ${LAZY}`);
  for (const [label, value] of Object.entries(values)) await field(frame, label).fill(value);
  await savedOnDevice(frame);
  return { title, page, frame };
}

describe('publishing after the wiki changed', () => {
  it('merges the Reviewer’s edit of another field of the same entry, and keeps it', async () => {
    const { title, page, frame } = await draftOnFreshPage('merge', { Difficulty: 'Hard' });
    const theirs = replaceOnce(SEED, 'Student: Dushyant Behl\n', 'Student: D. Behl\n');
    await reviewer.edit(title, theirs, 'reviewer edit');
    const dialog = await openPublishDialog(frame);
    expect(await dialog.getByRole('group').count()).toBe(0);
    expect(await dialog.getByRole('list', { name: 'About this publish' }).textContent()).toContain(
      'Kept from the wiki',
    );
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await expectStatus(dialog, /^Published/);
    expect(await mentor.wikitext(title)).toBe(
      replaceOnce(theirs, '|Difficulty=Medium\n', '|Difficulty=Hard\n'),
    );
    expect((await revisions(mentor, title)).map((r) => r.user)).toEqual([
      env.wiki.users.mentor.username,
      env.wiki.users.reviewer.username,
      env.wiki.users.mentor.username,
    ]);
    await page.close();
  });

  for (const use of ['mine', 'theirs'] as const) {
    it(`shows a conflict on the same field with both values, and publishes “${use === 'mine' ? 'Use mine' : 'Use the wiki’s'}”`, async () => {
      const { title, page, frame } = await draftOnFreshPage(`conflict-${use}`, {
        Difficulty: 'Hard',
        'Skills Needed': 'C',
      });
      const theirs = replaceOnce(SEED, '|Difficulty=Medium\n', '|Difficulty=Medium-High\n');
      await reviewer.edit(title, theirs, 'reviewer edit');
      const dialog = await openPublishDialog(frame);
      const group = dialog.getByRole('group', { name: 'Difficulty' });
      await expectVisible(group);
      expect(await dialog.getByRole('group').count()).toBe(1);
      const shown = (await group.textContent()) ?? '';
      expect(shown).toContain('Hard');
      expect(shown).toContain('Medium-High');
      const publish = dialog.getByRole('button', { name: 'Publish', exact: true });
      // Publish waits until every conflict is decided.
      expect(await publish.isDisabled()).toBe(true);
      await group
        .getByRole('button', { name: use === 'mine' ? 'Use mine' : "Use the wiki's", exact: true })
        .click();
      await expect.poll(() => publish.isEnabled()).toBe(true);
      await publish.click();
      await expectStatus(dialog, /^Published/);
      const skills = theirs.replace(SKILLS, '|Skills=C\n');
      expect(await mentor.wikitext(title)).toBe(
        use === 'mine' ? replaceOnce(skills, '|Difficulty=Medium-High\n', '|Difficulty=Hard\n') : skills,
      );
      expect(await revisions(mentor, title)).toHaveLength(3);
      await page.close();
    });
  }

  it('explains an entry deleted on the wiki meanwhile, and publishes nothing unless told to add it back', async () => {
    const { title, page, frame } = await draftOnFreshPage('deleted', { Difficulty: 'Hard' });
    const start = SEED.indexOf(`{{project\n|Project=${LAZY}`);
    const end = SEED.indexOf('}}\n', start) + 3;
    const theirs = SEED.slice(0, start) + SEED.slice(end);
    await reviewer.edit(title, theirs, 'reviewer deletes the entry');
    const dialog = await openPublishDialog(frame);
    const group = dialog.getByRole('group', { name: LAZY });
    await expectVisible(group);
    expect(await group.textContent()).toMatch(/deleted/i);
    expect(await dialog.getByRole('button', { name: 'Publish', exact: true }).isDisabled()).toBe(true);
    await group.getByRole('button', { name: "Use the wiki's", exact: true }).click();
    await expectVisible(dialog.getByText('Nothing to publish', { exact: false }));
    expect(await dialog.getByRole('button', { name: 'Publish', exact: true }).isDisabled()).toBe(true);
    expect(await mentor.wikitext(title)).toBe(theirs);
    await page.close();
  });
});
