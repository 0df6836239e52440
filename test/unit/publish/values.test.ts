import { describe, expect, it } from 'vitest';
import { draftSide, mergeParams, normalizeValue } from '../../../lib/publish';

describe('normalizeValue', () => {
  it('keeps what the wiki keeps and drops what it drops', () => {
    expect(normalizeValue('  a\r\nb\rc \n')).toBe('a\nb\nc');
    // NFC, as MediaWiki normalises every request: e + combining acute becomes é.
    expect(normalizeValue('Caf\u0065\u0301')).toBe('Caf\u00e9');
    // PHP's trim spares the no-break space.
    expect(normalizeValue('\u00a0x\u00a0')).toBe('\u00a0x\u00a0');
  });
});

describe('the draft side of a parameter', () => {
  const base = { Project: 'T', Difficulty: 'Medium' };
  it("takes '' for a parameter the base lacks as no change", () => {
    expect(draftSide(base, { Skills: '' }, 'Skills')).toBeNull();
    expect(draftSide(base, { Skills: '  \n' }, 'Skills')).toBeNull();
    expect(draftSide(base, { Skills: 'C' }, 'Skills')).toBe('C');
  });
  it("takes '' for a parameter the base has as emptying it, and a missing key as unchanged", () => {
    expect(draftSide(base, { Difficulty: '' }, 'Difficulty')).toBe('');
    expect(draftSide(base, {}, 'Difficulty')).toBe('Medium');
  });
});

describe('the three-way merge per parameter', () => {
  const kinds = (
    base: Record<string, string>,
    mine: Record<string, string>,
    theirs: Record<string, string>,
  ) => Object.fromEntries(mergeParams(base, mine, theirs).map((m) => [m.param, [m.kind, m.result]]));

  it('takes each side its own changes, and flags a field changed on both to different values', () => {
    const base = { A: '1', B: '1', C: '1', D: '1', E: '1' };
    const mine = { A: '1', B: '2', C: '1', D: '2', E: '3' };
    const theirs = { A: '1', B: '1', C: '2', D: '2', E: '4' };
    expect(kinds(base, mine, theirs)).toEqual({
      A: ['unchanged', '1'],
      B: ['mine', '2'],
      C: ['theirs', '2'],
      D: ['same', '2'],
      E: ['conflict', '4'],
    });
  });

  it('tells a parameter removed on the wiki from an emptied one', () => {
    const merged = kinds({ A: 'x', B: 'x' }, { A: 'x', B: 'y' }, { B: 'x' });
    expect(merged).toEqual({ A: ['theirs', null], B: ['mine', 'y'] });
    expect(kinds({ A: 'x' }, { A: 'y' }, {})).toEqual({ A: ['conflict', null] });
  });

  it('lists parameters in the wiki entry’s order, then the base’s, then the draft’s', () => {
    const order = mergeParams(
      { B: '1', A: '1' },
      { C: 'new', A: '1', B: '1' },
      { A: '1', D: '1', B: '1' },
    ).map((m) => m.param);
    expect(order).toEqual(['A', 'D', 'B', 'C']);
  });
});
