import * as z from 'zod/mini';
import type { DraftPort } from '../../lib/drafts/port';
import type { PageView } from '../../lib/mediawiki/page-view';
import { PagePresenceSchema } from '../../lib/messaging/presence-protocol';
import type { MountedControl } from './page-adapter';
import { setPresenceLabel } from './presence-label';

/**
 * Keeps the "… is editing" labels on a page's entry buttons current: asks the background over a port
 * (opened again, backing off, when the service worker restarts) and applies what it says.
 */
const DELAYS = [200, 1000, 5000, 15_000];

export function watchPagePresence(
  view: PageView,
  entries: ReadonlyMap<number, MountedControl>,
  connect: () => DraftPort,
): () => void {
  let stopped = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let port: DraftPort | null = null;
  const apply = (names: ReadonlyMap<number, readonly string[]>) => {
    for (const [ordinal, control] of entries) setPresenceLabel(control.host, names.get(ordinal) ?? []);
  };
  const open = () => {
    timer = null;
    if (stopped) return;
    try {
      port = connect();
    } catch {
      return;
    }
    const current = port;
    current.onMessage((raw) => {
      const message = z.safeParse(PagePresenceSchema, raw);
      if (!message.success) return;
      failures = 0;
      apply(new Map(message.data.entries.map((entry) => [entry.ordinal, entry.names])));
    });
    current.onDisconnect(() => {
      if (stopped || port !== current) return;
      apply(new Map());
      timer = setTimeout(open, DELAYS[Math.min(failures++, DELAYS.length - 1)]);
    });
    current.postMessage({ type: 'page', view });
  };
  open();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    port?.disconnect();
    apply(new Map());
  };
}
