import { dateToWrite, describeDate, describeOrder, formatDate, parseDate } from '../model/dates';
import type { DateStyle } from '../model/profile';

/**
 * What the date field says under its input: how it reads what was typed and what it will write (the
 * profile's style). A date whose day and month could swap is never guessed: both readings are offered,
 * each with the text it would write, for the mentor to choose.
 */
export type DateHint =
  | { kind: 'empty' }
  | { kind: 'unreadable' }
  | { kind: 'exact'; reads: string; writes: string; normalised: boolean }
  | { kind: 'ambiguous'; choices: { label: string; writes: string }[] };

export function dateHint(text: string, style: DateStyle): DateHint {
  const reading = parseDate(text);
  if (reading.status === 'empty') return { kind: 'empty' };
  if (reading.status === 'unreadable') return { kind: 'unreadable' };
  if (reading.status === 'ambiguous') {
    return {
      kind: 'ambiguous',
      choices: reading.candidates.map((option) => ({
        label: `${describeDate(option.date)} (${describeOrder(option.order)})`,
        writes: formatDate(option.date, style),
      })),
    };
  }
  const writes = dateToWrite(reading, style) ?? text;
  const candidate = reading.candidates[0]!;
  return { kind: 'exact', reads: describeDate(candidate.date), writes, normalised: writes === text.trim() };
}

/** The text the field holds once a typed date is settled (on leaving the field): the written form. */
export function settledDate(text: string, style: DateStyle): string {
  const hint = dateHint(text, style);
  return hint.kind === 'exact' ? hint.writes : text;
}
