import { parseMessage } from '../drafts/messages';
import type { DraftPort } from '../drafts/port';
import {
  type BackgroundSyncMessage,
  BackgroundSyncMessageSchema,
  type PanelSyncMessage,
} from '../sync/messages';
import type { PresenceFocus } from '../sync/presence';

/**
 * The panel's end of the sync port (lib/sync/messages.ts): watches one document and reports where the
 * caret is. A stopped service worker takes the port with it; a new one is opened then (at once the
 * first time, backing off while it keeps failing), and `watch` and the current focus are sent again.
 */
export interface SyncLinkOptions {
  doc: string;
  connect: () => DraftPort;
  onMessage: (message: BackgroundSyncMessage) => void;
  delays?: readonly number[];
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

const DEFAULT_DELAYS = [0, 200, 1000, 3000];

export class SyncLink {
  private port: DraftPort | null = null;
  private focus: PresenceFocus | null = null;
  private failures = 0;
  private timer: unknown = null;
  private stopped = false;

  constructor(private readonly options: SyncLinkOptions) {
    this.open();
  }

  /** Where this panel's caret is now (null: it left the form). Sent only when it changed. */
  setFocus(focus: PresenceFocus | null): void {
    if (JSON.stringify(focus) === JSON.stringify(this.focus)) return;
    this.focus = focus;
    this.send({ type: 'focus', doc: this.options.doc, focus });
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    const port = this.port;
    this.port = null;
    try {
      port?.disconnect();
    } catch {
      // Already gone with the worker.
    }
  }

  private open(): void {
    this.timer = null;
    if (this.stopped) return;
    let port: DraftPort;
    try {
      port = this.options.connect();
    } catch {
      this.retry();
      return;
    }
    this.port = port;
    port.onMessage((raw) => {
      const parsed = parseMessage(BackgroundSyncMessageSchema, raw);
      if (!parsed.ok) return;
      this.failures = 0;
      this.options.onMessage(parsed.message);
    });
    port.onDisconnect(() => {
      if (this.port !== port) return;
      this.port = null;
      this.retry();
    });
    this.send({ type: 'watch', doc: this.options.doc });
    if (this.focus) this.send({ type: 'focus', doc: this.options.doc, focus: this.focus });
  }

  private retry(): void {
    if (this.stopped || this.timer !== null) return;
    const delays = this.options.delays ?? DEFAULT_DELAYS;
    const delay = delays[Math.min(this.failures, delays.length - 1)] ?? 0;
    this.failures++;
    this.timer = (this.options.setTimer ?? ((run, ms) => setTimeout(run, ms)))(() => this.open(), delay);
  }

  private clearTimer(timer: unknown): void {
    (this.options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>)))(timer);
  }

  private send(message: PanelSyncMessage): void {
    try {
      this.port?.postMessage(message);
    } catch {
      // The port died with the worker: onDisconnect reconnects and sends watch and focus again.
    }
  }
}
