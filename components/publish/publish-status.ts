import type { PublishResult } from '../../lib/publish/publish-result';
import type { RunState } from './use-publish';

/** The dialog's status line (role=status): `Published` only when saved and verified. */
export function statusText(run: RunState, online: boolean): string {
  if (run.kind === 'idle') return '';
  if (run.kind === 'publishing') return 'Publishing…';
  if (run.kind === 'failed') return `Not published: ${run.reason}`;
  return resultText(run.result, online);
}

export function resultText(result: PublishResult, online: boolean): string {
  switch (result.kind) {
    case 'published':
      return result.repeated
        ? `Published (revision ${result.revisionId}; it had been saved already).`
        : `Published (revision ${result.revisionId}).`;
    case 'queued':
    case 'unreachable':
      return online
        ? `Queued: ${result.message} You are online: confirm with “Publish now”.`
        : `Queued: ${result.message} It waits for you to confirm once you are back online.`;
    default:
      return `Not published: ${result.message}`;
  }
}

/** Whether the last try left a publish the user may send again under the same id. */
export const isWaiting = (run: RunState): boolean =>
  run.kind === 'ended' && ['queued', 'unreachable', 'interrupted'].includes(run.result.kind);
