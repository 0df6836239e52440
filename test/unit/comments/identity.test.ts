import { describe, expect, it } from 'vitest';
import { commentAuthor, FALLBACK_AUTHOR_NAME, newDeviceAuthorId } from '../../../lib/comments/identity';
import { PersonSchema } from '../../../lib/comments/schema';

describe('who writes a comment', () => {
  it('is named by the display name, else the wiki user, else a plain fallback; the id is the device’s', () => {
    const id = newDeviceAuthorId();
    expect(id).toMatch(/^device:[0-9a-f-]{36}$/);
    expect(commentAuthor(id, { displayName: 'Rita', wikiUser: 'Rita_R' })).toEqual({ id, name: 'Rita' });
    expect(commentAuthor(id, { displayName: '  ', wikiUser: 'Rita_R' })).toEqual({ id, name: 'Rita R' });
    expect(commentAuthor(id, { displayName: '', wikiUser: null }).name).toBe(FALLBACK_AUTHOR_NAME);
  });

  it('always gives a valid person, whatever the names hold', () => {
    const person = commentAuthor('device:x', { displayName: `\u0007${'n'.repeat(500)}` });
    expect(PersonSchema.safeParse(person).success).toBe(true);
    expect(person.name).toHaveLength(100);
  });
});
