import { createControlHost } from './control';

/**
 * The `Comment` button that appears at the end of a selection inside an entry: our own control in
 * its own shadow root, put right after the entry's block (so that Tab reaches it next from the entry)
 * and placed over the page absolutely, so that the page's layout does not move. Pressing it must not
 * take the selection away, so its mousedown is cancelled.
 */
export interface FloatingButton {
  /** Shows the button after `block`, at the end of `rect` (viewport coordinates). */
  show(block: Element, rect: DOMRect): void;
  hide(): void;
  readonly shown: boolean;
  remove(): void;
}

/** The viewport position of the box an absolutely placed element is positioned in. */
function containingOrigin(host: HTMLElement): { left: number; top: number } {
  const parent = host.offsetParent;
  const view = host.ownerDocument.defaultView;
  const positioned = parent && view && view.getComputedStyle(parent).position !== 'static';
  if (!parent || !positioned) return { left: -(view?.scrollX ?? 0), top: -(view?.scrollY ?? 0) };
  const box = parent.getBoundingClientRect();
  return {
    left: box.left + parent.clientLeft - parent.scrollLeft,
    top: box.top + parent.clientTop - parent.scrollTop,
  };
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
    show(block, rect) {
      if (host.previousElementSibling !== block) block.after(host);
      const origin = containingOrigin(host);
      host.style.left = `${Math.round(rect.right - origin.left)}px`;
      host.style.top = `${Math.round(rect.bottom - origin.top + 4)}px`;
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
