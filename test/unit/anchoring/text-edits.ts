import type * as Y from 'yjs';

/**
 * Edits of a text whose effect on one range (a comment's quote) is known exactly: the ground truth of
 * the mutation corpus. A splice replaces text[at, at + remove) by `insert`; a move cuts a part out and
 * pastes it elsewhere (`to` counts in the text after the cut), which is how paragraphs are reordered.
 * The same edits can be applied to a Y.Text, so that the relative-position path is tested on them too.
 */
export type TextEdit =
  | { kind: 'splice'; at: number; remove: number; insert: string }
  | { kind: 'move'; from: number; length: number; to: number };

/** Where the quote is: [start, end), or null once it is gone. */
export type Truth = readonly [number, number] | null;

export const splice = (at: number, remove: number, insert: string): TextEdit => ({
  kind: 'splice',
  at,
  remove,
  insert,
});

export function applyEdit(text: string, edit: TextEdit): string {
  if (edit.kind === 'splice') return text.slice(0, edit.at) + edit.insert + text.slice(edit.at + edit.remove);
  const part = text.slice(edit.from, edit.from + edit.length);
  const rest = text.slice(0, edit.from) + text.slice(edit.from + edit.length);
  return rest.slice(0, edit.to) + part + rest.slice(edit.to);
}

export function applyEditToYText(ytext: Y.Text, edit: TextEdit): void {
  if (edit.kind === 'splice') {
    if (edit.remove > 0) ytext.delete(edit.at, edit.remove);
    if (edit.insert) ytext.insert(edit.at, edit.insert);
    return;
  }
  const part = ytext.toString().slice(edit.from, edit.from + edit.length);
  ytext.delete(edit.from, edit.length);
  ytext.insert(edit.to, part);
}

/**
 * The range after a splice. Text inserted exactly at the quote's start goes before it, at its end
 * after it; an edit strictly inside changes the quote (it stays, longer or shorter); removing all of
 * it (even to put other text there) makes it gone. An edit across one end only is never generated.
 */
function trackSplice(truth: Truth, at: number, remove: number, insert: number): Truth {
  if (truth === null) return null;
  const [start, end] = truth;
  const stop = at + remove;
  if (remove > 0 && at <= start && stop >= end) return null;
  if (stop <= start) return [start - remove + insert, end - remove + insert];
  if (at >= end) return truth;
  if (at >= start && stop <= end) return [start, end - remove + insert];
  throw new Error(`an edit [${at}, ${stop}) across one end of the quote [${start}, ${end})`);
}

export function trackEdit(truth: Truth, edit: TextEdit): Truth {
  if (truth === null) return null;
  if (edit.kind === 'splice') return trackSplice(truth, edit.at, edit.remove, edit.insert.length);
  const [start, end] = truth;
  if (start >= edit.from && end <= edit.from + edit.length) {
    const offset = edit.to - edit.from;
    return [start + offset, end + offset];
  }
  const cut = trackSplice(truth, edit.from, edit.length, 0);
  return trackSplice(cut, edit.to, 0, edit.length);
}
