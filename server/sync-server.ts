import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hocuspocus } from '@hocuspocus/server';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import type { ServerConfig } from './config';
import { AddressLimiter } from './connections';
import { AuthExtension } from './extensions/auth';
import { SpaceLimitsExtension } from './extensions/limits';
import { LoggingExtension } from './extensions/logging';
import { PersistenceExtension } from './extensions/persistence';
import { type RedisLinkStatus, RedisScaleOutExtension } from './extensions/redis';
import type { SessionContext } from './extensions/refusal';
import { decodeFrame, PONG_FRAME_BYTE, rememberFrame } from './frame';
import type { Logger } from './log';
import { CLOSE_CODES } from './protocol';
import type { DocumentStore } from './store/types';
import { serverVersion } from './version';

/**
 * The sync server: Hocuspocus's core on our own HTTP and WebSocket servers (ws), so that the socket
 * layer is ours: an explicit maxPayload, a per-address connection limit with a typed close, every frame
 * read strictly before Hocuspocus sees it, `GET /health`, and a shutdown that flushes to the store.
 *
 * Compaction runs at most `MAX_DEBOUNCE_MS` after a change (Hocuspocus's default is 10 s); each update
 * is already in the store before it is acknowledged, so a crash loses no acknowledged change at all.
 */
export const DEBOUNCE_MS = 500;
export const MAX_DEBOUNCE_MS = 1000;
/** How long shutdown waits for clients to answer the close handshake before cutting their sockets. */
const CLOSE_GRACE_MS = 2000;

export type SyncServerLimits = Pick<
  ServerConfig,
  'port' | 'host' | 'maxMessageBytes' | 'maxConnectionsPerAddress' | 'maxDocumentsPerSpace'
> &
  Partial<Pick<ServerConfig, 'redisUrl'>>;

export interface SyncServerOptions {
  config: SyncServerLimits;
  secret: string;
  store: DocumentStore;
  logger: Logger;
  /** Extra fields for the `server.listening` log line. */
  describe?: Record<string, unknown>;
}

export interface Health {
  ok: boolean;
  version: string;
  uptime: number;
  documents: number;
  connections: number;
  /** Only with Redis configured: the link to the other instances (`ready`, `reconnecting`, …). */
  redis?: RedisLinkStatus;
}

export interface SyncServer {
  readonly port: number;
  readonly hocuspocus: Hocuspocus;
  health(): Health;
  /** Stops listening, closes every socket, stores every document, closes the store. Idempotent. */
  stop(): Promise<void>;
}

const until = (condition: () => boolean, deadline: number): Promise<void> =>
  new Promise((resolve) => {
    const check = () => (condition() || Date.now() > deadline ? resolve() : setTimeout(check, 10));
    check();
  });

function copyFrame(data: RawData): Uint8Array {
  // A fresh buffer per frame: ws may hand out views into a larger pooled buffer, past whose end
  // lib0's readers would read another frame's bytes.
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return new Uint8Array(data instanceof ArrayBuffer ? new Uint8Array(data) : data);
}

function webRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(key, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(key, item);
  }
  return new Request(new URL(req.url ?? '/', 'http://sync.invalid'), { headers });
}

export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const { config, secret, store, logger } = options;
  const version = serverVersion();
  const startedAt = Date.now();
  const persistence = new PersistenceExtension(store, logger);
  // With Redis, several instances serve the same documents (docs/deployment.md); it must answer first.
  const scaleOut = config.redisUrl ? new RedisScaleOutExtension(config.redisUrl, logger) : null;
  try {
    await scaleOut?.ready();
  } catch (error) {
    scaleOut?.close();
    throw error;
  }
  const hocuspocus = new Hocuspocus({
    name: 'project-desk',
    quiet: true,
    debounce: DEBOUNCE_MS,
    maxDebounce: MAX_DEBOUNCE_MS,
    unloadImmediately: true,
    extensions: [
      new AuthExtension(secret, logger),
      new SpaceLimitsExtension(store, config.maxDocumentsPerSpace, logger),
      persistence,
      new LoggingExtension(logger),
      ...(scaleOut ? [scaleOut] : []),
    ],
  });
  const limiter = new AddressLimiter(config.maxConnectionsPerAddress);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: config.maxMessageBytes,
    perMessageDeflate: false,
  });
  let stopping: Promise<void> | null = null;

  const health = (): Health => ({
    ok: stopping === null,
    version,
    uptime: Math.round((Date.now() - startedAt) / 1000),
    documents: hocuspocus.getDocumentsCount(),
    connections: wss.clients.size,
    ...(scaleOut ? { redis: scaleOut.status() } : {}),
  });

  const respond = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://sync.invalid').pathname;
    const [status, body] =
      path === '/health' && (req.method === 'GET' || req.method === 'HEAD')
        ? [stopping ? 503 : 200, health()]
        : [404, { ok: false, error: 'not-found' }];
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : JSON.stringify(body));
  };

  const onSocket = (ws: WebSocket, req: IncomingMessage) => {
    const address = req.socket.remoteAddress ?? 'unknown';
    if (!limiter.tryAcquire(address)) {
      logger.warn('limit.connections', { address, max: config.maxConnectionsPerAddress });
      ws.close(CLOSE_CODES.tooManyConnections.code, CLOSE_CODES.tooManyConnections.reason);
      return;
    }
    const context = { address } as SessionContext;
    const client = hocuspocus.handleConnection(ws, webRequest(req), context);
    logger.info('socket.opened', { address, open: limiter.countOf(address) });
    const refuse = (problem: string, bytes: number) => {
      logger.warn('message.malformed', { address, problem, bytes });
      ws.close(CLOSE_CODES.malformedMessage.code, CLOSE_CODES.malformedMessage.reason);
    };
    ws.on('message', (data, isBinary) => {
      if (ws.readyState !== WebSocket.OPEN) return;
      if (!isBinary) return refuse('text frame', Buffer.byteLength(data as Buffer));
      const bytes = copyFrame(data);
      if (bytes.length === 1 && bytes[0] === PONG_FRAME_BYTE) return;
      const check = decodeFrame(bytes);
      if (!check.ok) return refuse(check.problem, bytes.length);
      rememberFrame(bytes, check.frame);
      client.handleMessage(bytes);
    });
    ws.on('error', (error: Error & { code?: string }) => {
      const event =
        error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'limit.message-size' : 'socket.error';
      logger.warn(event, { address, error: error.message, code: error.code, max: config.maxMessageBytes });
    });
    ws.on('close', (code, reason) => {
      limiter.release(address);
      client.handleClose({ code, reason: reason.toString() });
      logger.info('socket.closed', { address, code, reason: reason.toString() });
    });
  };

  const httpServer = createServer(respond);
  httpServer.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    if (stopping) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => onSocket(ws, req));
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const port = (httpServer.address() as AddressInfo).port;
  logger.info('server.listening', {
    host: config.host,
    port,
    version,
    ...options.describe,
    ...(scaleOut ? { scaleOut: 'redis', instance: scaleOut.configuration.identifier } : {}),
  });

  const storesPending = () =>
    [...hocuspocus.documents.values()].some((document) => {
      const id = `onStoreDocument-${document.name}`;
      return (
        hocuspocus.debouncer.isDebounced(id) ||
        hocuspocus.debouncer.isCurrentlyExecuting(id) ||
        document.saveMutex.isLocked()
      );
    });

  const shutDown = async () => {
    logger.info('server.stopping', {
      documents: hocuspocus.getDocumentsCount(),
      connections: wss.clients.size,
    });
    httpServer.close();
    httpServer.closeAllConnections();
    for (const ws of wss.clients)
      ws.close(CLOSE_CODES.serverShuttingDown.code, CLOSE_CODES.serverShuttingDown.reason);
    await until(() => wss.clients.size === 0, Date.now() + CLOSE_GRACE_MS);
    for (const ws of wss.clients) ws.terminate();
    hocuspocus.flushPendingStores();
    await until(() => !storesPending(), Date.now() + CLOSE_GRACE_MS);
    const documents = hocuspocus.documents.size;
    await persistence.flushAll(hocuspocus.documents);
    await store.close();
    scaleOut?.close();
    wss.close();
    logger.info('server.stopped', { flushed: documents });
  };

  return {
    port,
    hocuspocus,
    health,
    stop: () => {
      stopping ??= shutDown();
      return stopping;
    },
  };
}
