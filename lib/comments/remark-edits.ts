import { z } from 'zod';
import { EntryRefSchema } from '../anchoring/schema';
import { MONTH_NAMES } from '../model/dates';
import type { TextEdit } from '../wikitext/types';
import type { ThreadRecord } from './schema';

/**
 * The wiki's own remarks, `{{Comment|signature}} text`, as edits the publish flow carries out: a
 * resolved remark removed at the next publish, a comment published as a remark. Both are pure
 * descriptions; the publish flow checks them against the wikitext it is about to save (a remark
 * may have moved or changed since), shows them in its diff, and applies them.
 */

export const RemarkRemovalSchema = z.object({
  kind: z.literal('remove-remark'),
  threadId: z.string(),
  entry: EntryRefSchema,
  param: z.string(),
  /** Page offsets of the remark in the revision it was read from, and its exact source there. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  source: z.string(),
});
export type RemarkRemoval = z.infer<typeof RemarkRemovalSchema>;

export const RemarkInsertionSchema = z.object({
  kind: z.literal('add-remark'),
  threadId: z.string(),
  entry: EntryRefSchema,
  /** The parameter the remark goes into: Desc, where the wiki's reviewers write them. */
  param: z.string(),
  /** The remark's wikitext, e.g. `{{Comment|[[User:X|X]] 14:14, 23 January 2013 (UTC):}} text`. */
  wikitext: z.string(),
});
export type RemarkInsertion = z.infer<typeof RemarkInsertionSchema>;

/** The removal a resolved wiki-remark thread asks for, or null (not one, or kept by the user's choice). */
export function removalOf(record: ThreadRecord): RemarkRemoval | null {
  if (!record.legacy || !record.resolution?.resolved || record.keepRemark || record.remarkRemoved)
    return null;
  const { param, start, end, source } = record.legacy;
  return {
    kind: 'remove-remark',
    threadId: record.id,
    entry: record.anchor.target.entry,
    param,
    start,
    end,
    source,
  };
}

export type RemovalPlan =
  | { ok: true; edit: TextEdit | null; note: string | null }
  | { ok: false; code: 'ambiguous'; message: string };

/**
 * The edit that removes the remark from `wikitext` (the text about to be saved): at its offsets when
 * its source is still there, else wherever its exact source occurs once. A remark on a line of its own
 * (a list item's too) goes with its line; one after other text on a line takes the spaces before it.
 * Already gone: nothing to do (edit null, with a note). Several copies: refused, for the user to decide.
 */
export function planRemarkRemoval(intent: RemarkRemoval, wikitext: string): RemovalPlan {
  let start = intent.start;
  if (wikitext.slice(start, intent.end) !== intent.source) {
    const first = wikitext.indexOf(intent.source);
    if (first < 0) return { ok: true, edit: null, note: 'The remark is no longer in the wikitext.' };
    if (wikitext.indexOf(intent.source, first + 1) >= 0)
      return {
        ok: false,
        code: 'ambiguous',
        message: 'The remark is in the wikitext more than once; remove it by hand.',
      };
    start = first;
  }
  const end = start + intent.source.length;
  const lineStart = wikitext.lastIndexOf('\n', start - 1) + 1;
  const newline = wikitext.indexOf('\n', end);
  const lineEnd = newline < 0 ? wikitext.length : newline;
  const ownLine =
    /^[ \t]*[*#:;]*[ \t]*$/.test(wikitext.slice(lineStart, start)) &&
    /^[ \t\r]*$/.test(wikitext.slice(end, lineEnd));
  if (ownLine) {
    // The line and one line break: its own, or (the last line) the one before it.
    if (newline >= 0) return { ok: true, edit: { start: lineStart, end: newline + 1, text: '' }, note: null };
    return { ok: true, edit: { start: Math.max(0, lineStart - 1), end: lineEnd, text: '' }, note: null };
  }
  let from = start;
  while (from > lineStart && (wikitext[from - 1] === ' ' || wikitext[from - 1] === '\t')) from--;
  return { ok: true, edit: { start: from, end, text: '' }, note: null };
}

/** A signature's time as MediaWiki writes it: "14:14, 23 January 2013 (UTC)". */
export function signatureTime(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) throw new RangeError(`not a time: ${iso}`);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(time.getUTCHours())}:${pad(time.getUTCMinutes())}, ${time.getUTCDate()} ${MONTH_NAMES[time.getUTCMonth()]} ${time.getUTCFullYear()} (UTC)`;
}

/**
 * Comment text made inert as wikitext: one line (a blank line would end the remark, a line break in
 * a list would end the item), and every character that could start markup in a parameter value as an
 * HTML entity: `|` and `}}` would end the entry's template, `{{`/`[[`/`<` start templates, links and
 * tags, `~~~` signs, `''` formats, `__TOC__` is a magic word. MediaWiki shows the entities as the
 * characters they stand for.
 */
export function escapeRemarkText(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[&<>[\]{}|~]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/''/g, '&#39;&#39;')
    .replace(/__/g, '&#95;&#95;');
}

/** MediaWiki user names: no characters a link target cannot hold, first letter as the wiki stores it. */
const USER_NAME = /^[^#<>[\]|{}\n/:]{1,85}$/;

/** The remark's wikitext, the way the wiki's reviewers write them. */
export function remarkWikitext({
  wikiUser,
  at,
  text,
}: {
  wikiUser: string;
  at: string;
  text: string;
}): string {
  const user = wikiUser.replace(/_/g, ' ').trim();
  if (!USER_NAME.test(user)) throw new RangeError(`not a wiki user name: ${JSON.stringify(wikiUser)}`);
  return `{{Comment|[[User:${user}|${user}]] ${signatureTime(at)}:}} ${escapeRemarkText(text)}`;
}

/** A parameter value with a remark added at its end, on a line of its own. */
export function appendRemark(value: string, remark: string): string {
  const body = value.replace(/[ \t\r\n]+$/, '');
  return body === '' ? remark : `${body}\n${remark}`;
}

/** The entities escapeRemarkText writes (and the usual named ones), read back as characters. */
export function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi, (whole, dec, hex, name) => {
    const code = dec ? Number(dec) : hex ? Number.parseInt(hex, 16) : null;
    if (code !== null) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return named[name.toLowerCase()] ?? whole;
  });
}

/**
 * A remark's wikitext as plain text to read: links as their labels, bold and italics as plain,
 * entities as characters. (Still shown as text: commentTokens links only bare http(s) URLs.)
 */
export function remarkPlainText(wikitext: string): string {
  return decodeEntities(
    wikitext
      .replace(/\[\[(?:[^\]|]*\|)?([^\]]*)\]\]/g, '$1')
      .replace(/\[(https?:\/\/[^\s\]]+)(?: ([^\]]*))?\]/g, (_, url, label) => label || url)
      .replace(/'{2,}/g, ''),
  );
}

/** The user a remark's signature names (`[[User:X|…]]`), or null when it names none. */
export function remarkSigner(wikitext: string): string | null {
  const found = /\[\[\s*User\s*:\s*([^|\]]+?)\s*(?:\||\]\])/i.exec(wikitext);
  return found ? found[1]!.replace(/_/g, ' ') : null;
}
