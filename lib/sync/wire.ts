/**
 * Just enough of the Hocuspocus wire format to follow a conversation from the outside: each frame is
 * `varString(document) varUint(type) …`; a sync frame continues with `varUint(step)`, a sync-status
 * frame with `varInt(applied)`. The sync layer reads the head of every frame it sends and receives,
 * to count what the server has acknowledged (see waiting-ledger.ts) and to notice a silent socket
 * (see connection-watch.ts). Nothing here is trusted for more than that: the provider decodes the
 * frames itself.
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  stateless: 5,
  close: 7,
  syncStatus: 8,
} as const;

export const SyncStep = { stateVector: 0, step2: 1, update: 2 } as const;

export interface FrameHead {
  documentName: string;
  type: number;
  /** Sync frames: which step. */
  syncStep?: number;
  /** Sync-status frames: whether the server applied (and, with our server, stored) the change. */
  applied?: boolean;
}

class HeadReader {
  private at = 0;

  constructor(private readonly bytes: Uint8Array) {}

  varUint(): number {
    let value = 0;
    let factor = 1;
    for (;;) {
      const byte = this.bytes[this.at++];
      if (byte === undefined) throw new RangeError('frame ends early');
      value += (byte & 0x7f) * factor;
      if (byte < 0x80) return value;
      factor *= 128;
      if (factor > 2 ** 53) throw new RangeError('number too long');
    }
  }

  varString(): string {
    const length = this.varUint();
    const end = this.at + length;
    if (end > this.bytes.length) throw new RangeError('frame ends early');
    const text = new TextDecoder().decode(this.bytes.subarray(this.at, end));
    this.at = end;
    return text;
  }

  /** lib0's varInt: the first byte holds the sign (0x40) and six bits; sync status is 0 or 1. */
  smallVarInt(): number {
    const byte = this.bytes[this.at++];
    if (byte === undefined) throw new RangeError('frame ends early');
    return (byte & 0x40 ? -1 : 1) * (byte & 0x3f);
  }
}

export function toBytes(data: unknown): Uint8Array | null {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null;
}

/** The head of a frame, or null for anything that is not one (a text frame, a truncated frame). */
export function readFrameHead(data: unknown): FrameHead | null {
  const bytes = toBytes(data);
  if (!bytes) return null;
  try {
    const reader = new HeadReader(bytes);
    const address = reader.varString();
    const separator = address.indexOf('\0');
    const documentName = separator === -1 ? address : address.slice(0, separator);
    const type = reader.varUint();
    if (type === MessageType.sync) return { documentName, type, syncStep: reader.varUint() };
    if (type === MessageType.syncStatus) return { documentName, type, applied: reader.smallVarInt() === 1 };
    return { documentName, type };
  } catch {
    return null;
  }
}
