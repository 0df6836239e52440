import { inject } from 'vitest';
import type { RunningWiki } from '../../support/wiki';

export interface E2eEnvironment {
  extensionPath: string;
  wiki: Pick<RunningWiki, 'origin' | 'apiUrl' | 'indexUrl' | 'users' | 'pages'>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eEnvironment;
  }
}

/** What the global setup started for this run (see test/e2e/global-setup.ts). */
export function e2eEnvironment(): E2eEnvironment {
  return inject('e2e');
}
