import { browser } from 'wxt/browser';
import type { $ZodType, output } from 'zod/v4/core';
import { ChannelError, envelope, type RequestType, readReply } from './channel';

/** Sends a typed request to the background and returns its validated answer, or throws its reason. */
export async function request<Req extends $ZodType, Res extends $ZodType>(
  type: RequestType<Req, Res>,
  payload: output<Req>,
): Promise<output<Res>> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage(envelope(type, payload));
  } catch (error) {
    throw new ChannelError(`Project Desk's background is not answering (${String(error)}). Reload the page.`);
  }
  return readReply(type, raw);
}
