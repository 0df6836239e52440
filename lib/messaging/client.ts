import { browser } from 'wxt/browser';
import type { z } from 'zod';
import { ChannelError, envelope, type RequestType, readReply } from './channel';

/** Sends a typed request to the background and returns its validated answer, or throws its reason. */
export async function request<Req extends z.ZodType, Res extends z.ZodType>(
  type: RequestType<Req, Res>,
  payload: z.infer<Req>,
): Promise<z.infer<Res>> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage(envelope(type, payload));
  } catch (error) {
    throw new ChannelError(`Project Desk's background is not answering (${String(error)}). Reload the page.`);
  }
  return readReply(type, raw);
}
