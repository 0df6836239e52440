import { createControlHost } from './control';

/**
 * The `Comment` button that appears at the end of a selection inside an entry: our own control in
 * its own shadow root, placed over the page (absolutely, in document coordinates) so that the page's
 * layout does not move. Pressing it must not take the selection away, so its mousedown is cancelled.
 */
export interface FloatingButton {
  /** Shows the button at the end of `rect` (viewport coordinates). */
  show(rect: DOMRect): void;
  hide(): void;
  readonly shown: boolean;
  remove(): void;
}

export function createCommentButton(doc: Document, onClick: () => void): FloatingButton {
  const { host, root } = createControlHost(doc, 'comment');
  host.style.position = 'absolute';
  host.style.zIndex = '2147483646';
  host.style.margin = '0';
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = 'Comment';
  button.addEventListener('mousedown', (event) => event.preventDefault());
  button.addEventListener('click', (event) => {
    event.preventDefault();
    onClick();
  });
  root.append(button);
  let shown = false;
  return {
    show(rect) {
      const view = doc.defaultView;
      host.style.left = `${Math.round(rect.right + (view?.scrollX ?? 0))}px`;
      host.style.top = `${Math.round(rect.bottom + (view?.scrollY ?? 0) + 4)}px`;
      if (!host.isConnected) doc.body.append(host);
      shown = true;
    },
    hide() {
      host.remove();
      shown = false;
    },
    get shown() {
      return shown;
    },
    remove() {
      host.remove();
      shown = false;
    },
  };
}
