import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Base64Schema, base64ToBytes, bytesToBase64 } from '../../../lib/collab/base64';

describe('updates as base64', () => {
  it('round-trips any bytes, through JSON', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        const text = JSON.parse(JSON.stringify(bytesToBase64(bytes))) as string;
        expect(Base64Schema.safeParse(text).success).toBe(true);
        expect(base64ToBytes(text)).toEqual(bytes);
      }),
      { numRuns: 50 },
    );
  });

  it('refuses text that is not canonical base64', () => {
    for (const text of ['abc', 'ab=c', 'a b=', '%%%%', 'AAAA====']) {
      expect(Base64Schema.safeParse(text).success).toBe(false);
    }
  });

  it('is shorter on the wire than a number[] for a keystroke update', () => {
    const doc = new Y.Doc();
    const text = doc.getText('Desc');
    text.insert(0, 'abc');
    let update: Uint8Array = new Uint8Array();
    doc.on('update', (u: Uint8Array) => {
      update = u;
    });
    text.insert(3, 'd');
    expect(JSON.stringify(bytesToBase64(update)).length).toBeLessThan(
      JSON.stringify(Array.from(update)).length,
    );
  });
});
