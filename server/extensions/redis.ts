import { randomUUID } from 'node:crypto';
import { Redis } from '@hocuspocus/extension-redis';
import type { onChangePayload } from '@hocuspocus/server';
import type { Logger } from '../log';
import { parseRedisUrl, redactRedisUrl } from '../scale/redis-url';

/**
 * Live updates and presence between the server instances of one deployment, over Redis pub/sub:
 * Hocuspocus's own Redis extension (docs/deployment.md says why this one), fitted to our server in
 * four ways:
 * - no Redis lock around storing: our PostgreSQL store already merges concurrent compactions under a
 *   row lock, and with the lock a compaction is skipped while another instance holds it, and fails
 *   outright while Redis is unreachable (so the appended updates would pile up in the meantime);
 * - one log line when a connection to Redis is lost and one when it is back (ioredis reports every
 *   failed reconnect as an error event, and prints each one nobody listens to);
 * - after a reconnect, every open document asks the other instances for what it missed: pub/sub
 *   delivers nothing that was published while a subscriber was away;
 * - start-up waits for Redis and fails with a clear message when it does not answer.
 */

export const REDIS_PREFIX = 'project-desk';
/** How long start-up waits for Redis before it gives up. */
const READY_TIMEOUT_MS = 10_000;

export type RedisLinkStatus = 'ready' | 'connecting' | 'reconnecting' | 'closed';

export class RedisScaleOutExtension extends Redis {
  extensionName = 'project-desk-redis';

  private readonly linkUp = { pub: false, sub: false };
  /** Lost after having been ready: its return is logged and followed by a resync. */
  private readonly lost = { pub: false, sub: false };
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
    identifier = `instance-${randomUUID()}`,
  ) {
    const address = parseRedisUrl(url);
    if (!address) throw new Error(`not a Redis URL: ${redactRedisUrl(url)}`);
    const { host, port, username, password, db, tls } = address;
    super({
      host,
      port,
      identifier,
      prefix: REDIS_PREFIX,
      options: { username, password, db, tls: tls ? {} : undefined },
    });
    this.watch('pub');
    this.watch('sub');
  }

  /** Our store needs no lock (see above); Hocuspocus goes on to the persistence extension's hook. */
  override async onStoreDocument(): Promise<void> {}

  status(): RedisLinkStatus {
    if (this.closed) return 'closed';
    if (this.linkUp.pub && this.linkUp.sub) return 'ready';
    return this.lost.pub || this.lost.sub ? 'reconnecting' : 'connecting';
  }

  /** Resolves once both connections are ready; rejects at the first error or after the timeout. */
  ready(timeoutMs = READY_TIMEOUT_MS): Promise<void> {
    return new Promise((resolve, reject) => {
      const finish = (error?: Error) => {
        clearTimeout(timer);
        for (const client of [this.pub, this.sub]) {
          client.off('ready', check);
          client.off('error', fail);
        }
        if (error) reject(error);
        else resolve();
      };
      const check = () => {
        if (this.status() === 'ready') finish();
      };
      const fail = (error: Error) =>
        finish(new Error(`Redis at ${redactRedisUrl(this.url)} refused or is unreachable: ${error.message}`));
      const timer = setTimeout(
        () => finish(new Error(`Redis at ${redactRedisUrl(this.url)} did not answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
      for (const client of [this.pub, this.sub]) {
        client.on('ready', check);
        client.on('error', fail);
      }
      check();
    });
  }

  /**
   * Drops both connections at once. (The extension's own onDestroy first asks Redis to QUIT, which
   * waits for an answer that never comes while Redis is unreachable.)
   */
  close(): void {
    this.closed = true;
    this.pub.disconnect(false);
    this.sub.disconnect(false);
  }

  private watch(role: 'pub' | 'sub'): void {
    const client = this[role];
    client.on('ready', () => {
      const wasLost = this.lost[role];
      this.linkUp[role] = true;
      this.lost[role] = false;
      if (!wasLost) return;
      this.logger.info('redis.ready', { connection: role });
      void this.resync();
    });
    const lose = (reason: string) => {
      if (this.linkUp[role] && !this.closed) {
        this.logger.warn('redis.lost', { connection: role, error: reason });
        this.lost[role] = true;
      }
      this.linkUp[role] = false;
    };
    client.on('error', (error: Error) => lose(error.message));
    client.on('close', () => lose('connection closed'));
  }

  /**
   * Publishes the state vector of every open document, once the subscriber has subscribed again
   * (ioredis announces `ready` before it resubscribes; a PING answered after those subscriptions says
   * they are done). Each instance that has the document open answers with what this one lacks, and
   * asks in turn for what it lacks itself: the sync handshake of the Redis extension.
   */
  private async resync(): Promise<void> {
    try {
      await new Promise((resolve) => setImmediate(resolve));
      await this.sub.ping();
      for (const [documentName, document] of this.instance.documents) {
        // onChange is the extension's public hook that schedules exactly this publication.
        await this.onChange({ documentName, document } as onChangePayload);
      }
      this.logger.info('redis.resynced', { documents: this.instance.documents.size });
    } catch (error) {
      this.logger.warn('redis.resync-failed', { error });
    }
  }
}
