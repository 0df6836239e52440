import * as Y from 'yjs';

/**
 * A strict reader of the frames a Hocuspocus client sends. Every frame is read to its last byte before
 * Hocuspocus sees it: a truncated, padded or garbled frame is refused whole, so it can never be half
 * applied (Yjs integrates an update's structs before it reads its delete set, and lib0's readers return
 * `undefined` past the end of a buffer instead of failing).
 *
 * Layout: varString address (`<document>` or `<document>\0<session>`), varUint type, then per type:
 *   0 Sync / 4 SyncReply  varUint step (0 state vector, 1 step 2, 2 update), varUint8Array payload
 *   1 Awareness           varUint8Array awareness update
 *   2 Auth                varUint 0 (token), varString token, optional varString provider version
 *   3 QueryAwareness      nothing
 *   5 Stateless           varString payload
 *   7 Close               nothing
 * Other types (6 BroadcastStateless is server-internal, 8 SyncStatus goes server → client) are refused.
 */

export type Frame =
  | { type: 'sync'; documentName: string; step: 'state-vector' | 'step2' | 'update'; payload: Uint8Array }
  | { type: 'awareness'; documentName: string }
  | { type: 'auth'; documentName: string }
  | { type: 'query-awareness'; documentName: string }
  | { type: 'stateless'; documentName: string }
  | { type: 'close'; documentName: string };

/** The provider's reply to a server ping: one byte, no address. */
export const PONG_FRAME_BYTE = 10;

class FrameError extends Error {}

class StrictReader {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.pos === this.bytes.length;
  }

  varUint(): number {
    let value = 0;
    let scale = 1;
    for (let shift = 0; shift < 53; shift += 7) {
      if (this.pos >= this.bytes.length) throw new FrameError('unexpected end');
      const byte = this.bytes[this.pos++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
    throw new FrameError('integer too large');
  }

  bytesOf(length: number): Uint8Array {
    if (length > this.bytes.length - this.pos) throw new FrameError('length past the end');
    const slice = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return slice;
  }

  varBytes(): Uint8Array {
    return this.bytesOf(this.varUint());
  }

  varString(): string {
    return new TextDecoder('utf-8', { fatal: true }).decode(this.varBytes());
  }

  end(): void {
    if (!this.done) throw new FrameError('trailing bytes');
  }
}

/** Yjs's own decoder, reading from a decoder whose position we can check afterwards. */
let lastDecoder: Y.UpdateDecoderV1 | null = null;
class TrackedDecoderV1 extends Y.UpdateDecoderV1 {
  constructor(...args: ConstructorParameters<typeof Y.UpdateDecoderV1>) {
    super(...args);
    lastDecoder = this;
  }
}

/** True when `update` is one whole, well-formed Yjs v1 update and nothing more. */
export function isWholeUpdate(update: Uint8Array): boolean {
  lastDecoder = null;
  try {
    Y.decodeUpdateV2(update, TrackedDecoderV1);
  } catch {
    return false;
  }
  return lastDecoder !== null && (lastDecoder as Y.UpdateDecoderV1).restDecoder.pos === update.length;
}

/** True for an update that carries no structs and no deletions. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}

function checkStateVector(bytes: Uint8Array): void {
  const reader = new StrictReader(bytes);
  const clients = reader.varUint();
  for (let i = 0; i < clients; i++) {
    reader.varUint();
    reader.varUint();
  }
  reader.end();
}

function checkAwarenessUpdate(bytes: Uint8Array): void {
  const reader = new StrictReader(bytes);
  const clients = reader.varUint();
  for (let i = 0; i < clients; i++) {
    reader.varUint();
    reader.varUint();
    const state: unknown = JSON.parse(reader.varString());
    if (typeof state !== 'object') throw new FrameError('awareness state is not an object');
  }
  reader.end();
}

const SYNC_STEPS = ['state-vector', 'step2', 'update'] as const;

function readSync(reader: StrictReader, documentName: string): Frame {
  const step = SYNC_STEPS[reader.varUint()];
  if (!step) throw new FrameError('unknown sync step');
  const payload = reader.varBytes();
  reader.end();
  if (step === 'state-vector') checkStateVector(payload);
  else if (!isWholeUpdate(payload)) throw new FrameError('malformed Yjs update');
  return { type: 'sync', documentName, step, payload };
}

function readBody(reader: StrictReader, type: number, documentName: string): Frame {
  switch (type) {
    case 0:
    case 4:
      return readSync(reader, documentName);
    case 1:
      checkAwarenessUpdate(reader.varBytes());
      reader.end();
      return { type: 'awareness', documentName };
    case 2:
      if (reader.varUint() !== 0) throw new FrameError('clients only send token authentication');
      reader.varString();
      if (!reader.done) reader.varString();
      reader.end();
      return { type: 'auth', documentName };
    case 3:
      reader.end();
      return { type: 'query-awareness', documentName };
    case 5:
      reader.varString();
      reader.end();
      return { type: 'stateless', documentName };
    case 7:
      reader.end();
      return { type: 'close', documentName };
    default:
      throw new FrameError(`message type ${type} is not accepted from clients`);
  }
}

export type FrameCheck = { ok: true; frame: Frame } | { ok: false; problem: string };

export function decodeFrame(bytes: Uint8Array): FrameCheck {
  try {
    const reader = new StrictReader(bytes);
    const address = reader.varString();
    const separator = address.indexOf('\0');
    const documentName = separator === -1 ? address : address.slice(0, separator);
    if (!documentName) throw new FrameError('empty document name');
    return { ok: true, frame: readBody(reader, reader.varUint(), documentName) };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Frames already read at the socket, keyed by the very Uint8Array handed to Hocuspocus, so that the
 * extensions (which receive the same object in beforeHandleMessage) need not read them again.
 */
const checkedFrames = new WeakMap<Uint8Array, Frame>();

export function rememberFrame(bytes: Uint8Array, frame: Frame): void {
  checkedFrames.set(bytes, frame);
}

/** The frame read at the socket, or (for frames that did not come through it) read now. */
export function frameOf(bytes: Uint8Array): Frame | null {
  const known = checkedFrames.get(bytes);
  if (known) return known;
  const check = decodeFrame(bytes);
  if (!check.ok) return null;
  checkedFrames.set(bytes, check.frame);
  return check.frame;
}
