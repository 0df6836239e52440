import * as z from 'zod/mini';

/**
 * What the editor panel (an extension page in an iframe) tells the page adapter around it, by
 * window.postMessage. The page's own scripts see these messages too (they arrive on the page's window),
 * so they carry nothing but layout and focus: never a draft. The adapter accepts a message only when
 * it comes from its own iframe's window, from the extension's origin, and parses as one of these.
 *
 * zod/mini: the content script parses them.
 */
export const FRAME_CHANNEL = 'project-desk-panel';

/** The tallest the panel may ask to be, in CSS pixels (a bad value cannot make the page endless). */
export const MAX_PANEL_HEIGHT = 20_000;

export const PanelFrameMessageSchema = z.discriminatedUnion('type', [
  /** The form is shown and its first field has focus. */
  z.object({ channel: z.literal(FRAME_CHANNEL), type: z.literal('ready') }),
  /** The height the panel's content needs. */
  z.object({
    channel: z.literal(FRAME_CHANNEL),
    type: z.literal('size'),
    height: z.number().check(z.nonnegative(), z.lte(MAX_PANEL_HEIGHT)),
  }),
  /** The user closed the panel (Esc or the Close button); everything typed is stored. */
  z.object({ channel: z.literal(FRAME_CHANNEL), type: z.literal('close') }),
]);
export type PanelFrameMessage = z.infer<typeof PanelFrameMessageSchema>;

/** The message, or null when it is not a valid one of ours. */
export function readFrameMessage(raw: unknown): PanelFrameMessage | null {
  const parsed = z.safeParse(PanelFrameMessageSchema, raw);
  return parsed.success ? parsed.data : null;
}
