import type { Draft, Mutation, Random } from './mutations';
import { splice } from './text-edits';

/**
 * Edits of a text's layout: its units (paragraphs of wikitext; sentences of the rendered page, which
 * has no line breaks) deleted or reordered, and its white space reflowed.
 */

/** [start, end) of each unit, and [start, end) of the separator after it (empty for the last). */
function units(draft: Draft): Array<{ start: number; end: number; next: number }> {
  const separator = draft.style === 'wikitext' ? /\n[ \t]*\n\s*/g : /(?<=[.!]) +/g;
  const out: Array<{ start: number; end: number; next: number }> = [];
  let start = 0;
  for (const match of draft.text.matchAll(separator)) {
    if (match.index > start) out.push({ start, end: match.index, next: match.index + match[0].length });
    start = match.index + match[0].length;
  }
  if (start < draft.text.length) out.push({ start, end: draft.text.length, next: draft.text.length });
  return out;
}

const holdsQuote = (draft: Draft, unit: { start: number; end: number }): boolean =>
  draft.truth !== null && draft.truth[0] >= unit.start && draft.truth[1] <= unit.end;

/** The whole unit holding the quote deleted, with its separator. */
export const deleteUnit: Mutation = (_random, draft) => {
  const unit = units(draft).find((u) => holdsQuote(draft, u));
  if (!unit) return false;
  draft.apply(splice(unit.start, unit.next - unit.start, ''));
  return true;
};

/** One unit (the quote's, more often than not) moved before another one. */
export const reorderUnits: Mutation = (random, draft) => {
  const all = units(draft);
  const movable = all.filter((u) => u.next > u.end); // not the last: it has a separator to carry along
  if (all.length < 3 || movable.length === 0) return false;
  const own = movable.find((u) => holdsQuote(draft, u));
  const unit = own && random.chance(0.6) ? own : random.pick(movable);
  const [start, end] = draft.quote;
  // Neither the cut nor the place it goes to may fall strictly inside a quote spanning units.
  if (!holdsQuote(draft, unit) && unit.start < end && start < unit.next) return false;
  const length = unit.next - unit.start;
  const targets = all
    .filter((u) => u !== unit && u.start !== unit.next)
    .map((u) => (u.start > unit.start ? u.start - length : u.start))
    .filter((to) => {
      const shifted = (at: number) => (at >= unit.next ? at - length : at);
      return holdsQuote(draft, unit) || !(to > shifted(start) && to < shifted(end));
    });
  if (targets.length === 0) return false;
  draft.apply({ kind: 'move', from: unit.start, length, to: random.pick(targets) });
  return true;
};

/** Lines re-wrapped: spaces become line breaks or double spaces, single line breaks spaces. */
export const reflow: Mutation = (random, draft) => {
  const spaces = [...draft.text.matchAll(/(?<![\n ]) (?![\n ])|(?<!\n)\n(?!\n)/g)].map((m) => m.index);
  if (spaces.length === 0) return false;
  let changed = false;
  for (const at of spaces.reverse()) {
    const roll = random.next();
    const isBreak = draft.text[at] === '\n';
    if (isBreak && roll < 0.5) draft.apply(splice(at, 1, ' '));
    else if (!isBreak && roll < 0.12)
      draft.apply(splice(at, 1, draft.style === 'wikitext' ? '\n' : '\u00a0'));
    else if (!isBreak && roll < 0.2) draft.apply(splice(at, 1, '  '));
    else continue;
    changed = true;
  }
  return changed;
};

/** Several ordinary edits one after another (a real editing session). */
export function combine(random: Random, draft: Draft, mutations: readonly Mutation[]): boolean {
  let applied = 0;
  for (let count = random.between(2, 4); count > 0 && draft.truth; count--) {
    if (random.pick(mutations)(random, draft)) applied++;
  }
  return applied > 0;
}
