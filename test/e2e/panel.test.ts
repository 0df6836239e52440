import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XEN_DIFFICULTIES } from '../../lib/model/xen-profile';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { type E2eEnvironment, e2eEnvironment } from './support/environment';
import { expectCount, expectVisible } from './support/expect';
import { adapterRegistered } from './support/ready';

/** The editor panel in the real browser, on the real wiki's seed page (third-party cookies blocked). */
const LABELS = [
  'Project',
  'Date of insert',
  'Verified',
  'Technical contact',
  'Difficulty',
  'Skills Needed',
  'GSoC',
  'Description',
  'Outcomes',
];

let env: E2eEnvironment;
let browser: ExtensionBrowser;

beforeAll(async () => {
  env = e2eEnvironment();
  browser = await launchWithExtension({ extensionPath: env.extensionPath });
  await adapterRegistered(browser);
});
afterAll(async () => {
  await browser?.close();
});

async function openSeedPage(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(
    `${env.wiki.indexUrl}?title=${encodeURIComponent(env.wiki.pages.seed2014.replace(/ /g, '_'))}`,
  );
  await expectCount(page.getByRole('button', { name: /^Edit project: / }), 8);
  return page;
}

/** Frames showing a draft (a frame kept on standby for the next panel shows none). */
const panelFrames = (page: Page) =>
  page.frames().filter((frame) => frame.url().includes('/panel.html#') && !frame.url().endsWith('#standby'));

/** Clicks (or presses Enter on) a button and returns the editor panel it opened, once its form shows. */
async function openPanel(
  page: Page,
  buttonName: string,
  how: 'click' | 'keyboard' = 'click',
): Promise<Frame> {
  // A panel is a frame that shows a link it did not show before (frames are reused for new panels).
  const before = new Map(panelFrames(page).map((frame) => [frame, frame.url()]));
  const button = page.getByRole('button', { name: buttonName, exact: true });
  if (how === 'click') await button.click();
  else {
    await button.focus();
    await page.keyboard.press('Enter');
  }
  let frame: Frame | undefined;
  await expect
    .poll(() => (frame = panelFrames(page).find((f) => before.get(f) !== f.url())), { timeout: 20_000 })
    .toBeTruthy();
  await expectVisible(frame!.getByRole('form', { name: /^Project draft: / }));
  return frame!;
}

const field = (frame: Frame, label: string) => frame.getByLabel(label, { exact: true });
const saved = (frame: Frame) =>
  expectVisible(frame.getByRole('status').filter({ hasText: 'Saved on this device' }));

/** The text of the elements an input's aria-describedby names. */
async function description(frame: Frame, label: string): Promise<string> {
  return field(frame, label).evaluate((input) =>
    (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' | '),
  );
}

describe('the editor panel', () => {
  it('opens in place under its entry, a form named after it with one input per field labelled as the wiki renders it', async () => {
    const page = await openSeedPage();
    const title = 'Lazy restore using memory paging';
    const frame = await openPanel(page, `Edit project: ${title}`);
    expect(await frame.getByRole('form').getAttribute('aria-label')).toBe(`Project draft: ${title}`);
    const labels = await frame.locator('.field > label').allTextContents();
    expect(labels).toEqual(LABELS);
    for (const label of LABELS) await expectVisible(field(frame, label));
    expect(await field(frame, 'Project').inputValue()).toBe(title);
    expect(await field(frame, 'Date of insert').inputValue()).toBe('01/20/2014');
    expect(await field(frame, 'Difficulty').inputValue()).toBe('Medium');
    expect(await field(frame, 'Description').inputValue()).toMatch(
      /^VM Save\/restore results in a boatload of IO/,
    );
    // Placed right after the entry's rendered block, and as tall as its content.
    const placement = await page.evaluate(() => {
      const host = document.querySelector('[data-project-desk="panel"]:not([hidden])')!;
      return {
        previous: host.previousElementSibling?.textContent ?? '',
        inArticle: !!host.closest('.mw-parser-output'),
      };
    });
    expect(placement.inArticle).toBe(true);
    expect(placement.previous).toContain(title);
    expect(placement.previous).toContain('Technical contact:');
    const contentHeight = await frame.evaluate(() =>
      Math.ceil(document.querySelector('main')!.getBoundingClientRect().height),
    );
    await expect
      .poll(() =>
        frame
          .frameElement()
          .then((element) => element.evaluate((iframe) => (iframe as HTMLElement).offsetHeight)),
      )
      .toBe(contentHeight);
    await page.close();
  });

  it('works by keyboard alone: Enter opens it with focus in the first field, Esc closes it and focus returns to the button', async () => {
    const page = await openSeedPage();
    const name = 'Edit project: HVM per-event-channel interrupts';
    const frame = await openPanel(page, name, 'keyboard');
    await expect.poll(() => frame.evaluate(() => document.activeElement?.id)).toBe('field-Project-input');
    await page.keyboard.press('End');
    await page.keyboard.type(' (typed)');
    expect(await field(frame, 'Project').inputValue()).toBe('HVM per-event-channel interrupts (typed)');
    await page.keyboard.press('Tab');
    await expect.poll(() => frame.evaluate(() => document.activeElement?.id)).toBe('field-Date-input');
    await page.keyboard.press('Escape');
    await expect.poll(() => panelFrames(page).length).toBe(0);
    const button = page.getByRole('button', { name, exact: true });
    expect(await button.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await page.close();
  });

  it('opens the next panel in the frame the last one left, under its own entry, without loading it again', async () => {
    const page = await openSeedPage();
    const first = await openPanel(page, 'Edit project: Lazy restore using memory paging');
    const loadedAt = await first.evaluate(() => performance.timeOrigin);
    await first.getByRole('button', { name: 'Close editor' }).click();
    await expect.poll(() => panelFrames(page).length).toBe(0);
    const next = await openPanel(page, 'Edit project: Parallel xenwatch kthread');
    expect(next).toBe(first);
    expect(await next.evaluate(() => performance.timeOrigin)).toBe(loadedAt);
    expect(await next.getByRole('form').getAttribute('aria-label')).toBe(
      'Project draft: Parallel xenwatch kthread',
    );
    expect(await field(next, 'Project').inputValue()).toBe('Parallel xenwatch kthread');
    const previous = await page.evaluate(
      () =>
        document.querySelector('[data-project-desk="panel"]:not([hidden])')?.previousElementSibling
          ?.textContent ?? '',
    );
    expect(previous).toContain('Parallel xenwatch kthread');
    expect(previous).not.toContain('Lazy restore');
    // Closed and opened again at once: a fresh session of the same entry, not the closed one.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Edit project: Parallel xenwatch kthread', exact: true }).click();
    await expectVisible(next.getByRole('form', { name: 'Project draft: Parallel xenwatch kthread' }));
    await expect.poll(() => next.evaluate(() => document.activeElement?.id)).toBe('field-Project-input');
    await page.close();
  });

  it('ignores messages the wiki page’s own scripts post as if they were the panel', async () => {
    const page = await openSeedPage();
    const frame = await openPanel(page, 'Edit project: Mirage OS contributions and improvements');
    const iframe = await frame.frameElement();
    const height = () => iframe.evaluate((element) => (element as HTMLElement).offsetHeight);
    await expect.poll(height).toBeGreaterThan(300);
    const before = await height();
    await page.evaluate(() => {
      for (const type of ['close', 'size']) {
        window.postMessage({ channel: 'project-desk-panel', type, height: 50 }, '*');
      }
    });
    await page.waitForTimeout(500);
    expect(panelFrames(page)).toContain(frame);
    expect(await height()).toBe(before);
    await page.close();
  });

  it('validates as you type: each problem under its field, errors and warnings counted on top', async () => {
    const page = await openSeedPage();
    const frame = await openPanel(page, 'Edit project: Mirage OS cloud API support');
    await field(frame, 'Project').fill('');
    await expect
      .poll(() => description(frame, 'Project'))
      .toContain('Error: Project is required: fill it in before publishing.');
    expect(await field(frame, 'Project').getAttribute('aria-invalid')).toBe('true');
    await field(frame, 'Date of insert').fill('32/13/2014');
    await expect
      .poll(() => description(frame, 'Date of insert'))
      .toContain('is not a date this editor can read');
    await field(frame, 'Difficulty').fill('Impossible');
    await expect
      .poll(() => description(frame, 'Difficulty'))
      .toContain('Warning: Difficulty is "Impossible", which is not one of the usual values');
    expect(await field(frame, 'Difficulty').getAttribute('aria-invalid')).toBeNull();
    await expect
      .poll(() => frame.locator('#problems-headline').textContent())
      .toMatch(/^2 errors to fix before publishing, and \d+ warnings?$/);
    await field(frame, 'Project').fill('Mirage OS cloud API support');
    await field(frame, 'Date of insert').fill('2013-11-28');
    await expect
      .poll(() => frame.locator('#problems-headline').textContent())
      .toMatch(/^\d+ warnings? \(publishing is not blocked\)$/);
    expect(await field(frame, 'Project').getAttribute('aria-describedby')).toBeNull();
    await page.close();
  });

  it('reads mixed date formats, says what it will write, and never guesses a day/month swap', async () => {
    const page = await openSeedPage();
    const frame = await openPanel(page, 'Edit project: Parallel xenwatch kthread');
    const date = field(frame, 'Date of insert');
    // 01/08/2012 from the wiki: day first or month first; both readings are offered, nothing is rewritten.
    expect(await date.inputValue()).toBe('01/08/2012');
    await expect
      .poll(() => description(frame, 'Date of insert'))
      .toContain('can be read as 1 August 2012 (day first) or as 8 January 2012 (month first)');
    await frame.getByRole('button', { name: '1 August 2012 (day first): write 2012-08-01' }).click();
    await expect.poll(() => date.inputValue()).toBe('2012-08-01');
    // A typed date in another format is written in the profile's style once the field is left.
    await date.fill('20 Jan 2014');
    await expect
      .poll(() => description(frame, 'Date of insert'))
      .toContain('Reads as 20 January 2014; will be written as 2014-01-20.');
    await page.keyboard.press('Tab');
    await expect.poll(() => date.inputValue()).toBe('2014-01-20');
    await page.close();
  });

  it('offers the profile’s suggestions in choice fields and grows wikitext fields in a monospace font', async () => {
    const page = await openSeedPage();
    const frame = await openPanel(
      page,
      'Edit project: Improvements to the block I/O paravirtualized Xen drivers',
    );
    const options = (label: string) =>
      field(frame, label).evaluate((input) =>
        Array.from((input as HTMLInputElement).list?.options ?? []).map((option) => option.value),
      );
    expect(await options('Difficulty')).toEqual(XEN_DIFFICULTIES);
    expect(await options('GSoC')).toEqual(['Yes', 'No', 'Unknown']);
    const outcomes = field(frame, 'Outcomes');
    expect(await outcomes.evaluate((el) => el.tagName)).toBe('TEXTAREA');
    expect(await outcomes.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/mono/i);
    const before = await outcomes.evaluate((el) => el.getBoundingClientRect().height);
    await outcomes.fill(Array.from({ length: 12 }, (_, i) => `* outcome ${i + 1}`).join('\n'));
    await expect
      .poll(() => outcomes.evaluate((el) => el.getBoundingClientRect().height))
      .toBeGreaterThan(before + 100);
    // The iframe grows with it: no scrollbar inside the panel.
    const heights = await frame.evaluate(() => ({
      doc: document.documentElement.scrollHeight,
      view: innerHeight,
    }));
    await expect
      .poll(() => frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight))
      .toBe(true);
    expect(heights.doc).toBeGreaterThan(0);
    await page.close();
  });

  it('opens a new entry’s draft from `New project in <section>`, and badges what has drafts', async () => {
    const page = await openSeedPage();
    const frame = await openPanel(page, 'New project in OPW Round 8');
    expect(await frame.getByRole('form').getAttribute('aria-label')).toBe(
      'Project draft: New project in OPW Round 8',
    );
    for (const label of LABELS) expect(await field(frame, label).inputValue()).toBe('');
    await field(frame, 'Project').pressSequentially('Xen on RISC-V boards');
    await saved(frame);
    await page.keyboard.press('Escape');
    await expect.poll(() => panelFrames(page).length).toBe(0);
    const section = page.getByRole('button', { name: 'New project in OPW Round 8', exact: true });
    await expect.poll(() => section.getAttribute('aria-describedby')).toBe('project-desk-draft-badge');
    // An edited entry: its name stays as the UI contract says, with a visible Draft badge describing it.
    const name = 'Edit project: Mirage OS contributions and improvements';
    const edited = await openPanel(page, name);
    await field(edited, 'Skills Needed').pressSequentially('OCaml');
    await saved(edited);
    await edited.getByRole('button', { name: 'Close editor' }).click();
    const button = page.getByRole('button', { name, exact: true });
    await expect.poll(() => button.getAttribute('aria-describedby')).toBe('project-desk-draft-badge');
    const badge = await button.evaluate((el) => {
      const badgeElement = (el.getRootNode() as ShadowRoot).getElementById('project-desk-draft-badge')!;
      return { text: badgeElement.textContent, visible: badgeElement.getBoundingClientRect().width > 0 };
    });
    expect(badge).toEqual({ text: 'Draft', visible: true });
    const other = page.getByRole('button', {
      name: 'Edit project: Lazy restore using memory paging',
      exact: true,
    });
    expect(await other.getAttribute('aria-describedby')).toBeNull();
    await page.close();
  });
});
