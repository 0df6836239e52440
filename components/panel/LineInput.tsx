import type { ControlProps } from './FieldShell';
import { useBoundText } from './use-bound-text';

interface LineInputProps {
  param: string;
  control: ControlProps;
  value: string;
  onChange: (value: string) => void;
  list?: string;
  onBlur?: () => void;
}

/** A single-line text input bound to a draft field. */
export function LineInput({ param, control, value, onChange, list, onBlur }: LineInputProps) {
  const bound = useBoundText<HTMLInputElement>(param, value, onChange);
  return <input type="text" autoComplete="off" {...control} {...bound} list={list} onBlur={onBlur} />;
}
