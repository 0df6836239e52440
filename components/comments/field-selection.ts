import { useEffect, useState } from 'react';
import { fieldDomId } from '../../lib/panel/field-problems';

/** A selection inside one of the draft form's fields: which parameter, and where in its value. */
export interface FieldSelection {
  param: string;
  start: number;
  end: number;
  value: string;
}

/**
 * Follows the text selected in the draft's fields (inputs and text areas of the form, found by the
 * ids the form gives them). Null when nothing is selected; the last selection stays while focus
 * moves to the `Comment` button (a click there must not lose what it comments on).
 */
export function useFieldSelection(params: readonly string[]): [FieldSelection | null, () => void] {
  const [selection, setSelection] = useState<FieldSelection | null>(null);
  const key = params.join('\u0000');
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for params
  useEffect(() => {
    const byId = new Map(params.map((param) => [fieldDomId(param), param]));
    const read = (element: EventTarget | null) => {
      if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) return;
      const param = byId.get(element.id);
      if (param === undefined) return;
      const start = element.selectionStart ?? 0;
      const end = element.selectionEnd ?? 0;
      setSelection(start < end ? { param, start, end, value: element.value } : null);
    };
    const onEvent = (event: Event) => read(event.target);
    const events = ['select', 'mouseup', 'keyup'] as const;
    for (const name of events) document.addEventListener(name, onEvent, true);
    // Text may have been selected before the comments document was in (this mounts only then).
    read(document.activeElement);
    return () => {
      for (const name of events) document.removeEventListener(name, onEvent, true);
    };
  }, [key]);
  return [selection, () => setSelection(null)];
}
