import type { DateStyle, Field } from '../../lib/model/profile';
import type { ValidationProblem } from '../../lib/model/validation';
import { ChoiceInput } from './ChoiceInput';
import { DateInput } from './DateInput';
import { FieldShell } from './FieldShell';
import { LineInput } from './LineInput';
import { WikitextInput } from './WikitextInput';

interface FieldInputProps {
  /** The parameter as the draft holds it (a field's canonical name, an alias, or an unknown one). */
  param: string;
  /** The profile's field, or null for a parameter the profile does not know. */
  field: Field | null;
  value: string;
  dateStyle: DateStyle;
  problems: readonly ValidationProblem[];
  onChange: (value: string) => void;
}

/** The input a field's kind calls for, labelled as the wiki renders it. */
export function FieldInput({ param, field, value, dateStyle, problems, onChange }: FieldInputProps) {
  const label = field?.label ?? param;
  const kind = field?.kind ?? (value.includes('\n') ? 'wikitext' : 'line');
  if (kind === 'date')
    return (
      <DateInput
        param={param}
        label={label}
        value={value}
        style={dateStyle}
        problems={problems}
        onChange={onChange}
      />
    );
  const suggestions =
    kind === 'yesno' && field?.suggestedValues.length === 0 ? ['Yes', 'No'] : (field?.suggestedValues ?? []);
  return (
    <FieldShell param={param} label={label} problems={problems}>
      {(control) =>
        kind === 'wikitext' ? (
          <WikitextInput param={param} control={control} value={value} onChange={onChange} />
        ) : suggestions.length > 0 ? (
          <ChoiceInput
            param={param}
            control={control}
            value={value}
            suggestions={suggestions}
            onChange={onChange}
          />
        ) : (
          <LineInput param={param} control={control} value={value} onChange={onChange} />
        )
      }
    </FieldShell>
  );
}
