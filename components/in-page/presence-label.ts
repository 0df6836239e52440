import { presenceLabel } from '../../lib/messaging/presence-protocol';
import { describeButton } from './button-description';
import { buttonOf } from './draft-badge';

const PRESENCE_ID = 'project-desk-presence';

/** "Ada is editing" beside an entry's button (and part of its description), or nothing. */
export function setPresenceLabel(host: Element, names: readonly string[]): void {
  const root = host.shadowRoot;
  const button = buttonOf(host);
  if (!root || !button) return;
  let label = root.getElementById(PRESENCE_ID);
  const text = presenceLabel(names);
  if (text === '') {
    label?.remove();
  } else {
    if (!label) {
      label = host.ownerDocument.createElement('span');
      label.id = PRESENCE_ID;
      label.className = 'presence';
      root.append(label);
    }
    // textContent: names come from peers and are never markup.
    label.textContent = text;
  }
  describeButton(root, button);
}
