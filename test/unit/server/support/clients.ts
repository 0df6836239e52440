import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

/**
 * Clients for the server tests and the benchmark: the real HocuspocusProvider (what the extension
 * uses) over `ws`, recording what the server told it; and a raw socket for hand-made frames.
 */

export interface ByteCounter {
  sent: number;
  frames: number;
}

export interface TestClient {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  readonly socket: HocuspocusProviderWebsocket;
  readonly events: {
    scope?: string;
    failure?: string;
    notices: string[];
    closes: { code: number; reason: string }[];
  };
  readonly bytes: ByteCounter;
  /** Connected, authenticated, and every local change acknowledged by the server. */
  synced(): boolean;
  destroy(): void;
}

export interface ClientOptions {
  doc?: Y.Doc;
  /** Share one socket between several documents (as the extension does). */
  socket?: HocuspocusProviderWebsocket;
  bytes?: ByteCounter;
}

/** A provider socket whose sent bytes are counted; quick retries (the tests restart servers under it). */
export function providerSocket(
  url: string,
  bytes: ByteCounter = { sent: 0, frames: 0 },
): HocuspocusProviderWebsocket {
  class CountingWebSocket extends WebSocket {
    override send(data: Parameters<WebSocket['send']>[0], ...rest: unknown[]): void {
      bytes.sent += (data as ArrayBufferView).byteLength;
      bytes.frames += 1;
      // @ts-expect-error ws's overloads: (data, cb) or (data, options, cb)
      super.send(data, ...rest);
    }
  }
  return new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: CountingWebSocket,
    delay: 50,
    minDelay: 50,
    maxDelay: 300,
    factor: 1.5,
  });
}

export function connectClient(
  url: string,
  name: string,
  token: string,
  options: ClientOptions = {},
): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const bytes = options.bytes ?? { sent: 0, frames: 0 };
  const socket = options.socket ?? providerSocket(url, bytes);
  const events: TestClient['events'] = { notices: [], closes: [] };
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token,
    onAuthenticated: ({ scope }) => {
      events.scope = scope;
    },
    onAuthenticationFailed: ({ reason }) => {
      events.failure = reason;
    },
    onStateless: ({ payload }) => {
      events.notices.push(payload);
    },
    onClose: ({ event }) => {
      events.closes.push({ code: event.code, reason: event.reason });
    },
  });
  provider.attach();
  return {
    doc,
    provider,
    socket,
    events,
    bytes,
    synced: () => provider.isAuthenticated && socket.status === 'connected' && provider.unsyncedChanges === 0,
    destroy: () => {
      provider.destroy();
      if (!options.socket) socket.destroy();
    },
  };
}

export interface RawSocket {
  readonly ws: WebSocket;
  readonly received: Uint8Array[];
  readonly closed: Promise<{ code: number; reason: string }>;
  send(bytes: Uint8Array): void;
}

export function rawSocket(url: string): Promise<RawSocket> {
  const ws = new WebSocket(url);
  const received: Uint8Array[] = [];
  ws.on('message', (data) => received.push(new Uint8Array(data as Buffer)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  // A server that cuts the socket may make the client side error (EPIPE/ECONNRESET): that is expected.
  ws.on('error', () => undefined);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, received, closed, send: (bytes) => ws.send(bytes) }));
    ws.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
  });
}

/** lib0's encoding, written out: varUint, varString, varUint8Array. */
export class FrameWriter {
  private readonly parts: number[] = [];

  varUint(value: number): this {
    let rest = value;
    while (rest > 0x7f) {
      this.parts.push((rest & 0x7f) | 0x80);
      rest = Math.floor(rest / 128);
    }
    this.parts.push(rest);
    return this;
  }

  bytes(bytes: Uint8Array): this {
    this.varUint(bytes.length);
    for (const byte of bytes) this.parts.push(byte);
    return this;
  }

  string(text: string): this {
    return this.bytes(new TextEncoder().encode(text));
  }

  done(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

export const authFrame = (document: string, token: string): Uint8Array =>
  new FrameWriter().string(document).varUint(2).varUint(0).string(token).string('4.7.0').done();

export const syncStep1Frame = (document: string, doc: Y.Doc): Uint8Array =>
  new FrameWriter().string(document).varUint(0).varUint(0).bytes(Y.encodeStateVector(doc)).done();

export const updateFrame = (document: string, update: Uint8Array): Uint8Array =>
  new FrameWriter().string(document).varUint(0).varUint(2).bytes(update).done();
