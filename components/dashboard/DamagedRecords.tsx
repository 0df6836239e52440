import type { QuarantineRecord } from '../../lib/store/records';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A short, safe view of what a damaged record held (rendered as text, never as HTML). */
function preview(raw: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(raw) ?? String(raw);
  } catch {
    text = String(raw);
  }
  return text.length > 240 ? `${text.slice(0, 240)}…` : text;
}

/**
 * Records that did not read back (a buggy build, damaged storage, a failed upgrade), set aside by the
 * store with the reason. They are listed, never hidden: the user should know something is missing.
 */
export function DamagedRecords({ records }: { records: QuarantineRecord[] }) {
  if (records.length === 0) return null;
  return (
    <section aria-labelledby="damaged-heading">
      <h2 id="damaged-heading">Damaged records</h2>
      <p className="hint">
        These records could not be read back, so they are kept aside instead of being shown as drafts.
      </p>
      <ul className="plain" aria-label="Damaged records">
        {records.map((record) => (
          <li key={record.id} aria-label={`Damaged record ${record.key}`}>
            <strong>
              {record.table} {record.key}
            </strong>{' '}
            <span className="hint">
              set aside{' '}
              <time dateTime={new Date(record.quarantinedAt).toISOString()}>
                {timeFormat.format(record.quarantinedAt)}
              </time>
            </span>
            <p className="error">Damaged: {record.reason}</p>
            <code className="raw">{preview(record.raw)}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
