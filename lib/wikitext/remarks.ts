import { core, phpTrim } from './names.ts';
import { findTransclusions } from './page.ts';
import type { LegacyRemark } from './types.ts';

/** Reviewers' `{{Comment|signature}} text` remarks, as the Xen wiki has written them for years. */

// A MediaWiki signature's timestamp, e.g. "14:14, 23 January 2013 (UTC)"; only UTC times are read
// (a zone name alone does not say its offset).
const STAMP = /(\d\d?):(\d\d), (\d\d?) ([A-Z][a-z]+) (\d{4}) \((?:(UTC|GMT)|[A-Z]+)\)/;
const USER = /\[\[ *user(?:[ _]talk)? *:([^|\]]+)/i;

/** The remarks inside text[start, end) (a parameter value), each up to the next one or paragraph end. */
export function readLegacyRemarks(text: string, start: number, end: number): LegacyRemark[] {
  const value = text.slice(start, end);
  const found = findTransclusions(value, { name: 'Comment', aliases: [] }).transclusions.filter(
    (t) => !t.nested,
  );
  return found.map((c, k) => {
    const signature = c.params[0]?.value ?? '';
    const [stamp, hour, minute, day, month = '?', year, utc] = STAMP.exec(signature) ?? [];
    // The month's index when the name is a month's (capitals stand only at multiples of 3), else < 0.
    const m = 'JanFebMarAprMayJunJulAugSepOctNovDec'.indexOf(month.slice(0, 3)) / 3;
    const body = value.slice(c.end, found[k + 1]?.start).split(/\n[ \t\r]*\n/)[0]!;
    const [from, to] = core(body);
    return {
      author: phpTrim(USER.exec(signature)?.[1] ?? '').replace(/_/g, ' '),
      timestamp: stamp ?? null,
      isoTime: utc && m >= 0 ? new Date(Date.UTC(+year!, m, +day!, +hour!, +minute!)).toISOString() : null,
      text: body.slice(from, to),
      start: start + c.start,
      end: start + c.end + to,
    };
  });
}
