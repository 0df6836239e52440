import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectVisible } from './expect';

/** Helpers for the reviewer-comments tests: select rendered text, open the comments frame, read threads. */

/** Selects the first occurrence of `phrase` in the article's text, as a reader's drag would. */
export async function selectText(page: Page, phrase: string): Promise<void> {
  const found = await page.evaluate((wanted) => {
    const root = document.querySelector('#mw-content-text .mw-parser-output')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.nodeValue?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return true;
    }
    return false;
  }, phrase);
  expect(found, `"${phrase}" is on the page`).toBe(true);
}

/** The comments frame of the entry with that title, once it shows its heading. */
export async function commentsFrame(page: Page, title: string): Promise<Frame> {
  let frame: Frame | undefined;
  await expect
    .poll(
      async () => {
        for (const candidate of page.frames().filter((f) => f.url().includes('/comments.html#'))) {
          const heading = candidate.getByRole('heading', { name: `Comments on ${title}`, exact: true });
          if ((await heading.count()) > 0) frame = candidate;
        }
        return frame;
      },
      { timeout: 20_000 },
    )
    .toBeTruthy();
  return frame!;
}

/** Selects `phrase`, presses `Comment` and posts `text`; returns the frame. */
export async function commentOn(
  page: Page,
  title: string,
  phrase: string,
  text: string,
  how: 'click' | 'keyboard' = 'click',
): Promise<Frame> {
  await selectText(page, phrase);
  const button = page.getByRole('button', { name: 'Comment', exact: true });
  if (how === 'click') await button.click();
  else {
    await button.focus();
    await page.keyboard.press('Enter');
  }
  const frame = await commentsFrame(page, title);
  await frame.getByLabel('Comment text', { exact: true }).fill(text);
  await frame.getByRole('button', { name: 'Post comment', exact: true }).click();
  await expectVisible(thread(frame, phrase));
  return frame;
}

export const thread = (frame: Frame, quote: string) =>
  frame.getByRole('article', { name: `Thread on "${quote}"`, exact: true });

/** The highlight boxes drawn over the page (in our own shadow root). */
export function highlightBoxes(page: Page): Promise<Array<{ left: number; top: number; width: number }>> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-project-desk="highlights"]');
    return Array.from(host?.shadowRoot?.querySelectorAll<HTMLElement>('.box') ?? []).map((box) => {
      const rect = box.getBoundingClientRect();
      return { left: rect.left, top: rect.top, width: rect.width };
    });
  });
}

/** Where the phrase is on the page now (its first line box). */
export function phraseBox(page: Page, phrase: string): Promise<{ left: number; top: number } | null> {
  return page.evaluate((wanted) => {
    const root = document.querySelector('#mw-content-text .mw-parser-output')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.nodeValue?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const rect = range.getClientRects()[0]!;
      return { left: rect.left, top: rect.top };
    }
    return null;
  }, phrase);
}
