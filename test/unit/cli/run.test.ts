import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EntryJsonSchema } from '../../../lib/cli/entries';
import { processIo } from '../../../lib/cli/io';
import { type CliIo, runCli } from '../../../lib/cli/run';
import { BROKEN_PAGE, IDEA_PAGE, SMALL_PAGE } from './pages';

const SEED = 'test/fixtures/pages/seed-2014.wikitext';
const IDEA_TEMPLATEDATA = 'test/unit/cli/idea-templatedata.json';

/** Files come from the real file system; standard input is the given text. */
const io = (stdin = ''): CliIo => ({ readStdin: () => stdin, readFile: processIo.readFile });
const cli = (argv: string[], stdin?: string) => runCli(argv, io(stdin));
const json = (argv: string[], stdin?: string) => {
  const result = cli(argv, stdin);
  expect(result.exitCode, result.stderr).toBe(0);
  return EntryJsonSchema.array().parse(JSON.parse(result.stdout));
};

describe('project-desk entries --json', () => {
  it('lists every entry in page order, nested ones flagged, with their sections', () => {
    const entries = json(['entries', '-', '--json'], SMALL_PAGE);
    expect(entries.map((entry) => [entry.title, entry.section, entry.nested])).toEqual([
      ['Lazy restore', ['Ideas', 'GSoC'], false],
      ['Parser fuzzing', ['Ideas', 'GSoC'], false],
      ['Inner idea', ['Ideas', 'GSoC'], true],
      ['', ['Other'], false],
    ]);
  });

  it('gives offsets and raw values that point into the page exactly', () => {
    const entries = json(['entries', '-', '--json'], SMALL_PAGE);
    for (const entry of entries) {
      expect(SMALL_PAGE.slice(entry.start, entry.start + 2)).toBe('{{');
      expect(SMALL_PAGE.slice(entry.end - 2, entry.end)).toBe('}}');
      for (const param of entry.params)
        expect(SMALL_PAGE.slice(param.valueStart, param.valueEnd)).toBe(param.value);
    }
    const second = entries[1]!;
    expect(second.params.map((param) => [param.name, param.value, param.positional])).toEqual([
      ['Project', ' Parser fuzzing ', false],
      ['Desc', 'Fuzz it. {{project|Project=Inner idea|Outcomes=x}} ', false],
      ['Outcomes', 'Bugs', false],
    ]);
  });

  it('reports validation problems per entry, with field and severity', () => {
    const [first, , , last] = json(['entries', '-', '--json'], SMALL_PAGE);
    expect(first!.problems.map((problem) => [problem.source, problem.severity, problem.code])).toEqual([
      ['validation', 'warning', 'date-ambiguous'],
      ['validation', 'warning', 'label-repeated'],
    ]);
    expect(first!.problems[0]).toMatchObject({ field: 'Date' });
    expect(last!.problems.filter((problem) => problem.severity === 'error')).toEqual([
      expect.objectContaining({ source: 'validation', field: 'Project', code: 'required' }),
    ]);
  });

  it('reads the seed page: 8 entries in 3 sections', () => {
    const entries = json(['entries', SEED, '--json']);
    expect(entries).toHaveLength(8);
    expect(new Set(entries.map((entry) => entry.section.join(' / ')))).toEqual(
      new Set([
        'Accepted Projects / GSoC Projects',
        'Accepted Projects / Xen related GSoC Projects by other mentoring Organizations',
        'Accepted Projects / OPW Round 8',
      ]),
    );
    expect(entries[1]?.title).toBe('Lazy restore using memory paging');
    expect(entries.every((entry) => !entry.nested)).toBe(true);
  });

  it('prints an empty array for a page without entries', () => {
    expect(json(['entries', '-', '--json'], 'Just text, {{other|Project=x}}.')).toEqual([]);
  });
});

describe('project-desk entries (table)', () => {
  it('prints number, line, title, section and a problem count per entry', () => {
    const result = cli(['entries', '-'], SMALL_PAGE);
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^#\s+Line\s+Title\s+Section\s+Problems$/);
    expect(lines[1]).toMatch(/^1\s+4\s+Lazy restore\s+Ideas > GSoC\s+2 warnings$/);
    expect(lines[3]).toMatch(/^3\s+15\s+Inner idea \(nested\)\s+Ideas > GSoC/);
    expect(lines[4]).toMatch(/^4\s+17\s+\(no title\)\s+Other\s+1 error, 6 warnings$/);
    expect(result.stdout).toContain('4 entries in 2 sections.');
  });

  it('says so when there are no entries, and notes an entry it cannot read', () => {
    expect(cli(['entries', '-'], 'nothing').stdout).toBe('No {{project}} entries on this page.\n');
    const broken = cli(['entries', '-'], BROKEN_PAGE).stdout;
    expect(broken).toContain('1 entry in 1 section.');
    expect(broken).toMatch(/Line 6: an entry that can't be read: /);
  });
});

describe('project-desk lint', () => {
  it('lists each entry’s problems with number, title, field, severity and message; exit 1 on an error', () => {
    const result = cli(['lint', '-'], SMALL_PAGE);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('#1 Lazy restore (line 4)\n');
    expect(result.stdout).toMatch(
      /\n {2}warning {2}Date +Date of insert "01\/02\/2014" can be read as 1 February 2014/,
    );
    expect(result.stdout).toMatch(
      /\n\n#4 \(no title\) \(line 17\)\n {2}error {4}Project +Project is required/,
    );
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('4 entries checked: 1 error, 17 warnings.');
  });

  it('leaves out entries without problems, and exits 0 when all problems are warnings', () => {
    const clean =
      '{{project|Project=A|Date=2014-01-20|Contact=Ann|Difficulty=Hard|Skills=C|Desc=D|Outcomes=O}}';
    expect(cli(['lint', '-'], clean)).toEqual({ stdout: '1 entry checked: ok.\n', stderr: '', exitCode: 0 });
    const seed = cli(['lint', SEED]);
    expect(seed.exitCode).toBe(0);
    expect(seed.stdout).toContain('#1 Implement Xen PVUSB support in xl/libxl toolstack (line 9)');
    expect(seed.stdout).toContain(
      '"01/12/2012" can be read as 1 December 2012 (day first) or as 12 January 2012',
    );
    expect(seed.stdout).toMatch(/8 entries checked: \d+ warnings\.\n$/);
  });

  it('makes an entry the codec cannot read an error of the page', () => {
    const result = cli(['lint', '-'], BROKEN_PAGE);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/Page\n {2}error {4}line 6 {2}This entry can't be read: /);
  });
});

describe('--template and --templatedata', () => {
  it('finds another template’s entries by name, checking only the wikitext', () => {
    const entries = json(['entries', '-', '--json', '--template', 'Idea'], IDEA_PAGE);
    expect(entries.map((entry) => [entry.title, entry.problems])).toEqual([
      ['Fuzzing', []],
      ['Docs', []],
    ]);
    expect(json(['entries', '-', '--json', '--template', 'Idea'], SMALL_PAGE)).toEqual([]);
  });

  it('treats --template project as the Xen profile', () => {
    expect(cli(['lint', '-', '--template', 'Project'], SMALL_PAGE).exitCode).toBe(1);
  });

  it('validates with the fields of a template’s TemplateData', () => {
    const result = cli(['lint', '-', '--templatedata', IDEA_TEMPLATEDATA], IDEA_PAGE);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/#1 Fuzzing \(line 2\)\n {2}warning {2}level {2}Level is "Expert"/);
    expect(result.stdout).toMatch(
      /#2 Docs \(line 3\)\n(?: {2}.*\n)* {2}error {4}summary {2}Summary is required/,
    );
  });

  it('refuses a TemplateData file it cannot use, with the reason (exit 2)', () => {
    const result = cli(['lint', '-', '--templatedata', 'package.json'], IDEA_PAGE);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('project-desk lint: --templatedata package.json: ');
  });
});

describe('bad arguments and input (exit 2)', () => {
  it('names a file it cannot read', () => {
    expect(cli(['entries', 'no/such/page.wikitext'])).toEqual({
      stdout: '',
      stderr: 'project-desk entries: cannot read "no/such/page.wikitext": no such file\n',
      exitCode: 2,
    });
    expect(cli(['lint', 'test']).stderr).toContain('it is a directory');
  });

  it('explains an unknown command and points to --help', () => {
    expect(cli(['frobnicate'])).toEqual({
      stdout: '',
      stderr: 'project-desk: unknown command "frobnicate"\nRun "project-desk --help" for usage.\n',
      exitCode: 2,
    });
    expect(cli(['set', 'x', '--entry', '1', '--param', 'oops']).stderr).toBe(
      'project-desk set: --param "oops" is not of the form Name=value\nRun "project-desk set --help" for usage.\n',
    );
  });

  it('reads standard input only for "-"', () => {
    const unreadable: CliIo = {
      readStdin: () => {
        throw new Error('stdin is closed');
      },
      readFile: processIo.readFile,
    };
    expect(runCli(['entries', '-'], unreadable).stderr).toBe(
      'project-desk entries: cannot read standard input: stdin is closed\n',
    );
    expect(runCli(['entries', SEED], unreadable).exitCode).toBe(0);
  });
});

describe('--help', () => {
  it('prints the overview and each command’s usage on stdout, exit 0', () => {
    const overview = cli(['--help']);
    expect(overview.exitCode).toBe(0);
    expect(overview.stdout).toContain('Usage: project-desk <command>');
    for (const command of ['entries', 'lint', 'set']) {
      const help = cli([command, '--help']);
      expect(help.stdout.startsWith(`Usage: project-desk ${command} FILE|-`)).toBe(true);
      expect(help.stdout).toContain('--template NAME');
    }
    expect(cli(['set', '--help']).stdout).toContain('--param Name=value');
  });
});

describe('the fixture TemplateData used here', () => {
  it('is the Idea template', () => {
    expect(JSON.parse(readFileSync(IDEA_TEMPLATEDATA, 'utf8')).pages['40'].title).toBe('Template:Idea');
  });
});
