import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AnchorSchema, createLiveAnchor, liveRangeIn, resolveAnchor } from '../../../lib/anchoring';

const TARGET = {
  entry: { title: 'Lazy restore', ordinal: 1, draftId: 'r10-e1' },
  scope: { kind: 'field' as const, param: 'Desc' },
};
const TEXT = 'VM Save/restore results in a boatload of IO and non-optimal use of memory by the guest.';
const QUOTE = 'boatload of IO';

function field(text = TEXT): Y.Text {
  const doc = new Y.Doc();
  const ytext = doc.getText('Desc');
  ytext.insert(0, text);
  return ytext;
}

function anchorOn(ytext: Y.Text, quote = QUOTE) {
  const start = ytext.toString().indexOf(quote);
  return createLiveAnchor(TARGET, ytext, start, start + quote.length);
}

const landed = (ytext: Y.Text, anchor: ReturnType<typeof anchorOn>) => {
  const resolution = resolveAnchor(anchor, ytext.toString(), ytext);
  return {
    ...resolution,
    text: resolution.start === null ? null : ytext.toString().slice(resolution.start, resolution.end),
  };
};

describe('live anchors (Yjs relative positions)', () => {
  it('keep valid selectors plus an encoded range, and follow edits before the quote', () => {
    const ytext = field();
    const anchor = anchorOn(ytext);
    expect(AnchorSchema.safeParse(anchor).success).toBe(true);
    expect(anchor.live).toBeDefined();
    ytext.insert(0, 'Note: ');
    expect(landed(ytext, anchor)).toMatchObject({ status: 'anchored', text: QUOTE, confidence: 1 });
  });

  it('keep typing right at either end outside the quote', () => {
    const ytext = field();
    const anchor = anchorOn(ytext);
    const start = TEXT.indexOf(QUOTE);
    ytext.insert(start + QUOTE.length, '!!');
    ytext.insert(start, 'huge ');
    expect(landed(ytext, anchor)).toMatchObject({ status: 'anchored', text: QUOTE });
  });

  it('take in an edit inside the quote, which the text selectors alone would not find', () => {
    const ytext = field();
    const anchor = anchorOn(ytext);
    const start = TEXT.indexOf(QUOTE);
    ytext.insert(start + 'boatload '.length, 'of disk and network traffic and lots ');
    const result = landed(ytext, anchor);
    // The relative positions still bracket the quote's characters, but the text is too different.
    expect(result.status).not.toBe('anchored');
    ytext.delete(start + 'boatload '.length, 'of disk and network traffic and lots '.length);
    ytext.insert(start + 'boatload of '.length, 'disk ');
    expect(landed(ytext, anchor)).toMatchObject({ status: 'fuzzy', text: 'boatload of disk IO' });
  });

  it('follow edits made on another replica and merged', () => {
    const ytext = field();
    const anchor = anchorOn(ytext);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(ytext.doc!));
    peer.getText('Desc').insert(0, 'Reviewed. ');
    peer.getText('Desc').insert(peer.getText('Desc').length, ' More later.');
    Y.applyUpdate(ytext.doc!, Y.encodeStateAsUpdate(peer));
    expect(landed(ytext, anchor)).toMatchObject({ status: 'anchored', text: QUOTE });
  });

  it('are detached when the quoted characters are deleted, even if the words are typed again elsewhere', () => {
    const ytext = field();
    const anchor = anchorOn(ytext);
    const start = TEXT.indexOf(QUOTE);
    ytext.delete(start, QUOTE.length);
    expect(liveRangeIn(anchor.live!, ytext)).toBeNull();
    expect(landed(ytext, anchor).status).toBe('detached');
    ytext.insert(0, `${QUOTE}: `);
    expect(landed(ytext, anchor).status).toBe('detached');
  });

  it('fall back to the text selectors for another Y.Text or bytes that are not a position', () => {
    const ytext = field();
    const anchor = anchorOn(ytext);
    const other = field(`Intro. ${TEXT}`);
    expect(liveRangeIn(anchor.live!, other)).toBeNull();
    expect(landed(other, anchor)).toMatchObject({ status: 'moved', text: QUOTE });
    const forged = { ...anchor, live: { start: 'AAAA', end: 'AAAA' } };
    expect(landed(ytext, forged)).toMatchObject({ status: 'anchored', text: QUOTE });
  });
});
