/**
 * Comment text is plain text. Nothing a reviewer (or a peer's forged update) writes is ever HTML; on
 * top of that the text itself is cleaned, on writing and again on reading, of what can deceive a
 * reader of plain text: control characters, and bidirectional overrides and isolates, which can make
 * text display in another order than it is stored (the "Trojan Source" trick, CVE-2021-42574).
 * Those are not dropped silently but shown as a visible mark, so a reader sees that something was there.
 */

/** The longest comment message (UTF-16 units), checked on writing and capped on reading. */
export const MAX_COMMENT_LENGTH = 10_000;

/** U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates). */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
/**
 * C0 controls but tab and line feed, DEL and C1, the interlinear annotation marks and the byte order
 * mark / zero-width no-break space: none has a place in a comment, several hide or reorder text.
 */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufff9-\ufffb\ufeff]/g;

/** How a removed bidirectional control shows in the text, e.g. "⟨U+202E⟩". */
export function bidiMark(character: string): string {
  return `⟨U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/**
 * The text as it is kept and shown: line breaks as \n, controls removed, bidirectional controls made
 * visible, lone surrogates replaced (U+FFFD), no more than two empty lines in a row, trimmed.
 */
export function cleanCommentText(raw: string): string {
  return raw
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(CONTROLS, '')
    .replace(BIDI_CONTROLS, bidiMark)
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/\n[ \t]*\n(?:[ \t]*\n)+/g, '\n\n\n')
    .trim();
}

export type TextCheck =
  | { ok: true; text: string }
  | { ok: false; code: 'empty' | 'too-long'; message: string };

/** For writing: the cleaned text, or why it cannot be posted (in words for the user). */
export function checkCommentText(raw: string): TextCheck {
  const text = cleanCommentText(raw);
  if (text === '')
    return { ok: false, code: 'empty', message: 'Write something first: the comment is empty.' };
  if (text.length > MAX_COMMENT_LENGTH) {
    const limit = MAX_COMMENT_LENGTH.toLocaleString('en');
    const length = text.length.toLocaleString('en');
    return {
      ok: false,
      code: 'too-long',
      message: `A comment can be at most ${limit} characters long; this one has ${length}.`,
    };
  }
  return { ok: true, text };
}

/** For reading what a peer wrote: cleaned, and cut at the limit (marked with "…") when longer. */
export function capCommentText(raw: string): { text: string; truncated: boolean } {
  // Cleaning megabytes from a forged update would be work for nothing: look at a bounded start only.
  const bounded = raw.length > MAX_COMMENT_LENGTH * 4;
  const text = cleanCommentText(bounded ? raw.slice(0, MAX_COMMENT_LENGTH * 4) : raw);
  if (!bounded && text.length <= MAX_COMMENT_LENGTH) return { text, truncated: false };
  let cut = Math.min(text.length, MAX_COMMENT_LENGTH - 1);
  if (/[\ud800-\udbff]/.test(text[cut - 1] ?? '')) cut--; // never half a character
  return { text: `${text.slice(0, cut)}…`, truncated: true };
}
