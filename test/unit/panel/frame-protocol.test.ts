import { describe, expect, it } from 'vitest';
import { FRAME_CHANNEL, MAX_PANEL_HEIGHT, readFrameMessage } from '../../../lib/panel/frame-protocol';

describe('messages from the panel to the page adapter', () => {
  it('reads the three kinds', () => {
    expect(readFrameMessage({ channel: FRAME_CHANNEL, type: 'ready' })).toEqual({
      channel: FRAME_CHANNEL,
      type: 'ready',
    });
    expect(readFrameMessage({ channel: FRAME_CHANNEL, type: 'size', height: 412.5 })).toMatchObject({
      height: 412.5,
    });
    expect(readFrameMessage({ channel: FRAME_CHANNEL, type: 'close' })).toMatchObject({ type: 'close' });
  });

  it('refuses everything else, as a page script might post it', () => {
    const refused = [
      null,
      'close',
      { type: 'close' },
      { channel: 'other', type: 'close' },
      { channel: FRAME_CHANNEL, type: 'navigate', url: 'javascript:alert(1)' },
      { channel: FRAME_CHANNEL, type: 'size', height: -1 },
      { channel: FRAME_CHANNEL, type: 'size', height: MAX_PANEL_HEIGHT + 1 },
      { channel: FRAME_CHANNEL, type: 'size', height: '100px' },
      { channel: FRAME_CHANNEL, type: 'size', height: Number.NaN },
    ];
    for (const message of refused) expect(readFrameMessage(message), JSON.stringify(message)).toBeNull();
  });
});
