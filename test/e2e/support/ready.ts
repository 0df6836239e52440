import type { ExtensionBrowser } from './browser';

/** Polls until `condition` holds (usable in hooks too, where expect.poll is not). */
export async function until(
  condition: () => Promise<boolean>,
  what: string,
  timeout = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits until the background has registered the page adapter: it does that once it has started, so a
 * page opened right after a launch could otherwise load before there is an adapter to run in it.
 */
export async function adapterRegistered(browser: ExtensionBrowser): Promise<void> {
  const registered = () =>
    browser.context
      .serviceWorkers()
      .at(-1)!
      .evaluate(async () => {
        type Scripting = { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } };
        const api = (globalThis as unknown as { chrome: Scripting }).chrome;
        return (await api.scripting.getRegisteredContentScripts()).length;
      })
      .catch(() => 0);
  await until(async () => (await registered()) === 1, 'the page adapter to be registered', 20_000);
}
