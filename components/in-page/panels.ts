import { readFrameMessage } from '../../lib/panel/frame-protocol';
import { draftFormName, type PanelTarget, panelKey } from '../../lib/panel/panel-link';
import { buttonOf } from './draft-badge';
import type { MountedControl } from './page-adapter';
import {
  canKeepFrames,
  mountPanelFrame,
  mountStandbyFrame,
  type PanelFrame,
  removePanelFrame,
  resizePanelFrame,
  retirePanelFrame,
  reusePanelFrame,
} from './panel-frame';

/**
 * The editor panels open on a page, at most one per entry (or section), each under its entry. A panel
 * talks to this controller only to size itself and to close; a message counts only when it comes from
 * that panel's own window and the extension's origin, and parses. Closing returns focus to the button
 * that opened the panel. One closed (or preloaded) panel frame is kept on standby, see panel-frame.ts.
 */
export interface PanelControllerOptions {
  window: Window;
  root: Element;
  /** The extension's origin (chrome-extension://<id>), the only one a panel message may come from. */
  extensionOrigin: string;
  panelUrl: (target: PanelTarget) => string;
  /** The panel page with nothing to show (a frame on standby). */
  standbyUrl: string;
  onClosed: (target: PanelTarget) => void;
}

interface OpenPanel {
  target: PanelTarget;
  control: MountedControl;
  frame: PanelFrame;
}

export class PanelController {
  private readonly open = new Map<string, OpenPanel>();
  private spare: PanelFrame | null = null;
  private readonly onMessage = (event: MessageEvent) => this.receive(event);

  constructor(private readonly options: PanelControllerOptions) {
    options.window.addEventListener('message', this.onMessage);
  }

  /** Loads the panel page ahead of a likely click (the pointer or focus is on an Edit button). */
  prepare(): void {
    if (this.spare || !canKeepFrames()) return;
    this.spare = mountStandbyFrame(this.options.root, this.options.standbyUrl);
  }

  /** Opens the target's panel under its control, or moves focus into it when it is open already. */
  toggle(target: PanelTarget, control: MountedControl): void {
    const key = panelKey(target);
    const existing = this.open.get(key);
    if (existing) {
      existing.frame.iframe.focus();
      return;
    }
    const url = this.options.panelUrl(target);
    const title = draftFormName(target);
    const spare = this.spare;
    this.spare = null;
    const frame = spare ?? mountPanelFrame(control.anchor, this.options.root, url, title);
    if (spare) reusePanelFrame(spare, control.anchor, this.options.root, url, title);
    this.open.set(key, { target, control, frame });
    buttonOf(control.host)?.setAttribute('aria-expanded', 'true');
    frame.iframe.focus();
  }

  close(key: string): void {
    const panel = this.open.get(key);
    if (!panel) return;
    this.open.delete(key);
    if (!this.spare && canKeepFrames()) {
      retirePanelFrame(panel.frame, this.options.standbyUrl);
      this.spare = panel.frame;
    } else {
      removePanelFrame(panel.frame);
    }
    const button = buttonOf(panel.control.host);
    button?.setAttribute('aria-expanded', 'false');
    button?.focus();
    this.options.onClosed(panel.target);
  }

  /** Removes every panel and stops listening (the extension was reloaded or the page is going). */
  destroy(): void {
    this.options.window.removeEventListener('message', this.onMessage);
    for (const panel of this.open.values()) removePanelFrame(panel.frame);
    if (this.spare) removePanelFrame(this.spare);
    this.open.clear();
    this.spare = null;
  }

  private receive(event: MessageEvent): void {
    if (event.origin !== this.options.extensionOrigin) return;
    const entry = [...this.open].find(([, panel]) => panel.frame.iframe.contentWindow === event.source);
    if (!entry) return;
    const message = readFrameMessage(event.data);
    if (!message) return;
    const [key, panel] = entry;
    if (message.type === 'size') resizePanelFrame(panel.frame, message.height);
    else if (message.type === 'close') this.close(key);
  }
}
