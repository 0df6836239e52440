import type { DraftEntry } from '../../lib/collab/draft-entry';
import { fieldValue, type SiteProfile } from '../../lib/model/profile';

/** The draft as text, when the wiki cannot render it (offline): each field under its label. */
export function PlainPreview({ profile, entry }: { profile: SiteProfile; entry: DraftEntry }) {
  return (
    <dl className="plain-preview">
      {profile.fields.map((field) => {
        const value = fieldValue(field, entry.values);
        return (
          <div key={field.param}>
            <dt>{field.label}</dt>
            <dd>{value === '' ? (field.emptyText ?? '—') : value}</dd>
          </div>
        );
      })}
    </dl>
  );
}
