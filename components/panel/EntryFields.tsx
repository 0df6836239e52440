import type { DraftEntry } from '../../lib/collab/draft-entry';
import { fieldForParam, presentParamName, type SiteProfile } from '../../lib/model/profile';
import type { ProblemsByField } from '../../lib/panel/field-problems';
import { FieldInput } from './FieldInput';

/** The parameters a draft shows: every profile field (under the name the entry uses), then the others. */
export function shownParams(profile: SiteProfile, entry: DraftEntry): string[] {
  const fields = profile.fields.map((field) => presentParamName(field, entry.values) ?? field.param);
  const others = Object.keys(entry.values).filter((param) => !fieldForParam(profile, param));
  return [...fields, ...others];
}

interface EntryFieldsProps {
  profile: SiteProfile;
  entry: DraftEntry;
  problems: ProblemsByField;
  onChange: (param: string, value: string) => void;
}

/** One input per parameter, each labelled as the wiki renders it and with its problems under it. */
export function EntryFields({ profile, entry, problems, onChange }: EntryFieldsProps) {
  return (
    <div className="fields">
      {shownParams(profile, entry).map((param) => {
        const field = fieldForParam(profile, param) ?? null;
        return (
          <FieldInput
            key={param}
            param={param}
            field={field}
            value={entry.values[param] ?? ''}
            dateStyle={profile.dateStyle}
            problems={problems.byField.get(field?.param ?? param) ?? []}
            onChange={(value) => onChange(param, value)}
          />
        );
      })}
    </div>
  );
}
