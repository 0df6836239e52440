import { describe, expect, it } from 'vitest';
import { findTransclusions, readLegacyRemarks } from '../../../lib/wikitext/index.ts';

const ENTRY = `{{project
|Project=Lazy restore
|Desc=VM Save/restore results in a boatload of IO ...
{{Comment|[[User:Lars.kurth|Lars.kurth]] 14:14, 23 January 2013 (UTC):}} Should be suitable, but desc needs work.
{{Comment|[[User_talk:Some_One|talk]]}} Second remark
on two lines.

Not a remark any more.
|Outcomes=x
}}`;

const remarksOf = (text: string, name: string) => {
  const [t] = findTransclusions(text, { name: 'project', aliases: [] }).transclusions;
  const p = t!.params.find((q) => q.name === name)!;
  return readLegacyRemarks(text, p.valueStart, p.valueEnd);
};

describe('readLegacyRemarks', () => {
  it('reads author, timestamp, ISO time and text of each remark', () => {
    const [first, second] = remarksOf(ENTRY, 'Desc');
    expect(first).toMatchObject({
      author: 'Lars.kurth',
      timestamp: '14:14, 23 January 2013 (UTC)',
      isoTime: '2013-01-23T14:14:00.000Z',
      text: 'Should be suitable, but desc needs work.',
    });
    expect(second).toMatchObject({
      author: 'Some One',
      timestamp: null,
      isoTime: null,
      text: 'Second remark\non two lines.',
    });
  });

  it('gives page offsets from the remark template to the end of its text', () => {
    const [first, second] = remarksOf(ENTRY, 'Desc');
    expect(ENTRY.slice(first!.start, first!.end)).toBe(
      '{{Comment|[[User:Lars.kurth|Lars.kurth]] 14:14, 23 January 2013 (UTC):}} Should be suitable, but desc needs work.',
    );
    expect(ENTRY.slice(second!.start, second!.end)).toBe(
      '{{Comment|[[User_talk:Some_One|talk]]}} Second remark\non two lines.',
    );
  });

  it('finds none where there are none, and skips remarks hidden in comments or nowiki', () => {
    expect(remarksOf(ENTRY, 'Outcomes')).toEqual([]);
    const hidden = '{{project|Desc=<!-- {{Comment|[[User:A]]}} x --><nowiki>{{Comment|b}}</nowiki>}}';
    expect(remarksOf(hidden, 'Desc')).toEqual([]);
  });

  it('keeps the timestamp but reads no ISO time for a zone whose offset it does not know', () => {
    const text = '{{project|Desc={{comment|[[User:A|A]] 09:05, 3 March 2014 (CET)}}  hi  }}';
    expect(remarksOf(text, 'Desc')).toMatchObject([
      { author: 'A', timestamp: '09:05, 3 March 2014 (CET)', isoTime: null, text: 'hi' },
    ]);
  });

  it('reads a remark with no text after it as empty', () => {
    const text = '{{project|Desc=x {{Comment|[[User:A|A]]}}}}';
    const [remark] = remarksOf(text, 'Desc');
    expect(remark).toMatchObject({ author: 'A', text: '' });
    expect(text.slice(remark!.start, remark!.end)).toBe('{{Comment|[[User:A|A]]}}');
  });
});
