import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseSpace, preparedOffset, prepareText, rawRange } from '../../../lib/anchoring/prepared-text';

describe('prepareText', () => {
  it('collapses every run of white space to one space, as collapseSpace does', () => {
    const raw = 'a  b\n\n\tc\u00a0d\u2003\u2003e';
    expect(prepareText(raw).text).toBe('a b c d e');
    expect(collapseSpace(raw)).toBe('a b c d e');
  });

  it('maps each prepared range back to the raw text it came from', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\t', 'é', '😀'), maxLength: 80 }),
        (raw) => {
          const prepared = prepareText(raw);
          expect(prepared.text).toBe(collapseSpace(raw));
          for (let start = 0; start < prepared.text.length; start++) {
            for (let end = start + 1; end <= prepared.text.length; end++) {
              const [from, to] = rawRange(prepared, start, end);
              expect(collapseSpace(raw.slice(from, to))).toBe(prepared.text.slice(start, end));
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('finds the prepared offset of a raw offset', () => {
    const prepared = prepareText('ab   cd');
    expect(preparedOffset(prepared, 0)).toBe(0);
    expect(preparedOffset(prepared, 2)).toBe(2);
    expect(preparedOffset(prepared, 5)).toBe(3);
    expect(preparedOffset(prepared, 7)).toBe(5);
  });
});
