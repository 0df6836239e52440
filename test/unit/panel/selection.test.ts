import { describe, expect, it } from 'vitest';
import { mapOffset, mapSelection } from '../../../lib/panel/selection';

describe('keeping the caret through a change made elsewhere', () => {
  const before = 'Mentor: Jim';
  it('stays before a change, moves with text inserted or removed before it', () => {
    expect(mapOffset(3, before, `${before} Fehlig`)).toBe(3);
    expect(mapOffset(11, 'xMentor: Jim'.slice(1), `Co-${before}`)).toBe(14);
    expect(mapOffset(11, before, before.slice(3))).toBe(8);
  });

  it('goes to the end of what replaced the part it was in', () => {
    expect(mapOffset(9, before, 'Mentor: Bob Smith')).toBe('Mentor: Bob Smith'.length);
    expect(mapSelection({ start: 8, end: 11 }, before, 'Mentor: Ann')).toEqual({ start: 8, end: 11 });
  });

  it('does not move when nothing changed', () => {
    expect(mapSelection({ start: 2, end: 5 }, before, before)).toEqual({ start: 2, end: 5 });
  });
});
