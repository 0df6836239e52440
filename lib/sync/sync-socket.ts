import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { ConnectionWatch, type WatchTiming } from './connection-watch';
import { type FrameHead, readFrameHead } from './wire';

/**
 * The one WebSocket to a sync server that every page document shares (Hocuspocus multiplexes
 * documents over it; DESIGN §3: one sync connection for all tabs). Its WebSocket class is tapped, so
 * that every frame sent and received is seen by the connection watch (silence, probes) and routed by
 * document name to that page's waiting ledger.
 */

/** What the sync layer needs of a WebSocket class: the browser's own, or `ws` in Node. */
export interface WebSocketLike {
  send(data: unknown): void;
  addEventListener(type: string, listener: (event: unknown) => void): void;
}
// biome-ignore lint/suspicious/noExplicitAny: a class to extend must have a constructor taking any[] (TS2545)
export type WebSocketClass = new (...args: any[]) => WebSocketLike;

export interface RetryTiming {
  /** First delay after a failed attempt, and the least one (ms). */
  delay: number;
  /** Backoff cap: a few seconds, so a server that is back is found quickly. */
  maxDelay: number;
}

export const DEFAULT_RETRY: RetryTiming = { delay: 250, maxDelay: 2000 };

export interface FrameRoute {
  sent(frame: FrameHead): void;
  received(frame: FrameHead): void;
}

export interface SyncSocketOptions {
  url: string;
  WebSocketPolyfill: WebSocketClass;
  watch: WatchTiming;
  retry: RetryTiming;
  isOnline: () => boolean | undefined;
  now: () => number;
  /** Something the server answers; false when no document can send it yet. */
  probe: () => boolean;
  onChange: () => void;
}

/** A subclass of the WebSocket class that shows `onSend` every frame before sending it. */
export function tappedWebSocket(Base: WebSocketClass, onSend: (data: unknown) => void): WebSocketClass {
  return class TappedWebSocket extends Base {
    // biome-ignore lint/suspicious/noExplicitAny: forwards whatever the base class takes
    constructor(...args: any[]) {
      super(...args);
      // `ws` (Node) throws an 'error' event nobody listens to; the provider removes its own listeners
      // from a socket it drops, and the browser's WebSocket ignores this one.
      this.addEventListener('error', () => undefined);
    }

    override send(data: unknown): void {
      onSend(data);
      super.send(data);
    }
  };
}

/** The same without a tap: only the guard against unheard 'error' events. */
export const quietWebSocket = (Base: WebSocketClass): WebSocketClass =>
  tappedWebSocket(Base, () => undefined);

export class SyncSocket {
  readonly provider: HocuspocusProviderWebsocket;
  readonly watch: ConnectionWatch;
  private readonly routes = new Map<string, FrameRoute>();

  constructor(options: SyncSocketOptions) {
    const onSend = (data: unknown) => {
      this.watch?.sent(data);
      const head = readFrameHead(data);
      if (head) this.routes.get(head.documentName)?.sent(head);
    };
    this.provider = new HocuspocusProviderWebsocket({
      url: options.url,
      WebSocketPolyfill: tappedWebSocket(options.WebSocketPolyfill, onSend),
      delay: options.retry.delay,
      minDelay: options.retry.delay,
      maxDelay: options.retry.maxDelay,
      factor: 2,
      jitter: true,
      initialDelay: 0,
    });
    this.provider.on('message', (event: { data: unknown }) => {
      const head = readFrameHead(event.data);
      if (head) this.routes.get(head.documentName)?.received(head);
    });
    this.watch = new ConnectionWatch(this.provider, {
      timing: options.watch,
      isOnline: options.isOnline,
      probe: options.probe,
      now: options.now,
      onChange: options.onChange,
    });
  }

  get connected(): boolean {
    return this.provider.status === 'connected';
  }

  /** Routes the frames of one server document; returns the function that stops it. */
  route(documentName: string, route: FrameRoute): () => void {
    this.routes.set(documentName, route);
    return () => {
      if (this.routes.get(documentName) === route) this.routes.delete(documentName);
    };
  }

  destroy(): void {
    this.watch.destroy();
    this.routes.clear();
    this.provider.destroy();
  }
}
