import { describeButton } from './button-description';

/**
 * The "Draft" badge on an entry's (or section's) button: visible text beside it, and the button's
 * description (aria-describedby, inside the same shadow root), while its accessible name stays as the
 * UI contract has it (`Edit project: <title>`).
 */
export interface BadgeState {
  /** The wiki page changed since the draft's base revision. */
  behind: boolean;
}

const BADGE_ID = 'project-desk-draft-badge';

export function buttonOf(host: Element): HTMLButtonElement | null {
  return host.shadowRoot?.querySelector('button') ?? null;
}

export function setDraftBadge(host: Element, state: BadgeState | null): void {
  const root = host.shadowRoot;
  const button = buttonOf(host);
  if (!root || !button) return;
  let badge = root.getElementById(BADGE_ID);
  if (state === null) {
    badge?.remove();
    describeButton(root, button);
    return;
  }
  if (!badge) {
    badge = host.ownerDocument.createElement('span');
    badge.id = BADGE_ID;
    badge.className = 'badge';
    button.after(badge);
  }
  badge.textContent = state.behind ? 'Draft · page changed since' : 'Draft';
  describeButton(root, button);
}
