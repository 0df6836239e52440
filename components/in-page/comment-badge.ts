/**
 * The open-comment count on an entry: a button beside its `Edit project:` button, in the same shadow
 * root (the Edit button's accessible name stays as the UI contract has it). It opens the entry's
 * threads.
 */
const BADGE_CLASS = 'comments-badge';

const countText = (open: number): string => `${open} ${open === 1 ? 'comment' : 'comments'}`;

/** The badge button's accessible name. */
export const commentBadgeName = (open: number, title: string): string => `${countText(open)} on ${title}`;

export function setCommentBadge(host: Element, open: number, title: string, onOpen: () => void): void {
  const root = host.shadowRoot;
  if (!root) return;
  let badge = root.querySelector<HTMLButtonElement>(`button.${BADGE_CLASS}`);
  if (open <= 0) {
    badge?.remove();
    return;
  }
  if (!badge) {
    badge = host.ownerDocument.createElement('button');
    badge.type = 'button';
    badge.className = `secondary ${BADGE_CLASS}`;
    badge.style.marginInlineStart = '4px';
    badge.addEventListener('click', (event) => {
      event.preventDefault();
      onOpen();
    });
    root.append(badge);
  }
  badge.textContent = countText(open);
  badge.setAttribute('aria-label', commentBadgeName(open, title));
}
