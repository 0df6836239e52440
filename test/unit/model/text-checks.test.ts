import { describe, expect, it } from 'vitest';
import {
  editDistance,
  hasAddress,
  hasName,
  projectSizeStatement,
  repeatedLabel,
  visibleText,
} from '../../../lib/model/text-checks';

describe('visibleText', () => {
  it('drops HTML comments, an unterminated one to the end, and trims', () => {
    expect(visibleText('  <!-- fill in -->  ')).toBe('');
    expect(visibleText('C <!-- and C++? --> and OCaml\n')).toBe('C  and OCaml');
    expect(visibleText('Rust <!-- left open')).toBe('Rust');
  });
});

describe('repeatedLabel', () => {
  const labels = ['Skills Needed', 'Skills'];

  it('finds the label typed at the start of the value, in any case, bold or not', () => {
    expect(repeatedLabel('Skills Needed: C, OCaml', labels)).toBe('Skills Needed');
    expect(repeatedLabel("'''Skills Needed:''' C", labels)).toBe('Skills Needed');
    expect(repeatedLabel("'''Skills Needed''': C", labels)).toBe('Skills Needed');
    expect(repeatedLabel('skills needed : C', labels)).toBe('Skills Needed');
    expect(repeatedLabel('Skills: C', labels)).toBe('Skills');
  });

  it('leaves values that only mention the label, or lack the colon', () => {
    expect(repeatedLabel('C; Skills Needed: none else', labels)).toBeUndefined();
    expect(repeatedLabel('Skills needed are few', labels)).toBeUndefined();
    expect(repeatedLabel('Expected outcome: patches', ['Outcomes'])).toBeUndefined();
  });

  it('treats regular-expression characters in labels literally', () => {
    expect(repeatedLabel('C++: yes', ['C++'])).toBe('C++');
    expect(repeatedLabel('Cxx: yes', ['C++'])).toBeUndefined();
  });
});

describe('contacts', () => {
  it('recognises addresses: e-mail, obfuscated e-mail, user pages, links', () => {
    expect(hasAddress('george.dunlap@citrix.com')).toBe(true);
    expect(hasAddress('george [at] xen.org')).toBe(true);
    expect(hasAddress('[[User:Lars.kurth|Lars]]')).toBe(true);
    expect(hasAddress('https://example.org/~me')).toBe(true);
    expect(hasAddress('Mentor: George Dunlap')).toBe(false);
  });

  it('recognises names, in any script, among role words', () => {
    expect(hasName('Mentor: George Dunlap, Student: Bo Cao')).toBe(true);
    expect(hasName('Mentor: Boris Ostrovsky, Student: Tülin İZER')).toBe(true);
    expect(hasName('[[User:Lars.kurth|Lars.kurth]]')).toBe(true);
    expect(hasName('Andres')).toBe(true);
  });

  it('sees that role words and placeholders name no one', () => {
    for (const text of [
      'Mentor:',
      'Mentor: TBD',
      'Mentors: ?, Student: none',
      'n/a',
      'Technical contact: TBA',
      '—',
    ]) {
      expect(hasName(text), text).toBe(false);
    }
  });
});

describe('projectSizeStatement', () => {
  it('finds a GSoC size in hours, however it is written', () => {
    for (const text of [
      'Size: 175 hours',
      'a 350h project',
      '90-hour project',
      'about 175 hrs',
      'Large (350 HOURS)',
    ]) {
      expect(projectSizeStatement(text), text).toEqual({ kind: 'stated' });
    }
  });

  it('finds the named sizes, but not a bare difficulty word', () => {
    expect(projectSizeStatement('This is a medium-sized project.')).toEqual({ kind: 'stated' });
    expect(projectSizeStatement('Project size: large')).toEqual({ kind: 'stated' });
    expect(projectSizeStatement('Difficulty: Medium')).toEqual({ kind: 'none' });
  });

  it('reports hours that are not a GSoC size, and ignores numbers that are not hours', () => {
    expect(projectSizeStatement('takes 200 hours')).toEqual({ kind: 'other', hours: 200 });
    expect(projectSizeStatement('scales to 350 guests in 90 seconds')).toEqual({ kind: 'none' });
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('Outcome', 'Outcomes')).toBe(1);
    expect(editDistance('desc', 'Desc')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
