import type { PageSync } from './page-sync';
import type { PendingDocs } from './pending-docs';
import { FocusBoard } from './presence';
import type { PageSyncStatus } from './status';

/** SyncManager's record of one document it was asked to sync (with or without a provider). */
export class PageEntry {
  focus = new FocusBoard();
  /** The provider's side, once attached (none without a server, or when the name cannot be synced). */
  page: PageSync | null = null;
  /** Why this document cannot be synced (its name), in words. */
  problem: string | null = null;
  ready: Promise<void> = Promise.resolve();
  /** The last status announced, as JSON, so only changes are announced. */
  lastStatus = '';
  closed = false;
  private idleSince: number | null = null;
  private pendingMarked = false;

  constructor(
    readonly localName: string,
    readonly openedAt: number,
  ) {}

  /** It was pending when the service worker started (resume): cleared once synced. */
  markPending(): void {
    this.pendingMarked = true;
  }

  /** Keeps the pending list in step: listed while changes wait, off it once synced. */
  trackPending(status: PageSyncStatus, pending: PendingDocs, onProblem: (problem: string) => void): void {
    if (!this.page) return;
    if (status.waiting > 0 && !this.pendingMarked) {
      this.pendingMarked = true;
      pending.mark(this.localName).catch((error: unknown) => onProblem(String(error)));
    } else if (status.state === 'synced' && this.pendingMarked) {
      this.pendingMarked = false;
      pending.clear(this.localName).catch((error: unknown) => onProblem(String(error)));
    }
  }

  /** How long no panel has shown it with nothing waiting (0 while it is busy or shown). */
  idleFor(now: number, status: PageSyncStatus): number {
    const idle =
      this.page !== null &&
      this.page.replicaCount === 0 &&
      status.waiting === 0 &&
      status.state !== 'connecting';
    if (!idle) this.idleSince = null;
    else this.idleSince ??= now;
    return this.idleSince === null ? 0 : now - this.idleSince;
  }

  close(): void {
    this.closed = true;
    this.page?.destroy();
    this.page = null;
  }
}
