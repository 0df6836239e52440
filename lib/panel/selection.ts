import { textChange } from '../collab/text-diff';

/**
 * Where a caret or selection belongs after someone else changed the text around it (another tab, a
 * collaborator): before the change it stays, after it it moves by the change's length, inside a
 * replaced part it goes to the end of what replaced it. So typing on in a field another replica just
 * changed goes on where the user was, not at the end of the field.
 */
export interface Selection {
  start: number;
  end: number;
}

export function mapOffset(offset: number, before: string, after: string): number {
  const change = textChange(before, after);
  if (change === null) return offset;
  if (offset <= change.index) return offset;
  if (offset >= change.index + change.remove) return offset + change.insert.length - change.remove;
  return change.index + change.insert.length;
}

export function mapSelection(selection: Selection, before: string, after: string): Selection {
  return { start: mapOffset(selection.start, before, after), end: mapOffset(selection.end, before, after) };
}
