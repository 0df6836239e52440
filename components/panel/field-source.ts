import { createContext } from 'react';
import * as Y from 'yjs';
import { entriesMap } from '../../lib/collab/page-doc';

/**
 * Where the inputs of one draft entry hear about their field's value changing, synchronously, in the
 * same task as the change (React would render it a moment later). A change from another tab must be in
 * the input before the user's next keystroke is handled, or that keystroke would be applied to text
 * the user no longer sees, and the other tab's change would be written over.
 */
export interface FieldSource {
  watch(param: string, listener: (value: string) => void): () => void;
}

export function fieldSourceOf(doc: Y.Doc, entryId: string): FieldSource {
  return {
    watch(param, listener) {
      const onUpdate = () => {
        const value = entriesMap(doc).get(entryId)?.get(param);
        listener(value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : '');
      };
      doc.on('update', onUpdate);
      return () => doc.off('update', onUpdate);
    },
  };
}

export const FieldSourceContext = createContext<FieldSource | null>(null);
