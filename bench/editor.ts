/**
 * bench/editor: what the editor panel costs its user, in the real browser on the real wiki.
 * - click on `Edit project: <title>` → panel interactive (its form shown, focus in the first field):
 *   first (fresh browser: panel page never loaded, the page's document not yet open in the hub; the
 *   pointer comes over the button right before the click, so the preload gets no head start) and warm
 *   (closed and opened again: the kept frame is reused), timed in the page from the click to the
 *   panel's `ready` message;
 * - the panel's JavaScript, gzipped (every script panel.html loads);
 * - keystroke → persisted: from the input event to the status saying `Saved on this device` (the hub
 *   acknowledges an update once its IndexedDB transaction has committed), median and p95, over 10,000
 *   keystrokes typed into one field, each one stored before the next (a fast typist: ~5 ms apart);
 * - IndexedDB after those 10,000 keystrokes: the stored updates of the page's document against the
 *   encoded final document (what compaction bounds), and the origin's whole usage growth; then the same
 *   after a burst of 10,000 more keystrokes sent without waiting (no typist is that fast: it shows what
 *   the compaction leaves until the next change).
 * Run: npx tsx bench/editor.ts  (starts the test wiki and builds the extension itself).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Frame, Page } from 'playwright-core';
import * as Y from 'yjs';
import { type ExtensionBrowser, launchWithExtension } from '../test/e2e/support/browser';
import { buildExtension } from '../test/e2e/support/extension';
import { E2E_WIKI, ensureWiki } from '../test/support/wiki';
import { bar, kb, machine, ms } from './support/measure';

const FIRST_RUNS = Number(process.env.BENCH_FIRST_RUNS ?? 3);
const WARM_RUNS = Number(process.env.BENCH_RUNS ?? 15);
const KEYS = Number(process.env.BENCH_KEYS ?? 10_000);
const TITLE = 'Lazy restore using memory paging';

/** tsx keeps function names with a `__name` helper that evaluated code would not find in the browser. */
const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn)';

const percentile = (values: number[], fraction: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? Number.NaN
  );
};

async function adapterRegistered(browser: ExtensionBrowser): Promise<void> {
  for (let tries = 0; tries < 400; tries++) {
    const count = await browser.context
      .serviceWorkers()
      .at(-1)!
      .evaluate(async () => {
        type Scripting = { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } };
        return (
          await (
            globalThis as unknown as { chrome: Scripting }
          ).chrome.scripting.getRegisteredContentScripts()
        ).length;
      })
      .catch(() => 0);
    if (count === 1) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the page adapter was never registered');
}

async function openSeedPage(browser: ExtensionBrowser, url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.addInitScript(NAME_SHIM);
  await page.goto(url);
  await page.waitForFunction(
    () => document.querySelectorAll('[data-project-desk="edit"]').length === 8,
    null,
    {
      timeout: 60_000,
    },
  );
  return page;
}

/** Clicks the entry's Edit button from the page and resolves with the time until the panel said `ready`. */
function timeOpen(page: Page, title: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const button = Array.from(document.querySelectorAll('[data-project-desk="edit"]'))
          .map((host) => host.shadowRoot?.querySelector('button'))
          .find((candidate) => candidate?.getAttribute('aria-label') === `Edit project: ${name}`);
        if (!button) return reject(new Error(`no Edit button for ${name}`));
        const onMessage = (event: MessageEvent) => {
          if (event.data?.channel !== 'project-desk-panel' || event.data.type !== 'ready') return;
          window.removeEventListener('message', onMessage);
          resolve(performance.now() - started);
        };
        window.addEventListener('message', onMessage);
        setTimeout(() => reject(new Error('the panel never said it was ready')), 30_000);
        const started = performance.now();
        // As a mouse does: over the button, then the click at once (no head start for the preload).
        button.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
        button.click();
      }),
    title,
  );
}

const panelFrame = (page: Page): Frame => {
  const frame = page
    .frames()
    .find((candidate) => candidate.url().includes('/panel.html#') && !candidate.url().endsWith('#standby'));
  if (!frame) throw new Error('no panel frame');
  return frame;
};

async function closePanel(page: Page): Promise<void> {
  await panelFrame(page).evaluate(NAME_SHIM);
  await panelFrame(page).evaluate(() =>
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' })),
  );
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll<HTMLElement>('[data-project-desk="panel"]')).every(
      (host) => host.hidden,
    ),
  );
}

/**
 * Types `count` keystrokes at the end of a field from inside the panel (an input event each, as a
 * keyboard makes). With `measure`, each waits until the status says it is stored and is timed.
 */
async function typeInPanel(frame: Frame, label: string, count: number, measure: boolean): Promise<number[]> {
  await frame.evaluate(NAME_SHIM);
  return frame.evaluate(
    async ({ label, count, measure }) => {
      const labelElement = Array.from(document.querySelectorAll('label')).find(
        (l) => l.textContent === label,
      )!;
      const input = document.getElementById(labelElement.htmlFor) as HTMLTextAreaElement;
      const status = document.querySelector('[role="status"]')!;
      const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      const isSaved = () => status.textContent === 'Saved on this device';
      // Resolves when the status next says everything is stored; fails loudly instead of hanging.
      const savedAgain = () =>
        new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => {
            observer.disconnect();
            reject(new Error(`never saved; the status says: ${status.textContent}`));
          }, 30_000);
          const observer = new MutationObserver(() => {
            if (!isSaved()) return;
            observer.disconnect();
            clearTimeout(timer);
            resolve();
          });
          observer.observe(status, { childList: true, characterData: true, subtree: true });
        });
      const times: number[] = [];
      for (let key = 0; key < count; key++) {
        const saved = measure ? savedAgain() : null;
        const started = performance.now();
        setValue.call(input, `${input.value}${String.fromCharCode(97 + (key % 26))}`);
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'x' }));
        if (saved) {
          await saved;
          times.push(performance.now() - started);
        } else if (key % 50 === 49) {
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      }
      if (!isSaved()) await savedAgain();
      return times;
    },
    { label, count, measure },
  );
}

/** The stored updates of one page document (as y-indexeddb lays them out) and the origin's usage. */
async function storedDocument(browser: ExtensionBrowser) {
  const worker = browser.context.serviceWorkers().at(-1)!;
  await worker.evaluate(NAME_SHIM);
  return worker.evaluate(async () => {
    const name = (await indexedDB.databases())
      .map((db) => db.name ?? '')
      .find((n) => n.startsWith('project-desk|drafts|'));
    if (!name) throw new Error('no page document stored');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const values = await new Promise<Uint8Array[]>((resolve, reject) => {
      const request = db.transaction('updates').objectStore('updates').getAll();
      request.onsuccess = () => resolve(request.result.map((value: ArrayBuffer) => new Uint8Array(value)));
      request.onerror = () => reject(request.error);
    });
    db.close();
    const usage = (await navigator.storage.estimate()).usage ?? 0;
    const base64 = values.map((bytes) => btoa(String.fromCharCode(...bytes)));
    return { updates: base64, usage };
  });
}

function storageFigures(stored: { updates: string[]; usage: number }, usageBefore: number) {
  const updates = stored.updates.map((text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return {
    stored: updates.reduce((sum, update) => sum + update.byteLength, 0),
    updates: updates.length,
    encoded: Y.encodeStateAsUpdate(doc).byteLength,
    usageGrowth: stored.usage - usageBefore,
  };
}

function gzippedPanelScripts(extensionPath: string): { files: number; bytes: number; raw: number } {
  const html = readFileSync(path.join(extensionPath, 'panel.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((match) => match[1]!);
  let bytes = 0;
  let raw = 0;
  for (const file of files) {
    const content = readFileSync(path.join(extensionPath, file));
    raw += content.length;
    bytes += gzipSync(content, { level: 9 }).length;
  }
  return { files: files.length, bytes, raw };
}

async function main() {
  const wiki = await ensureWiki({ stateDir: E2E_WIKI.stateDir, port: E2E_WIKI.port });
  const extensionPath = buildExtension([wiki.origin], '.output/bench-editor');
  const url = `${wiki.indexUrl}?title=${encodeURIComponent(wiki.pages.seed2014.replace(/ /g, '_'))}`;
  const first: number[] = [];
  const warm: number[] = [];
  let latency: number[] = [];
  let storage = { stored: 0, updates: 0, encoded: 0, usageGrowth: 0 };
  let burst = { stored: 0, updates: 0, encoded: 0, usageGrowth: 0 };
  try {
    for (let run = 0; run < FIRST_RUNS; run++) {
      const browser = await launchWithExtension({ extensionPath });
      try {
        await adapterRegistered(browser);
        const page = await openSeedPage(browser, url);
        first.push(await timeOpen(page, TITLE));
        await closePanel(page);
        if (run === 0) {
          for (let index = 0; index < WARM_RUNS + 2; index++) {
            const time = await timeOpen(page, TITLE);
            if (index >= 2) warm.push(time);
            await closePanel(page);
          }
          await timeOpen(page, TITLE);
          const before = await storedDocument(browser);
          latency = await typeInPanel(panelFrame(page), 'Description', KEYS, true);
          const paced = await storedDocument(browser);
          storage = storageFigures(paced, before.usage);
          await typeInPanel(panelFrame(page), 'Skills Needed', KEYS, false);
          burst = storageFigures(await storedDocument(browser), paced.usage);
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    await wiki.stop();
  }
  const scripts = gzippedPanelScripts(extensionPath);
  const warmMedian = percentile(warm, 0.5);
  const ratio = storage.stored / storage.encoded;
  console.log(`editor: seed page, entry "${TITLE}"; ${machine()}`);
  console.log(
    `  click → interactive, first (fresh browser, ${first.length} runs): ${first.map(ms).join(', ')}; median ${ms(percentile(first, 0.5))}`,
  );
  console.log(
    `  click → interactive, warm (${warm.length} runs): median ${ms(warmMedian)}, p90 ${ms(percentile(warm, 0.9))}, min ${ms(Math.min(...warm))}`,
  );
  console.log(
    `  panel JavaScript: ${kb(scripts.bytes)} gzipped in ${scripts.files} files (${kb(scripts.raw)} raw)`,
  );
  console.log(
    `  keystroke → persisted (${latency.length} keystrokes): median ${ms(percentile(latency, 0.5))}, p95 ${ms(percentile(latency, 0.95))}, max ${ms(Math.max(...latency))}`,
  );
  const describe = (figures: typeof storage) =>
    `${figures.stored} bytes stored in ${figures.updates} updates; encoded document ${figures.encoded} bytes; ` +
    `ratio ${(figures.stored / figures.encoded).toFixed(2)}×; origin usage grew ${kb(figures.usageGrowth)}`;
  console.log(`  after ${KEYS} keystrokes in one field, each stored before the next: ${describe(storage)}`);
  console.log(`  then right after a burst of ${KEYS} more sent without waiting: ${describe(burst)}`);
  bar('warm panel interactive < 150 ms median', warmMedian < 150, ms(warmMedian));
  bar(`storage after ${KEYS} keystrokes < 4× the encoded document`, ratio < 4, `${ratio.toFixed(2)}×`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
