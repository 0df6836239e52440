import { COMMENTS_CHANNEL, type CommentsFrameMessage } from '../../lib/comments/frame-link';

type Outgoing = CommentsFrameMessage extends infer M
  ? M extends unknown
    ? Omit<M, 'channel'>
    : never
  : never;

/** Tells the page adapter around the frame its height, that it closed, that threads changed. Never a comment. */
export function postToCommentsHost(wiki: string, message: Outgoing): void {
  if (window.parent === window) return;
  window.parent.postMessage({ channel: COMMENTS_CHANNEL, ...message }, wiki);
}
