/**
 * An entry button's description (aria-describedby) is made of the labels beside it in its shadow root
 * (the "Draft" badge, who is editing), in this order, so that each label can come and go on its own
 * while the button's accessible name stays `Edit project: <title>`.
 */
export const DESCRIPTION_IDS = ['project-desk-draft-badge', 'project-desk-presence'] as const;

export function describeButton(root: ShadowRoot, button: HTMLButtonElement): void {
  const ids = DESCRIPTION_IDS.filter((id) => root.getElementById(id) !== null);
  if (ids.length === 0) button.removeAttribute('aria-describedby');
  else button.setAttribute('aria-describedby', ids.join(' '));
}
