import { fromRuntimePort } from '../drafts/port';
import type { SyncSettings } from '../settings/sync-settings';
import { SYNC_PORT_NAME, serveSyncPort } from '../sync/messages';
import type { SyncManager } from '../sync/sync-manager';
import type { IncomingPort } from './panel-wiring';
import { isOwnExtensionPage } from './senders';

/**
 * The background's side of sync (lib/sync/README.md): the options from storage, applied at start and on
 * every change; documents with changes waiting opened again when the worker starts and once a minute
 * (an alarm wakes a stopped worker, so offline edits go out without a click); and the panels' sync port.
 */
export const SYNC_RESUME_ALARM = 'project-desk-sync-resume';

export interface SettingsSource {
  load(): Promise<SyncSettings>;
  watch(onChange: (settings: SyncSettings) => void): () => void;
}

/** The part of browser.alarms this needs. */
export interface AlarmsLike {
  create(name: string, info: { periodInMinutes: number }): unknown;
  onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
}

export interface SyncStartDeps {
  sync: SyncManager;
  settings: SettingsSource;
  alarms: AlarmsLike;
  onProblem?: (problem: string) => void;
}

/** Starts sync with the stored options; resolves once they are applied and pending documents reopened. */
export function startSync(deps: SyncStartDeps): Promise<void> {
  const { sync, settings, alarms } = deps;
  const report = deps.onProblem ?? ((problem: string) => console.warn('Project Desk sync:', problem));
  deps.settings.watch((changed) => sync.configure(changed));
  const started = settings
    .load()
    .then((loaded) => {
      sync.configure(loaded);
      return sync.resume();
    })
    .catch((error: unknown) => report(`could not start: ${String(error)}`));
  // Listeners first, at the top of the worker's start: an alarm that woke it is delivered then.
  alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== SYNC_RESUME_ALARM) return;
    started.then(() => sync.resume()).catch((error: unknown) => report(`could not resume: ${String(error)}`));
  });
  alarms.create(SYNC_RESUME_ALARM, { periodInMinutes: 1 });
  return started;
}

/**
 * Serves a panel's sync port, or refuses it (disconnecting it) unless it comes from one of our own
 * pages, as the drafts port is. Returns whether the port was ours to judge.
 */
export function acceptSyncPort(
  port: IncomingPort,
  deps: { sync: SyncManager; ownId: string; extensionOrigin: string; newId?: () => string },
): boolean {
  if (port.name !== SYNC_PORT_NAME) return false;
  if (!isOwnExtensionPage(port.sender ?? {}, deps.ownId, deps.extensionOrigin)) {
    port.disconnect();
    return true;
  }
  serveSyncPort(deps.sync, fromRuntimePort(port), (deps.newId ?? (() => crypto.randomUUID()))());
  return true;
}
