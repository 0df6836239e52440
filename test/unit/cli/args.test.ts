import { describe, expect, it } from 'vitest';
import { CommandSchema, parseArgs, parseParamAssignment, UsageError } from '../../../lib/cli/args';

const usageError = (argv: string[]) => {
  try {
    parseArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error(`expected a UsageError for ${argv.join(' ')}`);
};

describe('parseArgs', () => {
  it('reads entries with a file or "-", with and without --json', () => {
    expect(parseArgs(['entries', 'page.wikitext'])).toEqual({
      kind: 'entries',
      source: 'page.wikitext',
      json: false,
      profile: {},
    });
    expect(parseArgs(['entries', '-', '--json'])).toMatchObject({ kind: 'entries', source: '-', json: true });
    expect(parseArgs(['entries', '--json', '-'])).toMatchObject({ source: '-', json: true });
  });

  it('reads lint and the template options, in both spellings', () => {
    expect(parseArgs(['lint', 'p', '--template', 'Idea'])).toEqual({
      kind: 'lint',
      source: 'p',
      profile: { template: 'Idea' },
    });
    expect(parseArgs(['lint', 'p', '--template=Project idea', '--templatedata=td.json'])).toEqual({
      kind: 'lint',
      source: 'p',
      profile: { template: 'Project idea', templateData: 'td.json' },
    });
  });

  it('reads set with several params, values holding "=" and empty values', () => {
    const command = parseArgs([
      'set',
      'p',
      '--entry',
      '3',
      '--param',
      'Difficulty=Hard',
      '--param=Desc=a=b, c == d',
      '--param',
      'Verified=',
    ]);
    expect(command).toEqual({
      kind: 'set',
      source: 'p',
      entry: 3,
      params: [
        { name: 'Difficulty', value: 'Hard' },
        { name: 'Desc', value: 'a=b, c == d' },
        { name: 'Verified', value: '' },
      ],
      profile: {},
    });
    expect(CommandSchema.parse(command)).toEqual(command);
  });

  it('keeps everything after "--" as positionals, so a file may start with a dash', () => {
    expect(parseArgs(['entries', '--', '--odd-name'])).toMatchObject({ source: '--odd-name' });
  });

  it('asks for help with no arguments, --help, -h, help, and per command', () => {
    expect(parseArgs([])).toEqual({ kind: 'help', topic: undefined });
    expect(parseArgs(['--help'])).toEqual({ kind: 'help', topic: undefined });
    expect(parseArgs(['help', 'set'])).toEqual({ kind: 'help', topic: 'set' });
    expect(parseArgs(['set', '--help'])).toEqual({ kind: 'help', topic: 'set' });
    expect(parseArgs(['lint', '-h'])).toEqual({ kind: 'help', topic: 'lint' });
    expect(parseArgs(['entries', 'x', '--help'])).toEqual({ kind: 'help', topic: 'entries' });
  });

  it('refuses an unknown command or option, naming it', () => {
    expect(usageError(['show', 'x']).message).toBe('unknown command "show"');
    expect(usageError(['entries', 'x', '--jsn']).message).toBe('unknown option "--jsn" for "entries"');
    expect(usageError(['lint', 'x', '--json']).message).toBe('unknown option "--json" for "lint"');
    expect(usageError(['entries', 'x', '-j']).message).toBe('unknown option "-j"');
    expect(usageError(['entries', 'x', '--json=yes']).topic).toBe('entries');
  });

  it('refuses a missing file, an extra argument and a missing option value', () => {
    expect(usageError(['entries']).message).toContain('no FILE given');
    expect(usageError(['lint', 'a', 'b']).message).toBe('unexpected argument "b"');
    expect(usageError(['lint', 'a', '--template']).message).toBe('--template needs a value');
    expect(usageError(['lint', 'a', '--template', ' ']).message).toBe('--template needs a name');
    expect(usageError(['lint', 'a', '--template', 'A', '--template', 'B']).message).toContain('only once');
  });

  it('refuses set without --entry, with a bad entry number, or without --param', () => {
    expect(usageError(['set', 'p', '--param', 'A=b']).message).toContain('--entry N is required');
    for (const bad of ['0', '-1', 'two', '1.5', '']) {
      expect(usageError(['set', 'p', '--entry', bad, '--param', 'A=b']).message, bad).toContain(
        'not an entry number',
      );
    }
    expect(usageError(['set', 'p', '--entry', '1']).message).toContain('at least one --param');
  });
});

describe('parseParamAssignment', () => {
  it('splits at the first "=" and trims the name only', () => {
    expect(parseParamAssignment(' Skills = C, OCaml ')).toEqual({ name: 'Skills', value: ' C, OCaml ' });
    expect(parseParamAssignment('Desc=x=y')).toEqual({ name: 'Desc', value: 'x=y' });
  });

  it('refuses text without "=" or a name, and names MediaWiki cannot hold', () => {
    for (const bad of ['Difficulty', '=Hard', ' =Hard', 'a|b=c', 'a}}=c', 'a\nb=c']) {
      expect(() => parseParamAssignment(bad), bad).toThrow(UsageError);
    }
    expect(() => parseParamAssignment('Difficulty')).toThrow(
      '--param "Difficulty" is not of the form Name=value',
    );
  });
});
