import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

/** Waits until the locator matches exactly `count` elements (Playwright's own matchers are not in playwright-core). */
export async function expectCount(locator: Locator, count: number, timeout = 20_000): Promise<void> {
  await expect.poll(() => locator.count(), { timeout }).toBe(count);
}

export async function expectVisible(locator: Locator, timeout = 20_000): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout });
  expect(await locator.count()).toBeGreaterThan(0);
}
