import { useState } from 'react';
import type { DateStyle } from '../../lib/model/profile';
import type { ValidationProblem } from '../../lib/model/validation';
import { dateHint, settledDate } from '../../lib/panel/date-hint';
import { DateHintView } from './DateHintView';
import { FieldShell } from './FieldShell';
import { LineInput } from './LineInput';

interface DateInputProps {
  param: string;
  label: string;
  value: string;
  style: DateStyle;
  problems: readonly ValidationProblem[];
  onChange: (value: string) => void;
}

/**
 * A date as mentors type it (01/20/2014, 20 Jan 2014, 2014-01-20 …), read with the model's rules. The
 * hint says how it reads and what will be written; a date the user typed is written that way once they
 * leave the field. A date from the wiki is left as it is until someone changes it (minimal diffs).
 */
export function DateInput({ param, label, value, style, problems, onChange }: DateInputProps) {
  const [typed, setTyped] = useState(false);
  const change = (text: string) => {
    setTyped(true);
    onChange(text);
  };
  const settle = () => {
    if (!typed) return;
    const settled = settledDate(value, style);
    if (settled !== value) onChange(settled);
  };
  const reading = dateHint(value, style);
  // An unreadable date has its error under the field; there is nothing to add.
  const hint =
    reading.kind === 'unreadable' ? undefined : (
      <DateHintView hint={reading} typed={typed} onChoose={onChange} />
    );
  return (
    <FieldShell param={param} label={label} hint={hint} problems={problems}>
      {(control) => (
        <LineInput param={param} control={control} value={value} onChange={change} onBlur={settle} />
      )}
    </FieldShell>
  );
}
