export const READ_ONLY_NOTE = 'project-desk-read-only-note';

/** Why the form cannot be changed: the access token's role (a reviewer, a viewer) may only read drafts. */
export function ReadOnlyNote() {
  return (
    <p id={READ_ONLY_NOTE} className="read-only-note">
      Read only: your access token’s role may read this page’s drafts but not change them (a reviewer may
      comment only).
    </p>
  );
}
