import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CalendarDate,
  dateToWrite,
  describeDate,
  formatDate,
  isCalendarDate,
  parseDate,
} from '../../../lib/model/dates';

const ymd = (year: number, month: number, day: number): CalendarDate => ({ year, month, day });

describe('parseDate', () => {
  it('reads an unambiguous month-first date from the seed page (01/20/2014)', () => {
    expect(parseDate('01/20/2014')).toEqual({
      text: '01/20/2014',
      status: 'exact',
      candidates: [{ date: ymd(2014, 1, 20), order: 'month-first' }],
    });
  });

  it('reads an unambiguous day-first date from the seed page (28/11/2013)', () => {
    const reading = parseDate('28/11/2013');
    expect(reading.status).toBe('exact');
    expect(reading.candidates).toEqual([{ date: ymd(2013, 11, 28), order: 'day-first' }]);
  });

  it('gives both readings of a date whose day and month can swap (01/02/2014)', () => {
    const reading = parseDate('01/02/2014');
    expect(reading.status).toBe('ambiguous');
    expect(reading.candidates).toEqual([
      { date: ymd(2014, 2, 1), order: 'day-first' },
      { date: ymd(2014, 1, 2), order: 'month-first' },
    ]);
  });

  it('does not call a date ambiguous when both readings are the same day (05/05/2014)', () => {
    const reading = parseDate('05/05/2014');
    expect(reading.status).toBe('exact');
    expect(reading.candidates.map((option) => option.date)).toEqual([ymd(2014, 5, 5)]);
  });

  it('drops a reading that is not a real day, which can make an ambiguous-looking date exact', () => {
    // 02/30/2014 as day-first is the 2nd of month 30 (no such month); as month-first 30 February (no such day).
    expect(parseDate('02/30/2014').status).toBe('unreadable');
    // 31/12 only works day-first.
    expect(parseDate('31.12.2013').candidates).toEqual([{ date: ymd(2013, 12, 31), order: 'day-first' }]);
  });

  it('accepts dots and dashes as separators, but not mixed ones', () => {
    expect(parseDate('20-01-2014').candidates[0]?.date).toEqual(ymd(2014, 1, 20));
    expect(parseDate('20.01.2014').candidates[0]?.date).toEqual(ymd(2014, 1, 20));
    expect(parseDate('20/01-2014').status).toBe('unreadable');
  });

  it('reads two-digit years as this century', () => {
    expect(parseDate('1/20/14').candidates).toEqual([{ date: ymd(2014, 1, 20), order: 'month-first' }]);
  });

  it('reads ISO 8601 and year-first dates as exact', () => {
    expect(parseDate('2014-01-02')).toEqual({
      text: '2014-01-02',
      status: 'exact',
      candidates: [{ date: ymd(2014, 1, 2), order: 'iso' }],
    });
    expect(parseDate('2014/1/2').candidates[0]?.date).toEqual(ymd(2014, 1, 2));
    expect(parseDate('2014-13-01').status).toBe('unreadable');
  });

  it('reads written dates: "23 January 2013" and its usual variants', () => {
    const expected = [{ date: ymd(2013, 1, 23), order: 'written' }];
    for (const text of [
      '23 January 2013',
      '23 january 2013',
      '23 Jan 2013',
      '23rd January 2013',
      '23 Jan. 2013',
      'January 23, 2013',
      'Jan 23 2013',
      'Wednesday, 23 January 2013',
      '  23   January   2013 ',
    ]) {
      expect(parseDate(text).candidates, text).toEqual(expected);
    }
  });

  it('refuses written dates with an unknown month or an impossible day', () => {
    expect(parseDate('23 Smarch 2013').status).toBe('unreadable');
    expect(parseDate('30 February 2013').status).toBe('unreadable');
    expect(parseDate('29 February 2012').status).toBe('exact');
    expect(parseDate('29 February 2013').status).toBe('unreadable');
  });

  it('tells an empty value from an unreadable one', () => {
    expect(parseDate('  ')).toEqual({ text: '  ', status: 'empty', candidates: [] });
    for (const text of ['soon', 'January 2014', '2014', '13/13/2014', '1/2/3/2014', 'Q1 2014']) {
      expect(parseDate(text).status, text).toBe('unreadable');
    }
  });
});

describe('isCalendarDate', () => {
  it('knows leap years, including the century rules', () => {
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(2023, 4, 31)).toBe(false);
    expect(isCalendarDate(2023, 0, 1)).toBe(false);
  });
});

describe('formatDate and dateToWrite', () => {
  const date = ymd(2014, 1, 2);

  it('writes every style with zero padding', () => {
    expect(formatDate(date, 'iso')).toBe('2014-01-02');
    expect(formatDate(date, 'day-first')).toBe('02/01/2014');
    expect(formatDate(date, 'month-first')).toBe('01/02/2014');
    expect(formatDate(date, 'written')).toBe('2 January 2014');
    expect(describeDate(ymd(2013, 11, 28))).toBe('28 November 2013');
  });

  it('round-trips what it writes', () => {
    for (const style of ['iso', 'written'] as const) {
      expect(parseDate(formatDate(date, style)).candidates.map((option) => option.date)).toEqual([date]);
    }
  });

  it('shows the date it will write for an exact reading, in the profile style', () => {
    expect(dateToWrite(parseDate('01/20/2014'), 'iso')).toBe('2014-01-20');
    expect(dateToWrite(parseDate('23 January 2013'), 'month-first')).toBe('01/23/2013');
  });

  it('writes an ambiguous date only once the mentor chose a reading', () => {
    const reading = parseDate('01/02/2014');
    expect(dateToWrite(reading, 'iso')).toBeNull();
    expect(dateToWrite(reading, 'iso', 'day-first')).toBe('2014-02-01');
    expect(dateToWrite(reading, 'iso', 'month-first')).toBe('2014-01-02');
  });

  it('writes nothing for an unreadable date and an empty string for an empty one', () => {
    expect(dateToWrite(parseDate('soon'), 'iso')).toBeNull();
    expect(dateToWrite(parseDate(''), 'iso')).toBe('');
  });
});

describe('parseDate on every date (property)', () => {
  const anyDate = fc
    .record({
      year: fc.integer({ min: 1000, max: 9999 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .filter(({ year, month, day }) => isCalendarDate(year, month, day));

  it('finds the date it wrote among the readings, in every style', () => {
    fc.assert(
      fc.property(
        anyDate,
        fc.constantFrom('iso', 'day-first', 'month-first', 'written' as const),
        (date, style) => {
          const readings = parseDate(formatDate(date, style)).candidates.map((option) => option.date);
          expect(readings).toContainEqual(date);
        },
      ),
    );
  });

  it('calls a numeric date ambiguous exactly when day and month could swap', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const swappable = date.day <= 12 && date.day !== date.month;
        expect(parseDate(formatDate(date, 'month-first')).status).toBe(swappable ? 'ambiguous' : 'exact');
        expect(parseDate(formatDate(date, 'iso')).status).toBe('exact');
      }),
    );
  });
});
