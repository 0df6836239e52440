import { useCallback, useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { type LostOverwrite, watchLostOverwrites } from '../../lib/collab/overwrite-watch';

const sameLoss = (a: LostOverwrite, b: LostOverwrite) =>
  a.entryId === b.entryId && a.param === b.param && a.ours === b.ours && a.theirs === b.theirs;

/**
 * Our values of this entry that a concurrent write elsewhere replaced, until the user decides. The
 * replica sees losses of what this panel typed; the background (`add`) reports this device's losses
 * against the sync server. One loss told by both is listed once.
 */
export function useLostOverwrites(doc: Y.Doc, entryId: string) {
  const [lost, setLost] = useState<LostOverwrite[]>([]);
  const add = useCallback(
    (item: LostOverwrite) => {
      if (item.entryId !== entryId) return;
      const clean = { entryId: item.entryId, param: item.param, ours: item.ours, theirs: item.theirs };
      setLost((list) =>
        list.some((other) => sameLoss(other, clean))
          ? list
          : [...list.filter((other) => other.param !== clean.param), clean],
      );
    },
    [entryId],
  );
  useEffect(() => watchLostOverwrites(doc, add), [doc, add]);
  const dismiss = (item: LostOverwrite) => setLost((list) => list.filter((other) => other !== item));
  return { lost, add, dismiss };
}
