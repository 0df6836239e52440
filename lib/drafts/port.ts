/**
 * The one thing the hub and a replica need from a connection: send, receive, notice its end, end it.
 * A chrome.runtime / browser.runtime Port fits through fromRuntimePort; tests use an in-memory pair.
 * Such a port carries JSON only (Chrome serialises messages as JSON), hence base64 in messages.ts.
 */
export interface DraftPort {
  postMessage(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called when the other side disconnects (or goes away: a closed tab, a stopped service worker). */
  onDisconnect(listener: () => void): void;
  disconnect(): void;
}

/** The part of a WebExtension runtime Port we use, typed structurally so lib/ needs no browser types. */
export interface RuntimePortLike {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

export function fromRuntimePort(port: RuntimePortLike): DraftPort {
  return {
    postMessage: (message) => port.postMessage(message),
    onMessage: (listener) => port.onMessage.addListener((message) => listener(message)),
    onDisconnect: (listener) => port.onDisconnect.addListener(() => listener()),
    disconnect: () => port.disconnect(),
  };
}
