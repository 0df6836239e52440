import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { type LostOverwrite, watchLostOverwrites } from '../../lib/collab/overwrite-watch';

/** Our values of this entry that a concurrent write elsewhere replaced, until the user decides. */
export function useLostOverwrites(doc: Y.Doc, entryId: string) {
  const [lost, setLost] = useState<LostOverwrite[]>([]);
  useEffect(
    () =>
      watchLostOverwrites(doc, (item) => {
        if (item.entryId !== entryId) return;
        setLost((list) => [...list.filter((other) => other.param !== item.param), item]);
      }),
    [doc, entryId],
  );
  const dismiss = (item: LostOverwrite) => setLost((list) => list.filter((other) => other !== item));
  return { lost, dismiss };
}
