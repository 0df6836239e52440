import { DraftHub } from '../drafts/hub';
import { bareProfile, type SiteProfile } from '../model/profile';
import type { WikiSettings } from '../settings/wikis';
import { ProjectDeskDb } from '../store/database';
import { IndexedDbDocStorage } from '../store/doc-storage';
import { DraftIndex } from '../store/draft-index';
import { SettingsStore } from '../store/settings-store';
import { StoredPendingDocs } from '../sync/pending-docs';
import { SyncManager } from '../sync/sync-manager';
import { profileForWiki } from './profiles';

/**
 * The background's draft services, created once per service-worker start and shared by everything
 * that serves drafts (the panel's port and requests, the dashboard's handlers): ONE hub owning every
 * page document, on the extension's own IndexedDB, and the drafts index beside it.
 */
export interface DraftServices {
  db: ProjectDeskDb;
  index: DraftIndex;
  hub: DraftHub;
  profiles: ProfileCache;
  /** Keeps the hub's open documents in step with the sync server (none until one is configured). */
  sync: SyncManager;
}

/**
 * The site profile of each enabled wiki, kept at hand: the hub asks for one synchronously (for a
 * draft's title in the index) and the wiki settings are read asynchronously.
 */
export class ProfileCache {
  private readonly byOrigin = new Map<string, SiteProfile>();

  update(wikis: readonly WikiSettings[]): void {
    this.byOrigin.clear();
    for (const wiki of wikis) this.byOrigin.set(wiki.origin, profileForWiki(wiki));
  }

  profileFor(wiki: string): SiteProfile {
    const origin = URL.canParse(wiki) ? new URL(wiki).origin : wiki;
    // Until the settings are read, a profile that finds the usual title parameters.
    return this.byOrigin.get(origin) ?? bareProfile('project');
  }
}

export interface DraftServicesOptions {
  /** Tests pass fake-indexeddb's; the browser's own by default. */
  indexedDB?: IDBFactory;
  databaseEnvironment?: ConstructorParameters<typeof ProjectDeskDb>[1];
}

export function createDraftServices(options: DraftServicesOptions = {}): DraftServices {
  const db = new ProjectDeskDb(undefined, options.databaseEnvironment);
  const index = new DraftIndex(db, (notice) =>
    console.warn('Project Desk: a stored draft record was set aside', notice),
  );
  const profiles = new ProfileCache();
  const hub = new DraftHub({
    storage: new IndexedDbDocStorage(options.indexedDB ?? globalThis.indexedDB),
    index,
    profileFor: (wiki) => profiles.profileFor(wiki),
  });
  const sync = new SyncManager({ hub, pending: new StoredPendingDocs(new SettingsStore(db)) });
  return { db, index, hub, profiles, sync };
}

let shared: DraftServices | null = null;

/** The one set of services of this service worker, created on first use. */
export function draftServices(): DraftServices {
  shared ??= createDraftServices();
  return shared;
}

/** Stops the services in the order they depend on each other: sync lets go of the hub's documents first. */
export async function closeDraftServices(services: DraftServices): Promise<void> {
  services.sync.destroy();
  await services.hub.close();
  services.db.close();
}
