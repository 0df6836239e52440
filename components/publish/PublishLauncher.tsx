import { useRef, useState } from 'react';
import { PublishDialog } from './PublishDialog';
import type { PublishTarget } from './use-publish';

/** The `Publish to wiki` button and the dialog it opens; closing it gives focus back to the button. */
export function PublishLauncher({ target }: { target: PublishTarget }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        Publish to wiki
      </button>
      {open ? <PublishDialog target={target} onClose={close} /> : null}
    </>
  );
}
