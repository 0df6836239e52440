import { readCommentsFrameMessage } from '../../lib/comments/frame-link';
import { mountPanelFrame, type PanelFrame, removePanelFrame, resizePanelFrame } from './panel-frame';

/**
 * The comments frames open on a page, at most one per entry, each under its entry (placed as the
 * editor panel is). A frame's message counts only when it comes from that frame's window and the
 * extension's origin, and parses; it says the frame's height, that it closed, or that threads changed.
 */
export interface CommentsFramesOptions {
  window: Window;
  root: Element;
  extensionOrigin: string;
  onChanged: () => void;
  /** Where focus goes back to when an entry's frame closes. */
  returnFocus: (ordinal: number) => void;
}

export class CommentsFrames {
  private readonly open = new Map<number, PanelFrame>();
  private readonly onMessage = (event: MessageEvent) => this.receive(event);

  constructor(private readonly options: CommentsFramesOptions) {
    options.window.addEventListener('message', this.onMessage);
  }

  /** Opens the entry's frame under `anchor` at `url`, or gives the open one the new link (no reload). */
  show(ordinal: number, anchor: Element, url: string, title: string): void {
    const existing = this.open.get(ordinal);
    if (existing) {
      existing.iframe.src = url;
      existing.iframe.focus();
      return;
    }
    const frame = mountPanelFrame(anchor, this.options.root, url, title, 'comments');
    this.open.set(ordinal, frame);
    frame.iframe.focus();
  }

  close(ordinal: number): void {
    const frame = this.open.get(ordinal);
    if (!frame) return;
    this.open.delete(ordinal);
    removePanelFrame(frame);
    this.options.returnFocus(ordinal);
  }

  destroy(): void {
    this.options.window.removeEventListener('message', this.onMessage);
    for (const frame of this.open.values()) removePanelFrame(frame);
    this.open.clear();
  }

  private receive(event: MessageEvent): void {
    if (event.origin !== this.options.extensionOrigin) return;
    const entry = [...this.open].find(([, frame]) => frame.iframe.contentWindow === event.source);
    if (!entry) return;
    const message = readCommentsFrameMessage(event.data);
    if (!message) return;
    const [ordinal, frame] = entry;
    if (message.type === 'size') resizePanelFrame(frame, message.height);
    else if (message.type === 'close') this.close(ordinal);
    else this.options.onChanged();
  }
}
