import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ChannelError, defineRequest, envelope, Router, readReply } from '../../../lib/messaging/channel';

const double = defineRequest('double', z.object({ n: z.number() }), z.object({ twice: z.number() }));
const own = { id: 'ours', url: 'https://wiki.example/x', tabId: 1 };

function router() {
  return new Router('ours').on(double, async ({ n }) => {
    if (n < 0) throw new Error('negative numbers are refused');
    return { twice: n * 2 };
  });
}

describe('typed channel', () => {
  it('answers a valid request with a validated value', async () => {
    const reply = await router().dispatch(envelope(double, { n: 4 }), own);
    expect(readReply(double, reply)).toEqual({ twice: 8 });
  });

  it('ignores messages that are not on our channel', async () => {
    expect(await router().dispatch({ hello: 'world' }, own)).toBeNull();
  });

  it('refuses a message from another extension', async () => {
    const reply = await router().dispatch(envelope(double, { n: 1 }), { ...own, id: 'someone-else' });
    expect(() => readReply(double, reply)).toThrow(/did not come from Project Desk/);
  });

  it('refuses a malformed payload with the reason', async () => {
    const reply = await router().dispatch(
      { channel: 'project-desk', name: 'double', payload: { n: 'four' } },
      own,
    );
    expect(() => readReply(double, reply)).toThrow(/Malformed double/);
  });

  it('refuses an unknown request', async () => {
    const reply = await router().dispatch({ channel: 'project-desk', name: 'nope', payload: {} }, own);
    expect(() => readReply(double, reply)).toThrow(/Unknown request nope/);
  });

  it('passes the handler’s error on as the reason', async () => {
    const reply = await router().dispatch(envelope(double, { n: -1 }), own);
    expect(() => readReply(double, reply)).toThrow(ChannelError);
    expect(() => readReply(double, reply)).toThrow('negative numbers are refused');
  });

  it('refuses a malformed answer', () => {
    expect(() => readReply(double, { ok: true, value: { twice: 'x' } })).toThrow(/Malformed answer/);
    expect(() => readReply(double, undefined)).toThrow(/No valid answer/);
  });

  it('validates what it sends', () => {
    expect(() => envelope(double, { n: 'x' } as unknown as { n: number })).toThrow();
  });
});
