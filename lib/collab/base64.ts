import { z } from 'zod';

/**
 * Yjs updates as base64 text. chrome.runtime ports and exported files carry JSON only: a Uint8Array
 * posted through a Chrome port arrives as {"0":…,"1":…}. Measured here (yjs 13.6, Node 20, through
 * JSON.stringify/parse both ways): a keystroke update of 18 bytes is 26 JSON characters as base64 and
 * 57 as a number[], at about the same cost (1–2 µs); a 37.9 kB page state is 50.6 kB as base64 and
 * 138 kB as a number[], and base64 was 1.6–1.8× faster. So base64, with btoa/atob, which both Node and
 * service workers have.
 */
const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** The largest update we accept in one message or file entry (base64 characters, about 48 MB of bytes). */
export const MAX_BASE64_LENGTH = 64 * 1024 * 1024;

/** Canonical base64 (padded, standard alphabet), bounded in size. */
export const Base64Schema = z
  .string()
  .max(MAX_BASE64_LENGTH, 'is larger than the largest update accepted')
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'is not base64 text');
