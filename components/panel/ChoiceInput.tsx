import { fieldDomId } from '../../lib/panel/field-problems';
import type { ControlProps } from './FieldShell';
import { LineInput } from './LineInput';

/** Free text with the profile's usual values offered (a native combobox: input + datalist). */
export function ChoiceInput({
  param,
  control,
  value,
  suggestions,
  onChange,
}: {
  param: string;
  control: ControlProps;
  value: string;
  suggestions: readonly string[];
  onChange: (value: string) => void;
}) {
  const listId = fieldDomId(param, 'suggestions');
  return (
    <>
      <LineInput param={param} control={control} value={value} onChange={onChange} list={listId} />
      <datalist id={listId}>
        {suggestions.map((suggestion) => (
          <option key={suggestion} value={suggestion} />
        ))}
      </datalist>
    </>
  );
}
