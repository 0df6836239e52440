// The wiki's own remarks in the publish flow, in the real browser on the real wiki: a {{Comment}}
// remark resolved in the comments frame is removed by the entry's next publish, exactly that remark.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WikiApiSession } from '../support/wiki';
import type { ExtensionBrowser } from './support/browser';
import { commentsFrame } from './support/comments';
import { type E2eEnvironment, e2eEnvironment } from './support/environment';
import { expectVisible } from './support/expect';
import {
  expectStatus,
  field,
  freshPage,
  launchAsMentor,
  openPanel,
  openPublishDialog,
  openWikiPage,
  replaceOnce,
  SEED,
  savedOnDevice,
} from './support/publish';

let env: E2eEnvironment;
let browser: ExtensionBrowser;
let mentor: WikiApiSession;

beforeAll(async () => {
  env = e2eEnvironment();
  mentor = await WikiApiSession.login(env.wiki.apiUrl, 'mentor');
  browser = await launchAsMentor(env);
});
afterAll(async () => {
  await browser?.close();
});

const PVUSB = 'Implement Xen PVUSB support in xl/libxl toolstack';
const LARS =
  '{{Comment|[[User:Lars.kurth|Lars.kurth]] 14:14, 23 January 2013 (UTC):}} Should be suitable, but the task list needs a timeline.';

async function resolveRemark(page: Page): Promise<void> {
  await page.getByRole('button', { name: `1 comment on ${PVUSB}`, exact: true }).click();
  const frame = await commentsFrame(page, PVUSB);
  const remark = frame.getByRole('article', { name: /^Thread on "\{\{Comment\|\[\[User:Lars\.kurth/ });
  await remark.getByRole('button', { name: 'Resolve', exact: true }).click();
  const remove = remark.getByLabel('Remove the remark from the wikitext at the next publish');
  await expectVisible(remove);
  expect(await remove.isChecked()).toBe(true);
  await frame.getByRole('button', { name: 'Close comments', exact: true }).click();
}

describe("the wiki's own remarks in a publish", () => {
  it('removes exactly the resolved remark with the draft’s change, shown in the diff and explained', async () => {
    const { title } = await freshPage(mentor, 'remarks');
    const page = await openWikiPage(browser.context, env, title);
    await resolveRemark(page);
    const frame = await openPanel(page, `Edit project: ${PVUSB}`);
    await field(frame, 'Difficulty').fill('Hard');
    await savedOnDevice(frame);
    const dialog = await openPublishDialog(frame);
    const diff = dialog.getByRole('region', { name: 'Changes to the wikitext' });
    await expect
      .poll(() => diff.locator('del').allTextContents())
      .toEqual(['- |Difficulty=\n', `- ${LARS}\n`]);
    await expectVisible(dialog.getByText(`Removes the remark by Lars.kurth (resolved) in “${PVUSB}”.`));
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await expectStatus(dialog, /^Published/);
    const expected = replaceOnce(replaceOnce(SEED, `${LARS}\n`, ''), '|Difficulty=\n', '|Difficulty=Hard\n');
    expect(await mentor.wikitext(title)).toBe(expected);
    await page.close();
  });
});
