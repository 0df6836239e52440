import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { DraftEntry } from '../../lib/collab/draft-entry';
import { readDraftEntry } from '../../lib/collab/read-entry';

export type EntryRead = { ok: true; entry: DraftEntry } | { ok: false; reason: string };

function read(doc: Y.Doc, entryId: string): EntryRead {
  const result = readDraftEntry(doc, entryId);
  return result.ok ? { ok: true, entry: result.value } : { ok: false, reason: result.reason };
}

/** The entry's current values and meta, read again after every change of the document (local or not). */
export function useDraftEntry(doc: Y.Doc, entryId: string): EntryRead {
  const [entry, setEntry] = useState(() => read(doc, entryId));
  useEffect(() => {
    const onUpdate = () => setEntry(read(doc, entryId));
    doc.on('update', onUpdate);
    onUpdate();
    return () => doc.off('update', onUpdate);
  }, [doc, entryId]);
  return entry;
}
