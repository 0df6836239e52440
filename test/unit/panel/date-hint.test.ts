import { describe, expect, it } from 'vitest';
import { dateHint, settledDate } from '../../../lib/panel/date-hint';

describe('the date field’s hint', () => {
  it('says how a date reads and what will be written in the profile’s style', () => {
    expect(dateHint('01/20/2014', 'iso')).toEqual({
      kind: 'exact',
      reads: '20 January 2014',
      writes: '2014-01-20',
      normalised: false,
    });
    expect(dateHint('2014-01-20', 'iso')).toMatchObject({ kind: 'exact', normalised: true });
    expect(dateHint('20 Jan 2014', 'day-first')).toMatchObject({ writes: '20/01/2014' });
  });

  it('offers both readings of a date whose day and month could swap, and guesses neither', () => {
    expect(dateHint('01/08/2012', 'iso')).toEqual({
      kind: 'ambiguous',
      choices: [
        { label: '1 August 2012 (day first)', writes: '2012-08-01' },
        { label: '8 January 2012 (month first)', writes: '2012-01-08' },
      ],
    });
    expect(settledDate('01/08/2012', 'iso')).toBe('01/08/2012');
  });

  it('leaves what it cannot read, and nothing, as they are', () => {
    expect(dateHint('32/13/2014', 'iso')).toEqual({ kind: 'unreadable' });
    expect(dateHint('  ', 'iso')).toEqual({ kind: 'empty' });
    expect(settledDate('someday', 'iso')).toBe('someday');
    expect(settledDate('Jan 20, 2014', 'iso')).toBe('2014-01-20');
  });
});
