import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_SYNC_SETTINGS,
  readSyncSettings,
  type SyncSettings,
  SyncSettingsSchema,
} from './sync-settings';

/**
 * The sync options, in the extension's own storage (the options page writes them, the background
 * reads them). Read back through readSyncSettings, so a corrupt record gives the defaults and a
 * logged reason instead of a background that cannot start.
 */
const syncItem = storage.defineItem<unknown>('local:sync', { fallback: null, version: 1 });

const read = (raw: unknown): SyncSettings => {
  const { settings, dropped } = readSyncSettings(raw);
  if (dropped) console.warn(`Project Desk: ignored the stored sync settings: ${dropped}`);
  return settings;
};

export async function loadSyncSettings(): Promise<SyncSettings> {
  return read(await syncItem.getValue());
}

export async function saveSyncSettings(settings: SyncSettings): Promise<void> {
  await syncItem.setValue(SyncSettingsSchema.parse(settings));
}

export function watchSyncSettings(onChange: (settings: SyncSettings) => void): () => void {
  return syncItem.watch((raw) => onChange(read(raw ?? DEFAULT_SYNC_SETTINGS)));
}
