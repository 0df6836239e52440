import * as Y from 'yjs';
import { bareProfile, type SiteProfile } from '../model/profile';
import type { DocStorage } from '../store/doc-storage';
import type { DraftIndex } from '../store/draft-index';
import type { IndexProblem } from './draft-indexer';
import { HubDoc } from './hub-doc';
import { type DocSource, ReplicaSession } from './hub-session';
import type { DraftPort } from './port';

/**
 * The background's owner of every draft document (DESIGN §3, "one owner per document"): each page's
 * Yjs document is opened once and shared by every tab and panel attached to it; every update is stored
 * before it is acknowledged and sent on to the other replicas at once. Later the sync provider attaches
 * here too, as one more subscriber of a document.
 *
 * The hub does not check who is on the other end of a port: the wiring accepts only ports from the
 * extension's own pages (runtime.onConnect's sender) before calling attach.
 */
export interface DraftHubOptions {
  storage: DocStorage;
  /** The drafts index to keep in step; without one, documents are stored but not indexed. */
  index?: DraftIndex;
  /** The site profile of a wiki, for the titles in the index (a bare profile when unknown). */
  profileFor?: (wiki: string) => SiteProfile;
  now?: () => number;
  /** Stored updates per document before it is compacted (y-indexeddb's 500 by default). */
  trimSize?: number;
  /** While typing, how often (ms) a draft's index record is rewritten for its time alone. */
  touchInterval?: number;
  onProblem?: (problem: IndexProblem) => void;
}

export class DraftHub implements DocSource {
  private readonly docs = new Map<string, Promise<HubDoc>>();
  private readonly sessions = new Set<ReplicaSession>();

  constructor(private readonly options: DraftHubOptions) {}

  /** Serves a replica over a port until it disconnects. */
  attach(port: DraftPort): void {
    const session = new ReplicaSession(this, port);
    this.sessions.add(session);
    port.onDisconnect(() => this.sessions.delete(session));
  }

  /** The document of that name, loaded from storage on first use and shared from then on. */
  doc(name: string): Promise<HubDoc> {
    const open = this.docs.get(name);
    if (open) return open;
    const opening = HubDoc.open(name, {
      storage: this.options.storage,
      index: this.options.index ?? null,
      profileFor: this.options.profileFor ?? (() => bareProfile('project')),
      now: this.options.now ?? Date.now,
      trimSize: this.options.trimSize,
      touchInterval: this.options.touchInterval ?? 1000,
      onProblem: this.options.onProblem ?? ((problem) => console.warn('Project Desk drafts:', problem)),
    });
    this.docs.set(name, opening);
    // A failed opening is forgotten, so the next request tries again.
    opening.catch(() => this.docs.delete(name));
    return opening;
  }

  /** A change by the background or dashboard (a status, an undo); resolves once it is stored. */
  async edit(name: string, change: (doc: Y.Doc) => void): Promise<void> {
    await (await this.doc(name)).edit(change);
  }

  /** The whole state of a document, as one update. */
  async encodeState(name: string): Promise<Uint8Array> {
    return Y.encodeStateAsUpdate((await this.doc(name)).doc);
  }

  /** Merges a state into a document (import); resolves once it is stored. */
  async merge(name: string, update: Uint8Array): Promise<void> {
    await (await this.doc(name)).merge(update);
  }

  openDocNames(): string[] {
    return [...this.docs.keys()];
  }

  /** Ends every session and closes every document (what a stopped service worker does not get to do). */
  async close(): Promise<void> {
    for (const session of this.sessions) session.end(true);
    this.sessions.clear();
    const docs = await Promise.allSettled(this.docs.values());
    this.docs.clear();
    for (const doc of docs) if (doc.status === 'fulfilled') await doc.value.close();
  }
}
