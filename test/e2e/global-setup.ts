import type { TestProject } from 'vitest/node';
import { E2E_WIKI, ensureWiki } from '../support/wiki';
import { assertLoadableScripts, buildExtension } from './support/extension';

/** The real parts every end-to-end test file shares: one MediaWiki and one extension build per run. */
export default async function setup(project: TestProject) {
  const wiki = await ensureWiki({ stateDir: E2E_WIKI.stateDir, port: E2E_WIKI.port });
  const extensionPath = buildExtension([wiki.origin]);
  assertLoadableScripts(extensionPath);
  project.provide('e2e', {
    extensionPath,
    wiki: {
      origin: wiki.origin,
      apiUrl: wiki.apiUrl,
      indexUrl: wiki.indexUrl,
      users: wiki.users,
      pages: wiki.pages,
    },
  });
  return async () => {
    // Stop only a wiki this run started: another run (a second checkout, a benchmark) may be using it.
    if (wiki.started) await wiki.stop();
  };
}
