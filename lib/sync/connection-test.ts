import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { documentName, refusalMessage } from '../../server/protocol';
import type { SyncTarget } from '../settings/sync-settings';
import { closeCodeProblem } from './status';
import { quietWebSocket, type WebSocketClass } from './sync-socket';

/**
 * The options page's `Test connection`: one socket, one document opened with the token, and the
 * first thing the server says about it, in words. The document is a drafts document of the token's
 * space that nobody writes (opening it stores nothing), so the answer also tells the role's scope.
 */
export interface ConnectionTestOptions {
  /** The WebSocket class (Node has none built in); the global one by default. */
  WebSocketPolyfill?: WebSocketClass;
  timeoutMs?: number;
}

export type ConnectionTestResult =
  | { ok: true; message: string; scope: 'read-write' | 'readonly' }
  | { ok: false; message: string };

export const CONNECTION_TEST_PAGE = 'project-desk-connection-test';

type ServerTarget = Extract<SyncTarget, { kind: 'server' }>;

function successMessage(target: ServerTarget, scope: string): string {
  const { name, role, space } = target.claims;
  const who = `Connected to ${target.url} as ${name} (${role}) in space ${space}`;
  if (scope === 'read-write') return `${who}.`;
  return role === 'reviewer'
    ? `${who}: you may comment; drafts are read-only for your role.`
    : `${who}: read-only.`;
}

export function probeServer(
  target: ServerTarget,
  options: ConnectionTestOptions = {},
): Promise<ConnectionTestResult> {
  const Base = options.WebSocketPolyfill ?? (globalThis.WebSocket as unknown as WebSocketClass | undefined);
  if (!Base) return Promise.resolve({ ok: false, message: 'This browser has no WebSocket support.' });
  const timeoutMs = options.timeoutMs ?? 8000;
  const unreachable = `The sync server at ${target.url} cannot be reached.`;
  return new Promise((resolve) => {
    let settled = false;
    let opened = false;
    const socket = new HocuspocusProviderWebsocket({
      url: target.url,
      WebSocketPolyfill: quietWebSocket(Base),
      maxAttempts: 1,
    });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: documentName({ space: target.claims.space, kind: 'drafts', page: CONNECTION_TEST_PAGE }),
      token: target.token,
      // No presence: a connection test is nobody to show.
      awareness: null,
    });
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          message: `The sync server at ${target.url} did not answer within ${Math.round(timeoutMs / 1000)} s.`,
        }),
      timeoutMs,
    );
    const finish = (result: ConnectionTestResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      provider.destroy();
      socket.destroy();
      resolve(result);
    };
    provider.on('authenticated', ({ scope }: { scope: string }) =>
      finish({
        ok: true,
        message: successMessage(target, scope),
        scope: scope === 'read-write' ? 'read-write' : 'readonly',
      }),
    );
    provider.on('authenticationFailed', ({ reason }: { reason: string }) =>
      finish({ ok: false, message: refusalMessage(reason) }),
    );
    socket.on('open', () => {
      opened = true;
    });
    socket.on('close', ({ event }: { event?: { code?: number } }) => {
      const problem = closeCodeProblem(event?.code);
      if (problem) finish({ ok: false, message: problem });
      else if (!opened) finish({ ok: false, message: unreachable });
      else finish({ ok: false, message: `The sync server at ${target.url} closed the connection.` });
    });
    socket.on('maxAttemptsFailed', () => finish({ ok: false, message: unreachable }));
    provider.attach();
  });
}
