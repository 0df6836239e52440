import { FRAME_CHANNEL, type PanelFrameMessage } from '../../lib/panel/frame-protocol';

type Outgoing = PanelFrameMessage extends infer M ? (M extends unknown ? Omit<M, 'channel'> : never) : never;

/**
 * Tells the page adapter around the panel about layout and focus. Addressed to the wiki's origin only:
 * if the panel sits in another page, the browser does not deliver it. Never carries a draft.
 */
export function postToFrameHost(wiki: string, message: Outgoing): void {
  if (window.parent === window) return;
  window.parent.postMessage({ channel: FRAME_CHANNEL, ...message }, wiki);
}
