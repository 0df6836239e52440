import * as Y from 'yjs';
import { entriesMap } from './page-doc';

/**
 * Noticing that a collaborator's concurrent write replaced ours. Yjs settles two concurrent writes of
 * one map key by client id, not by time, so the value a user just typed can silently lose against an
 * older one. We remember the item of our latest local write per field; when a remote change makes
 * another item current, we look at how that item was written: every Y.Map item records the value its
 * writer saw as current (its origin). If our item is among the winner's origins, the writer saw our
 * value and replaced it on purpose (an ordinary later edit); if not, they wrote without seeing it, and
 * our value was lost to a conflict. That is reported with our value, for the UI to offer it again.
 */
export interface LostOverwrite {
  entryId: string;
  param: string;
  /** What we had written. */
  ours: string;
  /** What the field holds now. */
  theirs: string;
}

interface OwnWrite {
  id: Y.ID;
  value: string;
}

const contains = (struct: Y.AbstractStruct, id: Y.ID): boolean =>
  struct.id.client === id.client && struct.id.clock <= id.clock && id.clock < struct.id.clock + struct.length;

/** Whether `item` was written by someone who had seen the item `id` (directly or through later writes). */
function writtenAfter(doc: Y.Doc, item: Y.Item, id: Y.ID): boolean {
  let origin = item.origin;
  while (origin !== null) {
    const struct = Y.getItem(doc.store, origin);
    if (contains(struct, id)) return true;
    if (!(struct instanceof Y.Item)) return false;
    origin = struct.origin;
  }
  return false;
}

function valueText(item: Y.Item | undefined): string {
  if (!item || item.deleted) return '';
  const [value] = item.content.getContent();
  return value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : '';
}

/** Watches a replica's document; returns a function that stops watching. */
export function watchLostOverwrites(doc: Y.Doc, onLost: (lost: LostOverwrite) => void): () => void {
  const ownWrites = new Map<string, OwnWrite>();
  const keyOf = (entryId: string, param: string): string => JSON.stringify([entryId, param]);

  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction): void => {
    for (const event of events) {
      const [entryId, param] = event.path.map(String);
      if (entryId === undefined) continue;
      if (event.target instanceof Y.Text && param !== undefined && transaction.local) {
        const item = event.target._item;
        if (item) ownWrites.set(keyOf(entryId, param), { id: item.id, value: event.target.toString() });
      }
      if (!(event.target instanceof Y.Map) || param !== undefined) continue;
      const fields = event.target as Y.Map<unknown>;
      for (const key of event.changes.keys.keys()) {
        const current = fields._map.get(key);
        if (current === undefined) continue;
        if (transaction.local) {
          if (!current.deleted)
            ownWrites.set(keyOf(entryId, key), { id: current.id, value: valueText(current) });
          continue;
        }
        const own = ownWrites.get(keyOf(entryId, key));
        if (!own || (contains(current, own.id) && !current.deleted)) continue;
        ownWrites.delete(keyOf(entryId, key));
        if (contains(current, own.id) || !writtenAfter(doc, current, own.id)) {
          onLost({ entryId, param: key, ours: own.value, theirs: valueText(current) });
        }
      }
    }
  };
  const entries = entriesMap(doc);
  entries.observeDeep(observer);
  return () => entries.unobserveDeep(observer);
}
