import { storage } from 'wxt/utils/storage';
import { newDeviceAuthorId } from '../comments/identity';

/** This device's comment author id, made on first use and kept in the extension's own storage. */
const authorIdItem = storage.defineItem<string | null>('local:commentAuthorId', { fallback: null });

let made: Promise<string> | null = null;

export function deviceAuthorId(): Promise<string> {
  made ??= (async () => {
    const stored = await authorIdItem.getValue();
    if (typeof stored === 'string' && /^device:[0-9a-f-]{36}$/.test(stored)) return stored;
    const id = newDeviceAuthorId();
    await authorIdItem.setValue(id);
    return id;
  })();
  made.catch(() => {
    made = null;
  });
  return made;
}

/** The names of the IndexedDB databases of this origin (every stored Yjs document is one). */
export async function storedDatabaseNames(): Promise<string[]> {
  const databases = await globalThis.indexedDB.databases();
  return databases.flatMap((database) => (database.name ? [database.name] : []));
}
