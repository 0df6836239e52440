import { describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { decodeFrame, isWholeUpdate } from '../../../server/frame';
import { authFrame, FrameWriter, syncStep1Frame, updateFrame } from './support/clients';

const DOC = 'xen/drafts/Main_Page';

function sampleDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('desc').insert(0, 'VM Save/restore results in a boatload of IO');
  doc.getText('desc').delete(3, 5);
  doc.getMap('fields').set('Difficulty', 'Medium');
  const nested = new Y.Map<Y.Text>();
  doc.getMap('entries').set('e1', nested);
  nested.set('Skills', new Y.Text('C, Xen internals'));
  return doc;
}

function awarenessFrame(): Uint8Array {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState({ user: { name: 'Ada', color: '#123456' }, field: 'Desc' });
  const update = encodeAwarenessUpdate(awareness, [awareness.clientID]);
  awareness.destroy();
  return new FrameWriter().string(DOC).varUint(1).bytes(update).done();
}

const GOOD_FRAMES: [string, () => Uint8Array, string][] = [
  ['auth', () => authFrame(DOC, 'a.b.c'), 'auth'],
  ['sync step 1', () => syncStep1Frame(DOC, sampleDoc()), 'sync'],
  ['update', () => updateFrame(DOC, Y.encodeStateAsUpdate(sampleDoc())), 'sync'],
  ['awareness', awarenessFrame, 'awareness'],
  ['query awareness', () => new FrameWriter().string(DOC).varUint(3).done(), 'query-awareness'],
  ['stateless', () => new FrameWriter().string(DOC).varUint(5).string('{"hello":1}').done(), 'stateless'],
  ['close', () => new FrameWriter().string(DOC).varUint(7).done(), 'close'],
];

describe('strict frame reading', () => {
  it.each(GOOD_FRAMES)('reads a whole %s frame', (_label, make, type) => {
    const check = decodeFrame(make());
    expect(check).toMatchObject({ ok: true, frame: { type, documentName: DOC } });
  });

  it('takes the document name from a session-aware address', () => {
    const frame = new FrameWriter().string(`${DOC}\0session7`).varUint(3).done();
    expect(decodeFrame(frame)).toMatchObject({ ok: true, frame: { documentName: DOC } });
  });

  it.each(GOOD_FRAMES)('refuses every truncation of a %s frame, and a byte too many', (label, make) => {
    const frame = make();
    // An auth frame may end after its token: the provider's version that follows is optional.
    const alsoWhole = label === 'auth' ? frame.length - 1 - '4.7.0'.length : -1;
    for (let length = 0; length < frame.length; length++) {
      if (length === alsoWhole) continue;
      const check = decodeFrame(frame.subarray(0, length));
      expect(check.ok, `cut at ${length} of ${frame.length}`).toBe(false);
    }
    expect(decodeFrame(Uint8Array.from([...frame, 0])).ok).toBe(false);
  });

  it('refuses an update frame whose length prefix matches a truncated update', () => {
    const update = Y.encodeStateAsUpdate(sampleDoc());
    for (let length = 0; length < update.length; length++) {
      expect(decodeFrame(updateFrame(DOC, update.subarray(0, length))).ok, `update cut at ${length}`).toBe(
        false,
      );
    }
  });

  it('refuses message types a client may not send', () => {
    for (const type of [6, 8, 9, 10, 42]) {
      const frame = new FrameWriter().string(DOC).varUint(type).string('x').done();
      expect(decodeFrame(frame).ok, `type ${type}`).toBe(false);
    }
  });

  it('refuses an awareness state that is not JSON', () => {
    const inner = new FrameWriter().varUint(1).varUint(5).varUint(1).string('{not json').done();
    expect(decodeFrame(new FrameWriter().string(DOC).varUint(1).bytes(inner).done()).ok).toBe(false);
  });

  it('refuses invalid UTF-8 in the address', () => {
    const frame = Uint8Array.from([2, 0xff, 0xfe, 3]);
    expect(decodeFrame(frame).ok).toBe(false);
  });

  it('accepts an empty update and the updates Yjs writes for every kind of change', () => {
    expect(isWholeUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toBe(true);
    const doc = sampleDoc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getText('desc').insert(2, 'x');
    doc.getText('desc').format(0, 3, { bold: true });
    doc.getMap('fields').delete('Difficulty');
    doc.getArray('list').push([1, 'two', { three: 3 }, new Uint8Array([4])]);
    doc.getXmlFragment('xml').insert(0, [new Y.XmlElement('p')]);
    expect(updates.length).toBeGreaterThan(4);
    for (const update of updates) expect(isWholeUpdate(update)).toBe(true);
  });
});
