import { z } from 'zod';
import type { DateStyle } from './profile';

/**
 * Dates as mentors type them. The wiki mixes day-first and month-first numeric dates on one page
 * (01/20/2014 next to 28/11/2013), so a numeric date whose day and month could swap is never guessed:
 * it is reported with both readings and the caller decides.
 */

export const CalendarDateSchema = z.object({
  year: z.number().int().min(1).max(9999),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
});
export type CalendarDate = z.infer<typeof CalendarDateSchema>;

/** Which way of writing a date a reading came from. */
export const DateOrderSchema = z.enum(['iso', 'day-first', 'month-first', 'written']);
export type DateOrder = z.infer<typeof DateOrderSchema>;

export const DateCandidateSchema = z.object({ date: CalendarDateSchema, order: DateOrderSchema });
export type DateCandidate = z.infer<typeof DateCandidateSchema>;

export const DateReadingSchema = z.object({
  text: z.string(),
  /** empty: nothing typed; exact: one reading; ambiguous: two readings; unreadable: none. */
  status: z.enum(['empty', 'exact', 'ambiguous', 'unreadable']),
  candidates: z.array(DateCandidateSchema),
});
export type DateReading = z.infer<typeof DateReadingSchema>;

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  return Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** A month from its English name or a 3+ letter abbreviation ("Jan", "Sept", "january"). */
function monthFromName(word: string): number | undefined {
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return undefined;
  const index = MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(lower));
  return index === -1 ? undefined : index + 1;
}

/** Two-digit years are this century's: mentors write "1/20/14" for 2014, never for 1914. */
function fullYear(digits: string): number {
  const year = Number(digits);
  return digits.length === 2 ? 2000 + year : year;
}

function candidate(year: number, month: number, day: number, order: DateOrder): DateCandidate[] {
  return isCalendarDate(year, month, day) ? [{ date: { year, month, day }, order }] : [];
}

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const NUMERIC = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/;
const WEEKDAY = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const DAY_MONTH_YEAR = new RegExp(String.raw`^${DAY}\s*(?:of\s+)?([a-z]+\.?),?\s+(\d{4})$`, 'i');
const MONTH_DAY_YEAR = new RegExp(String.raw`^([a-z]+\.?)\s+${DAY},?\s+(\d{4})$`, 'i');

function numericCandidates(text: string): DateCandidate[] | undefined {
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) {
    const [, year, month, day] = yearFirst;
    return candidate(Number(year), Number(month), Number(day), 'iso');
  }
  const numeric = NUMERIC.exec(text);
  if (!numeric) return undefined;
  const [, first, , second, yearDigits] = numeric;
  const year = fullYear(yearDigits!);
  const a = Number(first);
  const b = Number(second);
  const dayFirst = candidate(year, b, a, 'day-first');
  // 05/05/2014 reads the same both ways: one date, not an ambiguity.
  if (a === b) return dayFirst;
  return [...dayFirst, ...candidate(year, a, b, 'month-first')];
}

function writtenCandidates(text: string): DateCandidate[] | undefined {
  const withoutWeekday = text.replace(WEEKDAY, '');
  const dayMonth = DAY_MONTH_YEAR.exec(withoutWeekday);
  const monthDay = dayMonth ? undefined : MONTH_DAY_YEAR.exec(withoutWeekday);
  const parts = dayMonth
    ? { day: dayMonth[1], month: dayMonth[2], year: dayMonth[3] }
    : monthDay
      ? { month: monthDay[1], day: monthDay[2], year: monthDay[3] }
      : undefined;
  if (!parts) return undefined;
  const month = monthFromName(parts.month!);
  if (month === undefined) return [];
  return candidate(Number(parts.year), month, Number(parts.day), 'written');
}

/** Every date a typed string can mean. */
export function parseDate(text: string): DateReading {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return { text, status: 'empty', candidates: [] };
  const candidates = numericCandidates(trimmed) ?? writtenCandidates(trimmed) ?? [];
  const status = candidates.length === 0 ? 'unreadable' : candidates.length === 1 ? 'exact' : 'ambiguous';
  return { text, status, candidates };
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** A date written in a style: 2014-01-20, 20/01/2014, 01/20/2014 or 20 January 2014. */
export function formatDate(date: CalendarDate, style: DateStyle): string {
  const { year, month, day } = date;
  switch (style) {
    case 'iso':
      return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
    case 'day-first':
      return `${pad(day, 2)}/${pad(month, 2)}/${pad(year, 4)}`;
    case 'month-first':
      return `${pad(month, 2)}/${pad(day, 2)}/${pad(year, 4)}`;
    case 'written':
      return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
  }
}

/** A date as nobody can misread it, for messages: "20 January 2014". */
export function describeDate(date: CalendarDate): string {
  return formatDate(date, 'written');
}

/**
 * What will be written for a typed date: the reading in the profile's style. An ambiguous date needs
 * the reading the mentor chose (`order`); without it, and for an unreadable date, there is nothing to write.
 */
export function dateToWrite(reading: DateReading, style: DateStyle, order?: DateOrder): string | null {
  if (reading.status === 'empty') return '';
  const chosen =
    reading.status === 'ambiguous'
      ? reading.candidates.find((option) => option.order === order)
      : reading.candidates[0];
  return chosen ? formatDate(chosen.date, style) : null;
}

/** How a reading's order is said to a mentor. */
export function describeOrder(order: DateOrder): string {
  return order === 'day-first' ? 'day first' : order === 'month-first' ? 'month first' : order;
}
