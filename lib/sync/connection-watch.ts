import type { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { closeCodeProblem, type SocketPhase } from './status';
import { MessageType, readFrameHead } from './wire';

/**
 * Knowing within seconds that the connection is gone (DESIGN §4). A dropped network rarely closes a
 * WebSocket: frames just stop arriving, and Hocuspocus's provider gives up only after 30 s of silence,
 * then backs off up to 30 s. A service worker gets no online/offline events either. So:
 *
 * - every frame we send is answered by the server (updates and step 2 by a sync status, our awareness
 *   by its echo, authentication and step 1 by their replies); when nothing has come back
 *   `stallAfterMs` after a frame went out, the socket is stalled: it is dropped and we are Offline;
 * - an idle socket is probed (our awareness state renewed, which the server echoes) after
 *   `probeAfterMs` of silence. That is also the MV3 keep-alive: a service worker lives while a socket
 *   carries traffic at least every 20–30 s, and this traffic comes every few seconds while a document
 *   is open;
 * - a connection attempt that neither opens nor fails within `connectTimeoutMs` (a stalled SYN) is
 *   dropped too, so the next attempt comes quickly;
 * - `navigator.onLine` (polled: the service worker has no events for it) false means Offline at once
 *   and no attempts; true again means one attempt now;
 * - an attempt refused at once while online means the server is unreachable (said as an error).
 */
export interface WatchTiming {
  tickMs: number;
  probeAfterMs: number;
  stallAfterMs: number;
  connectTimeoutMs: number;
}

export const DEFAULT_WATCH_TIMING: WatchTiming = {
  tickMs: 1000,
  probeAfterMs: 4000,
  stallAfterMs: 3500,
  connectTimeoutMs: 5000,
};

export interface WatchOptions {
  timing: WatchTiming;
  /** navigator.onLine where there is one; undefined when unknown. */
  isOnline: () => boolean | undefined;
  /** Sends something the server answers (our awareness state again); false when nothing can be sent. */
  probe: () => boolean;
  now: () => number;
  onChange: () => void;
}

type DropReason = 'stall' | 'connect-timeout' | 'offline';

/** The code our own drops close with (Hocuspocus uses 4408 for its own silent-socket close). */
const DROPPED = 4408;

export class ConnectionWatch {
  phase: SocketPhase = 'connecting';
  /** A close code's problem in words, until clearProblem (the next acknowledged handshake). */
  problem: string | null = null;
  private lastTraffic: number;
  private awaitingSince: number | null = null;
  private attemptStartedAt: number;
  private opened = false;
  private dropping: DropReason | null = null;
  private heldOffline = false;
  private lastBuffered = 0;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly socket: HocuspocusProviderWebsocket,
    private readonly options: WatchOptions,
  ) {
    this.lastTraffic = options.now();
    this.attemptStartedAt = options.now();
    socket.on('status', this.onStatus);
    socket.on('open', this.onOpen);
    socket.on('close', this.onClose);
    socket.on('message', this.onMessage);
    this.timer = setInterval(() => this.tick(), options.timing.tickMs);
    this.tick();
  }

  /** Every frame the socket sends (from the tapped WebSocket). */
  sent(data: unknown): void {
    const now = this.options.now();
    this.lastTraffic = now;
    if (this.awaitingSince === null && readFrameHead(data)?.type !== MessageType.close)
      this.awaitingSince = now;
  }

  clearProblem(): void {
    if (this.problem === null) return;
    this.problem = null;
    this.options.onChange();
  }

  /** One look at the connection; runs every tickMs (and may be called at any time). */
  tick(): void {
    const now = this.options.now();
    const { timing } = this.options;
    const online = this.options.isOnline();
    if (online === false) {
      if (!this.heldOffline) {
        this.heldOffline = true;
        this.socket.disconnect();
        this.drop('offline');
        this.setPhase('offline');
      }
      return;
    }
    if (this.heldOffline) {
      this.heldOffline = false;
      void this.socket.connect();
    }
    if (this.socket.status === 'connecting' && now - this.attemptStartedAt > timing.connectTimeoutMs) {
      this.drop('connect-timeout');
    } else if (this.socket.status === 'connected') {
      this.noticeUpload(now);
      if (this.awaitingSince !== null && now - this.awaitingSince > timing.stallAfterMs) this.drop('stall');
      else if (this.awaitingSince === null && now - this.lastTraffic > timing.probeAfterMs)
        this.options.probe();
    }
  }

  destroy(): void {
    clearInterval(this.timer);
    this.socket.off('status', this.onStatus);
    this.socket.off('open', this.onOpen);
    this.socket.off('close', this.onClose);
    this.socket.off('message', this.onMessage);
  }

  /**
   * A large frame on a slow uplink takes a while to leave, and the server cannot answer before it has
   * it all: while the socket's send buffer keeps shrinking, the connection is alive, not stalled.
   */
  private noticeUpload(now: number): void {
    const buffered = this.socket.webSocket?.bufferedAmount ?? 0;
    if (buffered > 0 && buffered < this.lastBuffered && this.awaitingSince !== null) this.awaitingSince = now;
    this.lastBuffered = buffered;
  }

  /**
   * Ends the socket now, through the very handler its WebSocket's close event runs (so the socket and
   * every provider on it see a close): its close handshake could wait on a dead network for minutes.
   */
  private drop(reason: DropReason): void {
    const ws = this.socket.webSocket;
    const closeHandler = ws ? this.socket.webSocketHandlers[ws.identifier]?.close : undefined;
    if (typeof closeHandler !== 'function') return;
    this.dropping = reason;
    closeHandler({ code: DROPPED, reason });
  }

  private setPhase(phase: SocketPhase): void {
    if (phase === this.phase) return;
    this.phase = phase;
    this.options.onChange();
  }

  private readonly onStatus = ({ status }: { status: string }) => {
    if (status === 'connecting') {
      this.attemptStartedAt = this.options.now();
      this.opened = false;
      if (this.phase === 'connected') this.setPhase('connecting');
    }
  };

  private readonly onOpen = () => {
    this.opened = true;
    const now = this.options.now();
    this.lastTraffic = now;
    this.awaitingSince = null;
    this.setPhase('connected');
  };

  private readonly onMessage = () => {
    this.lastTraffic = this.options.now();
    this.awaitingSince = null;
  };

  private readonly onClose = ({ event }: { event?: { code?: number } }) => {
    const dropped = this.dropping;
    this.dropping = null;
    this.awaitingSince = null;
    const problem = closeCodeProblem(event?.code);
    if (problem) this.problem = problem;
    const opened = this.opened;
    this.opened = false;
    if (dropped !== null || this.options.isOnline() === false) this.setPhase('offline');
    else if (!opened) this.setPhase('unreachable');
    else this.setPhase('connecting');
    this.options.onChange();
  };
}
