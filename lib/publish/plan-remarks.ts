import { appendRemark, planRemarkRemoval, remarkSigner } from '../comments/remark-edits';
import { valuesFromParams } from '../model/entry';
import { applyEdits } from '../wikitext/edits';
import { scanPage } from '../wikitext/page';
import type { EntryOutcome } from './entry-outcome';
import type { PageContext } from './page-context';
import type { PlannedRemark, RemarkEdit } from './plan-schema';

/**
 * The wiki's own remarks folded into an entry's publish: after the draft is merged with the wiki's
 * entry, a resolved remark is cut out of the entry's text and a comment asked to be published is
 * appended to its Desc, in the same edit. Both act on the merged text, so a remark the wiki did not
 * touch is never a conflict; one that cannot be found once is left where it is, with a note.
 */

interface Folded {
  text: string;
  remarks: PlannedRemark[];
  notes: string[];
}

function removeRemark(
  text: string,
  offset: number,
  edit: RemarkEdit & { kind: 'remove-remark' },
  into: Folded,
) {
  const who = remarkSigner(edit.source) ?? 'someone';
  // The removal's offsets are the page's; the entry's text starts at `offset` on the page read.
  const shifted = { ...edit, start: Math.max(0, edit.start - offset), end: Math.max(0, edit.end - offset) };
  const removal = planRemarkRemoval(shifted, text);
  if (!removal.ok) {
    into.notes.push(`Does not remove the remark by ${who}: ${removal.message}`);
    return text;
  }
  if (!removal.edit) {
    into.notes.push(`The remark by ${who} is no longer in the wikitext: there is nothing to remove.`);
    into.remarks.push({
      threadId: edit.threadId,
      kind: edit.kind,
      line: `Removes the remark by ${who} (resolved)`,
    });
    return text;
  }
  into.remarks.push({
    threadId: edit.threadId,
    kind: edit.kind,
    line: `Removes the remark by ${who} (resolved)`,
  });
  return applyEdits(text, [removal.edit]);
}

function addRemark(
  context: PageContext,
  text: string,
  edit: RemarkEdit & { kind: 'add-remark' },
  into: Folded,
): string {
  const entry = scanPage(text, context.options).transclusions.find((t) => t.start === 0 && !t.nested);
  const who = remarkSigner(edit.wikitext) ?? 'you';
  if (!entry) {
    into.notes.push(
      `Does not add your comment as a remark signed by ${who}: the entry does not read as one.`,
    );
    return text;
  }
  const current = valuesFromParams(entry.params)[edit.param] ?? '';
  const value = appendRemark(current, edit.wikitext);
  const at = entry.params.findLast((param) => !param.positional && param.name === edit.param);
  let next: string;
  if (at) {
    // The value's own trailing blanks (the line break before `|` or `}}`) stay as the page has them.
    const raw = text.slice(at.valueStart, at.valueEnd);
    const trailing = raw.slice(raw.replace(/[ \t\r\n]+$/, '').length);
    const leading = raw.slice(0, raw.length - raw.trimStart().length);
    next = applyEdits(text, [
      { start: at.valueStart, end: at.valueEnd, text: `${leading}${value}${trailing}` },
    ]);
  } else {
    into.notes.push(
      `Does not add your comment as a remark signed by ${who}: the entry has no ${edit.param}.`,
    );
    return text;
  }
  into.remarks.push({
    threadId: edit.threadId,
    kind: edit.kind,
    line: `Adds your comment as a remark signed by ${who}`,
  });
  return next;
}

/** The entry's outcome with its remark edits in its text (an entry that only gains them is updated). */
export function foldRemarks(
  context: PageContext,
  result: EntryOutcome,
  edits: readonly RemarkEdit[],
): EntryOutcome {
  const { plan } = result;
  const ordinal = plan.match.ordinal;
  const acting = plan.action === 'update' || plan.action === 'unchanged';
  if (edits.length === 0 || !acting || ordinal === null || plan.after === null) return result;
  if (result.problems.some((problem) => problem.severity === 'error')) return result;
  const wiki = context.entries[ordinal - 1]!;
  const into: Folded = { text: plan.after, remarks: [], notes: [] };
  for (const edit of edits.filter((item) => item.kind === 'remove-remark'))
    into.text = removeRemark(into.text, wiki.transclusion.start, edit, into);
  for (const edit of edits.filter((item) => item.kind === 'add-remark'))
    into.text = addRemark(context, into.text, edit, into);
  plan.notes.push(...into.notes);
  plan.remarks.push(...into.remarks);
  if (into.text === plan.after) return result;
  plan.after = into.text;
  plan.action = 'update';
  const values = valuesFromParams(
    scanPage(into.text, context.options).transclusions.find((t) => t.start === 0 && !t.nested)?.params ?? [],
  );
  return { ...result, values, edit: { kind: 'replace', index: ordinal - 1, text: into.text } };
}
