import * as z from 'zod/mini';
import type { $ZodType, output } from 'zod/v4/core';

/**
 * zod/mini here and in every schema the content script carries: the page adapter must stay small.
 *
 * Typed request/response channels between the extension's contexts. Both ends parse what they receive
 * with the same zod schemas, so a malformed or hostile message is refused with a reason, never trusted.
 */
export interface RequestType<Req extends $ZodType, Res extends $ZodType> {
  readonly name: string;
  readonly request: Req;
  readonly response: Res;
}

export function defineRequest<Req extends $ZodType, Res extends $ZodType>(
  name: string,
  request: Req,
  response: Res,
): RequestType<Req, Res> {
  return { name, request, response };
}

export const EnvelopeSchema = z.object({
  channel: z.literal('project-desk'),
  name: z.string(),
  payload: z.unknown(),
});
export type Envelope = z.infer<typeof EnvelopeSchema>;

const ReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type Reply = z.infer<typeof ReplySchema>;

/** Who sent a message, as the browser reports it (never as the message claims). */
export interface SenderInfo {
  /** The sending extension's id: must be ours. */
  id?: string | undefined;
  /** The URL of the sending document (a wiki page for the content script, an extension page otherwise). */
  url?: string | undefined;
  /** Present when the sender is a tab's content script. */
  tabId?: number | undefined;
}

export type Handler<Req extends $ZodType, Res extends $ZodType> = (
  payload: output<Req>,
  sender: SenderInfo,
) => Promise<output<Res>>;

export class ChannelError extends Error {}

export function envelope<Req extends $ZodType>(
  type: RequestType<Req, $ZodType>,
  payload: output<Req>,
): Envelope {
  return { channel: 'project-desk', name: type.name, payload: z.parse(type.request, payload) };
}

/** Reads a reply: the value on success (validated), a ChannelError with the other side's reason otherwise. */
export function readReply<Res extends $ZodType>(type: RequestType<$ZodType, Res>, raw: unknown): output<Res> {
  const reply = ReplySchema.safeParse(raw);
  if (!reply.success)
    throw new ChannelError(
      `No valid answer to ${type.name}: the extension may have been updated; reload the page.`,
    );
  if (!reply.data.ok) throw new ChannelError(reply.data.error);
  const value = z.safeParse(type.response, reply.data.value);
  if (!value.success)
    throw new ChannelError(`Malformed answer to ${type.name}: ${z.prettifyError(value.error)}`);
  return value.data;
}

/** A set of handlers keyed by request name, with one dispatch that validates everything it touches. */
export class Router {
  private readonly handlers = new Map<
    string,
    { type: RequestType<$ZodType, $ZodType>; handle: Handler<$ZodType, $ZodType> }
  >();

  constructor(private readonly ownId: string) {}

  on<Req extends $ZodType, Res extends $ZodType>(
    type: RequestType<Req, Res>,
    handle: Handler<Req, Res>,
  ): this {
    this.handlers.set(type.name, {
      type: type as unknown as RequestType<$ZodType, $ZodType>,
      handle: handle as unknown as Handler<$ZodType, $ZodType>,
    });
    return this;
  }

  /** Returns null for messages that are not ours, so other listeners can answer them. */
  async dispatch(raw: unknown, sender: SenderInfo): Promise<Reply | null> {
    const message = EnvelopeSchema.safeParse(raw);
    if (!message.success) return null;
    if (sender.id !== this.ownId)
      return { ok: false, error: 'Refused: the message did not come from Project Desk.' };
    const entry = this.handlers.get(message.data.name);
    if (!entry) return { ok: false, error: `Unknown request ${message.data.name}.` };
    const payload = z.safeParse(entry.type.request, message.data.payload);
    if (!payload.success)
      return { ok: false, error: `Malformed ${message.data.name}: ${z.prettifyError(payload.error)}` };
    try {
      const value = await entry.handle(payload.data, sender);
      return { ok: true, value: z.parse(entry.type.response, value) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
