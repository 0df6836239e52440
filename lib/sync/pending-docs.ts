import { z } from 'zod';

/**
 * Which documents hold local changes the server has not acknowledged, kept across service-worker
 * restarts: the background wakes up knowing nothing, and offline edits must still go out "without a
 * click" when the network is back. SyncManager.resume() opens each of them again.
 */
export interface PendingDocs {
  list(): Promise<string[]>;
  mark(name: string): Promise<void>;
  clear(name: string): Promise<void>;
}

/** The part of SettingsStore (lib/store/settings-store.ts) this needs. */
export interface KeyValueStore {
  get<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined>;
  set<T>(key: string, schema: z.ZodType<T>, value: T): Promise<void>;
}

export const PENDING_DOCS_KEY = 'sync.pendingDocs';
const NamesSchema = z.array(z.string().min(1).max(4096)).max(10_000);

/** Pending documents in the extension's settings table; writes are serialised. */
export class StoredPendingDocs implements PendingDocs {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: KeyValueStore) {}

  async list(): Promise<string[]> {
    await this.queue;
    return (await this.store.get(PENDING_DOCS_KEY, NamesSchema)) ?? [];
  }

  mark(name: string): Promise<void> {
    return this.change((names) => (names.includes(name) ? names : [...names, name]));
  }

  clear(name: string): Promise<void> {
    return this.change((names) => names.filter((other) => other !== name));
  }

  private change(next: (names: string[]) => string[]): Promise<void> {
    const run = this.queue.then(async () => {
      const names = (await this.store.get(PENDING_DOCS_KEY, NamesSchema)) ?? [];
      const changed = next(names);
      if (changed.length !== names.length || changed.some((other, index) => other !== names[index]))
        await this.store.set(PENDING_DOCS_KEY, NamesSchema, changed);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** In memory only (tests, or a background without storage). */
export class MemoryPendingDocs implements PendingDocs {
  readonly names = new Set<string>();

  async list(): Promise<string[]> {
    return [...this.names];
  }

  async mark(name: string): Promise<void> {
    this.names.add(name);
  }

  async clear(name: string): Promise<void> {
    this.names.delete(name);
  }
}
