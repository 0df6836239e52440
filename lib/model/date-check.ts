import { describeDate, describeOrder, formatDate, parseDate } from './dates';
import type { DateStyle, Field, SiteProfile } from './profile';
import type { ValidationProblem } from './validation';

/** The style suggestions are written in: the profile's, unless that is one of the swappable numeric ones. */
function unambiguousStyle(style: DateStyle): DateStyle {
  return style === 'written' ? 'written' : 'iso';
}

/**
 * A date nobody can read blocks publishing (readers and staleness checks depend on it); an ambiguous one
 * is a warning that spells out both readings, since the wiki has both orders and we will not guess.
 */
export function checkDate(profile: SiteProfile, field: Field, text: string): ValidationProblem[] {
  const reading = parseDate(text);
  const style = unambiguousStyle(profile.dateStyle);
  if (reading.status === 'unreadable') {
    const example = formatDate({ year: 2014, month: 1, day: 20 }, style);
    return [
      {
        field: field.param,
        severity: 'error',
        code: 'date-unreadable',
        message:
          `${field.label} "${text}" is not a date this editor can read. ` +
          `Write it as ${example} (or like 20 January 2014).`,
      },
    ];
  }
  if (reading.status !== 'ambiguous') return [];
  const readings = reading.candidates.map(
    (option) => `${describeDate(option.date)} (${describeOrder(option.order)})`,
  );
  const rewrites = reading.candidates.map((option) => formatDate(option.date, style));
  return [
    {
      field: field.param,
      severity: 'warning',
      code: 'date-ambiguous',
      message:
        `${field.label} "${text}" can be read as ${readings.join(' or as ')}. ` +
        `Write ${rewrites.join(' or ')} so nobody has to guess.`,
    },
  ];
}
