import { OWN_MARK } from '../../lib/adapter/page-text';

/**
 * The editor panel inside the wiki page: an iframe of the extension's panel page, in a closed shadow
 * root so the wiki's styles do not reach it and its scripts cannot find it by querying the DOM (they
 * could not read into it anyway: it has the extension's origin). Its height follows what the panel asks.
 *
 * Loading the panel page (a renderer for the extension's origin, React, Yjs, zod) is most of what
 * opening costs. So a closed panel's iframe is kept, hidden, on standby, and the next panel is that
 * iframe moved to its entry (Element.moveBefore keeps a moved iframe's document alive) and given the
 * new link in its URL fragment, which does not reload it. Browsers without moveBefore get a new iframe.
 */
const STYLE = `
:host { all: initial; display: block; margin: 0.5em 0 1em; }
:host([hidden]) { display: none; }
iframe { display: block; width: 100%; height: 360px; border: 0; color-scheme: normal; }`;

export interface PanelFrame {
  host: HTMLElement;
  /** What is placed in the page: the host, or the table row made around it. */
  placed: Element;
  iframe: HTMLIFrameElement;
  /** The panel page has loaded (a link given while it still loads would be lost). */
  loaded: boolean;
}

interface Movable {
  moveBefore(node: Node, child: Node | null): void;
}

/** Whether this browser can move an iframe without reloading it. */
export const canKeepFrames = (): boolean =>
  typeof (Element.prototype as Partial<Movable>).moveBefore === 'function';

/** Puts `host` into `parent` before `child`: moved (kept alive) when it is in the page already. */
function put(parent: Node, host: Element, child: Node | null): void {
  if (host.isConnected && canKeepFrames()) (parent as unknown as Movable).moveBefore(host, child);
  else parent.insertBefore(host, child);
}

/** Where a panel goes: right after the entry's block, or in a row of its own under a table row. */
function place(frame: PanelFrame, anchor: Element, root: Element): void {
  const previous = frame.placed;
  const row = anchor.closest('tr');
  if (row && root.contains(row)) {
    const wrapper = anchor.ownerDocument.createElement('tr');
    wrapper.setAttribute(OWN_MARK, 'panel-row');
    const cell = anchor.ownerDocument.createElement('td');
    cell.colSpan = 1000;
    wrapper.append(cell);
    row.after(wrapper);
    put(cell, frame.host, null);
    frame.placed = wrapper;
  } else {
    let block = anchor;
    while (block.parentElement && block.parentElement !== root && root.contains(block.parentElement)) {
      block = block.parentElement;
    }
    put(block.parentElement ?? root, frame.host, block.nextSibling);
    frame.placed = frame.host;
  }
  if (previous !== frame.placed && previous !== frame.host) previous.remove();
}

function createFrame(doc: Document, url: string, mark = 'panel'): PanelFrame {
  const host = doc.createElement('div');
  host.setAttribute(OWN_MARK, mark);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const iframe = doc.createElement('iframe');
  iframe.src = url;
  shadow.append(style, iframe);
  const frame: PanelFrame = { host, placed: host, iframe, loaded: false };
  iframe.addEventListener(
    'load',
    () => {
      frame.loaded = true;
    },
    { once: true },
  );
  return frame;
}

/** A new panel under `anchor`'s entry (`mark`: what the host is marked as, e.g. 'comments'). */
export function mountPanelFrame(
  anchor: Element,
  root: Element,
  url: string,
  title: string,
  mark = 'panel',
): PanelFrame {
  const frame = createFrame(anchor.ownerDocument, url, mark);
  frame.iframe.title = title;
  place(frame, anchor, root);
  return frame;
}

/** A hidden iframe loading the panel page ahead of the first click, at the end of the article. */
export function mountStandbyFrame(root: Element, url: string): PanelFrame {
  const frame = createFrame(root.ownerDocument, url);
  frame.host.hidden = true;
  root.append(frame.host);
  return frame;
}

/**
 * Moves a standby frame under `anchor`'s entry and gives it its link, without reloading it: at once
 * when its page has loaded, else as soon as it has (a fragment set during the load is lost).
 */
export function reusePanelFrame(
  frame: PanelFrame,
  anchor: Element,
  root: Element,
  url: string,
  title: string,
): void {
  place(frame, anchor, root);
  frame.iframe.title = title;
  frame.host.hidden = false;
  if (frame.loaded) frame.iframe.src = url;
  else
    frame.iframe.addEventListener(
      'load',
      () => {
        frame.iframe.src = url;
      },
      { once: true },
    );
}

/** Hides a closed panel's frame and sends its page to standby (its draft session ends). */
export function retirePanelFrame(frame: PanelFrame, standbyUrl: string): void {
  frame.host.hidden = true;
  frame.iframe.title = '';
  frame.iframe.src = standbyUrl;
}

export function removePanelFrame(frame: PanelFrame): void {
  frame.placed.remove();
  frame.host.remove();
}

export function resizePanelFrame(frame: PanelFrame, height: number): void {
  frame.iframe.style.height = `${Math.max(40, Math.ceil(height))}px`;
}
