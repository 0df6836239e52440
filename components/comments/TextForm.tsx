import { useId, useState } from 'react';

/**
 * A labelled text box with its submit and cancel buttons: a new comment, a reply, an edit. Submitting
 * keeps the text when the operation refused it (the reason is shown by the caller).
 */
export function TextForm({
  label,
  submit,
  initial = '',
  onSubmit,
  onCancel,
}: {
  label: string;
  submit: string;
  initial?: string;
  onSubmit: (text: string) => boolean;
  onCancel: () => void;
}) {
  const id = useId();
  const [text, setText] = useState(initial);
  return (
    <form
      className="text-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (onSubmit(text)) setText('');
      }}
    >
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        value={text}
        rows={3}
        // biome-ignore lint/a11y/noAutofocus: the box was opened by the reviewer's own click
        autoFocus
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onCancel();
          }
        }}
      />
      <p className="form-actions">
        <button type="submit">{submit}</button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </form>
  );
}
