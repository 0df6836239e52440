import { type FormEvent, useContext, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { mapSelection } from '../../lib/panel/selection';
import { FieldSourceContext } from './field-source';

type TextElement = HTMLInputElement | HTMLTextAreaElement;

/** Puts a value that came from elsewhere into the element, keeping the caret where it belongs. */
function showValue(element: TextElement, value: string): void {
  const before = element.value;
  if (before === value) return;
  if (element.ownerDocument.activeElement !== element) {
    element.value = value;
    return;
  }
  const selection = mapSelection(
    { start: element.selectionStart ?? before.length, end: element.selectionEnd ?? before.length },
    before,
    value,
  );
  element.value = value;
  element.setSelectionRange(selection.start, selection.end);
}

/**
 * Binds a text input to a draft field that others change too. The element is uncontrolled (React never
 * rewrites what the user is typing): a change from another tab is put in synchronously as it arrives
 * (see field-source.ts), a change React renders (a settled date, "Use mine") by the layout effect.
 */
export function useBoundText<T extends TextElement>(
  param: string,
  value: string,
  onChange: (value: string) => void,
) {
  const ref = useRef<T>(null);
  const source = useContext(FieldSourceContext);
  // The first value only: later ones are put in by showValue, never by React.
  const [initial] = useState(value);
  useLayoutEffect(() => {
    if (ref.current) showValue(ref.current, value);
  }, [value]);
  useEffect(
    () =>
      source?.watch(param, (next) => {
        if (ref.current) showValue(ref.current, next);
      }),
    [source, param],
  );
  return {
    ref,
    defaultValue: initial,
    onInput: (event: FormEvent<T>) => onChange(event.currentTarget.value),
  };
}
