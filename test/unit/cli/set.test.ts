import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processIo } from '../../../lib/cli/io';
import { runCli } from '../../../lib/cli/run';
import { valuesFromParams } from '../../../lib/model/entry';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import { findTransclusions } from '../../../lib/wikitext';
import { IDEA_PAGE, SMALL_PAGE } from './pages';

const SEED_PATH = 'test/fixtures/pages/seed-2014.wikitext';
const SEED = readFileSync(SEED_PATH, 'utf8');

const set = (page: string, ...args: string[]) =>
  runCli(['set', '-', ...args], { readStdin: () => page, readFile: processIo.readFile });

const entries = (page: string, template = XEN_PROFILE.template) =>
  findTransclusions(page, template).transclusions;
const valuesOf = (page: string, number: number) => valuesFromParams(entries(page)[number - 1]!.params);

/** The page must be unchanged outside entry `number`'s span, and every other entry byte-identical. */
function expectOnlyEntryChanged(before: string, after: string, number: number) {
  const old = entries(before)[number - 1]!;
  const tail = before.length - old.end;
  expect(after.slice(0, old.start)).toBe(before.slice(0, old.start));
  expect(after.slice(after.length - tail)).toBe(before.slice(old.end));
  const others = (page: string) =>
    entries(page)
      .filter((_, index) => index !== number - 1)
      .map((t) => page.slice(t.start, t.end));
  expect(others(after)).toEqual(others(before));
}

describe('project-desk set', () => {
  it('fills an empty parameter of a seed entry, touching nothing else', () => {
    const result = set(SEED, '--entry', '1', '--param', 'Difficulty=Hard');
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(valuesOf(result.stdout, 1).Difficulty).toBe('Hard');
    expectOnlyEntryChanged(SEED, result.stdout, 1);
    expect(result.stdout.length).toBe(SEED.length + 'Hard'.length);
  });

  it('replaces a value and keeps the layout around it', () => {
    const result = set(SMALL_PAGE, '--entry', '2', '--param', 'Project=Grammar-based fuzzing');
    expect(result.stdout).toContain('{{Project |Project= Grammar-based fuzzing |Desc=');
    expectOnlyEntryChanged(SMALL_PAGE, result.stdout, 2);
  });

  it('adds a missing parameter in the profile’s order', () => {
    const result = set(SMALL_PAGE, '--entry', '2', '--param', 'Difficulty=Easy');
    expect(result.exitCode, result.stderr).toBe(0);
    const params = entries(result.stdout)[1]!.params.map((param) => param.name);
    expect(params).toEqual(['Project', 'Difficulty', 'Desc', 'Outcomes']);
    expect(valuesOf(result.stdout, 2).Difficulty).toBe('Easy');
    expectOnlyEntryChanged(SMALL_PAGE, result.stdout, 2);
  });

  it('sets several parameters in one run, values holding "=" and links with "|"', () => {
    const result = set(
      SEED,
      '--entry',
      '8',
      '--param',
      'Outcomes=Patches; see [[Mirage|the Mirage page]]',
      '--param',
      'Desc=x = y, size=175 hours',
      '--param',
      'Verified=2014-05-01',
    );
    expect(result.exitCode, result.stderr).toBe(0);
    expect(valuesOf(result.stdout, 8)).toMatchObject({
      Outcomes: 'Patches; see [[Mirage|the Mirage page]]',
      Desc: 'x = y, size=175 hours',
      Verified: '2014-05-01',
    });
    expectOnlyEntryChanged(SEED, result.stdout, 8);
  });

  it('edits a nested entry inside its parent’s value', () => {
    const result = set(SMALL_PAGE, '--entry', '3', '--param', 'Project=Renamed inner');
    expect(result.exitCode, result.stderr).toBe(0);
    expect(entries(result.stdout).map((t) => valuesFromParams(t.params).Project)).toEqual([
      'Lazy restore',
      'Parser fuzzing',
      'Renamed inner',
      '',
    ]);
  });

  it('keeps CRLF line ends everywhere else', () => {
    const crlf = SMALL_PAGE.replace(/\n/g, '\r\n');
    const result = set(crlf, '--entry', '1', '--param', 'Difficulty=Hard');
    expect(result.stdout).toBe(crlf.replace('|Difficulty=Medium\r\n', '|Difficulty=Hard\r\n'));
  });

  it('reads the file it is given', () => {
    const result = runCli(['set', SEED_PATH, '--entry', '2', '--param', 'GSoC=No'], processIo);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(
      SEED.replace('|GSoC=Yes\n|Desc=VM Save/restore', '|GSoC=No\n|Desc=VM Save/restore'),
    );
  });

  it('notes a parameter the template does not know, but still writes it', () => {
    const result = set(SMALL_PAGE, '--entry', '1', '--param', 'Size=175 hours');
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('"Size" is not a parameter of {{project}}');
    expect(valuesOf(result.stdout, 1).Size).toBe('175 hours');
  });

  it('writes through the alias an entry already uses', () => {
    const args = ['--template', 'Idea', '--templatedata', 'test/unit/cli/idea-templatedata.json'];
    const result = set(IDEA_PAGE, '--entry', '2', '--param', 'title=Documentation', ...args);
    expect(result.exitCode, result.stderr).toBe(0);
    const params = valuesFromParams(entries(result.stdout, { name: 'Idea', aliases: [] })[1]!.params);
    expect(params).toEqual({ name: 'Documentation', summary: '' });
  });
});

describe('project-desk set: refusals (exit 2, nothing on stdout)', () => {
  it('refuses an entry number past the last entry', () => {
    expect(set(SEED, '--entry', '9', '--param', 'GSoC=No')).toEqual({
      stdout: '',
      stderr: 'project-desk set: there is no entry 9: the page has 8 entries.\n',
      exitCode: 2,
    });
    expect(set('no entries here', '--entry', '1', '--param', 'GSoC=No').stderr).toContain(
      'the page has no {{project}} entries',
    );
  });

  it('refuses a value that would not stay one parameter', () => {
    for (const value of ['C | C++', 'done}} {{other']) {
      const result = set(SEED, '--entry', '1', '--param', `Skills=${value}`);
      expect(result.exitCode, value).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('the value of Skills would not stay one parameter');
      expect(result.stderr).toContain('{{!}}');
    }
  });

  it('refuses a malformed --param and a missing file', () => {
    expect(set(SEED, '--entry', '1', '--param', 'Skills').exitCode).toBe(2);
    const missing = runCli(['set', 'nope.wikitext', '--entry', '1', '--param', 'A=b'], processIo);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('cannot read "nope.wikitext"');
  });
});

describe('project-desk set on random edits (property)', () => {
  // Values without the characters that open or split wikitext structures, but with "=" and blanks.
  const safeValue = fc
    .string({ unit: fc.constantFrom('a', 'Z', ' ', '=', '-', '.', 'ü', '\u00a0', '\n', '7'), maxLength: 20 })
    .filter((value) => value.trim() !== '');

  it('changes only the chosen entry, and reads back every value it was given', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.uniqueArray(fc.constantFrom(...XEN_PROFILE.fields.map((field) => field.param)), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.array(safeValue, { minLength: 4, maxLength: 4 }),
        (number, names, values) => {
          const args = names.flatMap((name, index) => ['--param', `${name}=${values[index]}`]);
          const result = set(SEED, '--entry', String(number), ...args);
          expect(result.exitCode, result.stderr).toBe(0);
          expectOnlyEntryChanged(SEED, result.stdout, number);
          const after = valuesOf(result.stdout, number);
          names.forEach((name, index) => {
            expect(after[name]).toBe(values[index]!.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, ''));
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
