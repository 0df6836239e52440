import { useLayoutEffect } from 'react';
import type { ControlProps } from './FieldShell';
import { useBoundText } from './use-bound-text';

const GROWS_BY_ITSELF = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content');

/** Multi-line wikitext: monospace, growing with its content (CSS field-sizing, or by measuring). */
export function WikitextInput({
  param,
  control,
  value,
  onChange,
}: {
  param: string;
  control: ControlProps;
  value: string;
  onChange: (value: string) => void;
}) {
  const bound = useBoundText<HTMLTextAreaElement>(param, value, onChange);
  const { ref } = bound;
  useLayoutEffect(() => {
    const element = ref.current;
    if (GROWS_BY_ITSELF || !element || element.value !== value) return;
    element.style.height = 'auto';
    element.style.height = `${element.scrollHeight + 2}px`;
  }, [ref, value]);
  return <textarea className="wikitext" rows={2} spellCheck {...control} {...bound} />;
}
