import { describe, expect, it } from 'vitest';
import {
  duplicateParamNames,
  EntrySchema,
  effectiveValue,
  entryFromTransclusion,
  entryTitle,
  trimLikeMediaWiki,
  valuesFromParams,
} from '../../../lib/model/entry';
import { bareProfile, SiteProfileSchema } from '../../../lib/model/profile';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import type { TemplateParam, Transclusion } from '../../../lib/wikitext/types';

/**
 * Writes a page holding one transclusion and describes it exactly as the codec does (offsets included),
 * so the entry can be built without parsing. A param is [name, value] or [null, value] for a positional one.
 */
function page(before: string, params: [string | null, string][], after = '') {
  let text = `${before}{{project`;
  const start = before.length;
  let position = 0;
  const described: TemplateParam[] = params.map(([name, value]) => {
    const paramStart = text.length;
    text += '|';
    const nameStart = text.length;
    if (name !== null) text += `${name}=`;
    const valueStart = text.length;
    text += value;
    if (name === null) position += 1;
    return {
      name: name === null ? String(position) : name.trim(),
      positional: name === null,
      value,
      start: paramStart,
      end: text.length,
      nameStart,
      nameEnd: name === null ? valueStart : nameStart + name.length,
      valueStart,
      valueEnd: text.length,
    };
  });
  text += '}}';
  const transclusion: Transclusion = {
    template: 'project',
    start,
    end: text.length,
    nameStart: start + 2,
    nameEnd: start + 9,
    section: ['GSoC Projects'],
    nested: false,
    params: described,
  };
  return { text: text + after, transclusion };
}

describe('trimLikeMediaWiki', () => {
  it('trims what PHP trim() trims, and nothing else', () => {
    expect(trimLikeMediaWiki(' \t\r\n\v\0Lazy restore \n')).toBe('Lazy restore');
    // A no-break space and an ideographic space are kept: MediaWiki keeps them too.
    expect(trimLikeMediaWiki('\u00a0Title\u3000')).toBe('\u00a0Title\u3000');
  });
});

describe('entryFromTransclusion', () => {
  it('takes named values trimmed, and keeps the exact base wikitext and ordinal', () => {
    const { text, transclusion } = page(
      '== GSoC ==\n',
      [
        ['Project', ' Lazy restore using memory paging\n'],
        ['Date', '01/20/2014\n'],
        ['Desc', 'VM Save/restore\n\nresults in IO.\n'],
      ],
      '\nafter',
    );
    const entry = entryFromTransclusion(text, transclusion, XEN_PROFILE, 3);
    expect(entry).toEqual({
      values: {
        Project: 'Lazy restore using memory paging',
        Date: '01/20/2014',
        Desc: 'VM Save/restore\n\nresults in IO.',
      },
      identity: {
        ordinal: 3,
        title: 'Lazy restore using memory paging',
        baseWikitext: text.slice(transclusion.start, transclusion.end),
      },
    });
    expect(entry.identity.baseWikitext.startsWith('{{project|Project=')).toBe(true);
    expect(entry.identity.baseWikitext.endsWith('}}')).toBe(true);
    expect(EntrySchema.parse(entry)).toEqual(entry);
  });

  it('lets the last duplicate win, as MediaWiki does', () => {
    const { text, transclusion } = page('', [
      ['Skills', 'C'],
      ['Project', 'First'],
      ['Skills', ' OCaml '],
    ]);
    expect(entryFromTransclusion(text, transclusion, XEN_PROFILE, 1).values.Skills).toBe('OCaml');
  });

  it('keeps positional values untrimmed, named "1", "2"…', () => {
    const { transclusion } = page('', [
      [null, ' first '],
      ['Project', 'T'],
      [null, 'second\n'],
    ]);
    expect(valuesFromParams(transclusion.params)).toEqual({ '1': ' first ', Project: 'T', '2': 'second\n' });
    expect(effectiveValue(transclusion.params[0]!)).toBe(' first ');
  });

  it('gives an empty title when the entry has no Project', () => {
    const { text, transclusion } = page('', [['Desc', 'x']]);
    expect(entryFromTransclusion(text, transclusion, XEN_PROFILE, 1).identity.title).toBe('');
  });

  it('keeps a parameter named like an Object property as a plain value', () => {
    const { transclusion } = page('', [
      ['__proto__', 'x'],
      ['constructor', 'y'],
    ]);
    const values = valuesFromParams(transclusion.params);
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(Object.keys(values)).toEqual(['__proto__', 'constructor']);
    expect(values.constructor).toBe('y');
  });
});

describe('entryTitle', () => {
  it('reads the title through the title field’s aliases', () => {
    const profile = SiteProfileSchema.parse({
      id: 'idea',
      template: { name: 'Idea' },
      titleParam: 'title',
      fields: [{ param: 'title', aliases: ['name'], label: 'Title', kind: 'line', need: 'required' }],
    });
    expect(entryTitle(profile, { name: ' Fuzzing ' })).toBe('Fuzzing');
    expect(entryTitle(profile, { name: 'B', title: 'A' })).toBe('A');
  });

  it('finds a usual title parameter for a profile without fields', () => {
    const bare = bareProfile('Idea');
    expect(entryTitle(bare, { Title: ' A ' })).toBe('A');
    expect(entryTitle(bare, { summary: 'x', Project: 'P' })).toBe('P');
    expect(entryTitle(bare, { '1': 'Positional title' })).toBe('Positional title');
    expect(entryTitle(bare, { summary: 'x' })).toBe('');
  });
});

describe('duplicateParamNames', () => {
  it('lists each repeated name once, in first-seen order', () => {
    const { transclusion } = page('', [
      ['a', '1'],
      ['b', '2'],
      ['a', '3'],
      ['b', '4'],
      ['a', '5'],
      ['c', '6'],
    ]);
    expect(duplicateParamNames(transclusion.params)).toEqual(['a', 'b']);
  });
});
