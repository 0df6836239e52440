import { z } from 'zod';

/**
 * Typed request/response channels between the extension's contexts. Both ends parse what they receive
 * with the same zod schemas, so a malformed or hostile message is refused with a reason, never trusted.
 */
export interface RequestType<Req extends z.ZodType, Res extends z.ZodType> {
  readonly name: string;
  readonly request: Req;
  readonly response: Res;
}

export function defineRequest<Req extends z.ZodType, Res extends z.ZodType>(
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

export type Handler<Req extends z.ZodType, Res extends z.ZodType> = (
  payload: z.infer<Req>,
  sender: SenderInfo,
) => Promise<z.infer<Res>>;

export class ChannelError extends Error {}

export function envelope<Req extends z.ZodType>(
  type: RequestType<Req, z.ZodType>,
  payload: z.infer<Req>,
): Envelope {
  return { channel: 'project-desk', name: type.name, payload: type.request.parse(payload) };
}

/** Reads a reply: the value on success (validated), a ChannelError with the other side's reason otherwise. */
export function readReply<Res extends z.ZodType>(
  type: RequestType<z.ZodType, Res>,
  raw: unknown,
): z.infer<Res> {
  const reply = ReplySchema.safeParse(raw);
  if (!reply.success)
    throw new ChannelError(
      `No valid answer to ${type.name}: the extension may have been updated; reload the page.`,
    );
  if (!reply.data.ok) throw new ChannelError(reply.data.error);
  const value = type.response.safeParse(reply.data.value);
  if (!value.success)
    throw new ChannelError(`Malformed answer to ${type.name}: ${z.prettifyError(value.error)}`);
  return value.data;
}

/** A set of handlers keyed by request name, with one dispatch that validates everything it touches. */
export class Router {
  private readonly handlers = new Map<
    string,
    { type: RequestType<z.ZodType, z.ZodType>; handle: Handler<z.ZodType, z.ZodType> }
  >();

  constructor(private readonly ownId: string) {}

  on<Req extends z.ZodType, Res extends z.ZodType>(
    type: RequestType<Req, Res>,
    handle: Handler<Req, Res>,
  ): this {
    this.handlers.set(type.name, {
      type: type as unknown as RequestType<z.ZodType, z.ZodType>,
      handle: handle as unknown as Handler<z.ZodType, z.ZodType>,
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
    const payload = entry.type.request.safeParse(message.data.payload);
    if (!payload.success)
      return { ok: false, error: `Malformed ${message.data.name}: ${z.prettifyError(payload.error)}` };
    try {
      const value = await entry.handle(payload.data, sender);
      return { ok: true, value: entry.type.response.parse(value) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
