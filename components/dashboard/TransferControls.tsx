import { type ChangeEvent, useId } from 'react';

/**
 * `Export` (every draft to a JSON file) and `Import drafts` (a file input). The file is read here and
 * checked in the background, where an invalid one is refused before anything is written.
 */
export function TransferControls({
  onExport,
  onImport,
}: {
  onExport: () => void;
  onImport: (text: string, name: string) => void;
}) {
  const inputId = useId();

  async function chosen(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    // Cleared, so that choosing the same file again (after fixing it) fires another change.
    input.value = '';
    onImport(text, file.name);
  }

  return (
    <div className="transfer">
      <button type="button" onClick={onExport}>
        Export
      </button>
      <span className="import">
        <label htmlFor={inputId}>Import drafts</label>
        <input id={inputId} type="file" accept="application/json,.json" onChange={chosen} />
      </span>
    </div>
  );
}
