import { findMentions } from './mentions';
import type { Person } from './schema';

/**
 * A comment's text as the UI renders it: runs of plain text, safe links and mentions, each rendered
 * as text (a text node, a link's label) and never as HTML. Only http(s) and mailto URLs written out
 * in full become links; javascript:, data:, vbscript:, file:, protocol-relative "//host" and the rest
 * stay text. A URL with a user name or password in it stays text too: "https://bank.example@evil.test"
 * reads like one site and goes to another.
 */
export type CommentToken =
  | { kind: 'text'; text: string }
  | { kind: 'link'; href: string; label: string }
  | { kind: 'mention'; person: Person; label: string };

/** Longest URL made a link; a longer one is shown as text. */
const MAX_URL_LENGTH = 2048;
/** A URL starts with its scheme, not inside a word; it runs to white space or a character that ends it. */
const URL_START = /(?<![\p{L}\p{N}_])(?:https?:\/\/|mailto:)/giu;
const URL_BODY = /[^\s<>"'`]*/y;

/** Drops what usually closes the sentence around a URL: a full stop, a comma, an unbalanced bracket. */
function trimUrl(candidate: string): string {
  let url = candidate;
  for (;;) {
    const last = url.at(-1);
    if (last === undefined) return url;
    if ('.,;:!?*'.includes(last)) url = url.slice(0, -1);
    else if (last === ')' && count(url, '(') < count(url, ')')) url = url.slice(0, -1);
    else if (last === ']' && count(url, '[') < count(url, ']')) url = url.slice(0, -1);
    else return url;
  }
}

const count = (text: string, character: string): number => text.split(character).length - 1;

/** The link's href when `label` is a URL we link to, else null. */
export function safeHref(label: string): string | null {
  if (label.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(label);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.hostname === '' ? null : url.href;
  if (url.protocol === 'mailto:') return /^[^@\s/%]+@[^@\s/%]+$/.test(url.pathname) ? url.href : null;
  return null;
}

function links(text: string): Array<{ start: number; end: number; href: string }> {
  const out: Array<{ start: number; end: number; href: string }> = [];
  for (const match of text.matchAll(URL_START)) {
    if (out.length > 0 && match.index < out.at(-1)!.end) continue;
    URL_BODY.lastIndex = match.index + match[0].length;
    const body = URL_BODY.exec(text)?.[0] ?? '';
    const label = trimUrl(match[0] + body);
    const href = safeHref(label);
    if (href) out.push({ start: match.index, end: match.index + label.length, href });
  }
  return out;
}

/** The text as tokens; their texts and labels joined give the text back, unchanged. */
export function commentTokens(text: string, collaborators: readonly Person[] = []): CommentToken[] {
  const spans = [
    ...links(text).map((link) => ({ ...link, person: null })),
    ...findMentions(text, collaborators).map((mention) => ({ ...mention, href: null })),
  ].sort((a, b) => a.start - b.start);
  const tokens: CommentToken[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue; // a mention inside a link (mailto:@…) is part of the link
    if (span.start > at) tokens.push({ kind: 'text', text: text.slice(at, span.start) });
    const label = text.slice(span.start, span.end);
    tokens.push(
      span.href !== null
        ? { kind: 'link', href: span.href, label }
        : { kind: 'mention', person: span.person!, label },
    );
    at = span.end;
  }
  if (at < text.length) tokens.push({ kind: 'text', text: text.slice(at) });
  return tokens;
}
