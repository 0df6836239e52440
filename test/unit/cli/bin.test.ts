import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { processIo } from '../../../lib/cli/io';
import { runCli } from '../../../lib/cli/run';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const SEED_PATH = 'test/fixtures/pages/seed-2014.wikitext';
const SEED = readFileSync(new URL(`../../../${SEED_PATH}`, import.meta.url), 'utf8');

/** The real bin in a real process, as `npx project-desk …` runs it. */
function bin(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['bin/project-desk.mjs', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
  });
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.status };
}

// Spawning Node on a shared two-core machine can be slow; the default 5 s would make this flaky, not stricter.
describe('bin/project-desk.mjs', { timeout: 120_000 }, () => {
  it('prints the usage with --help and exits 0', () => {
    const result = bin(['--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Usage: project-desk <command>');
    expect(result.stderr).toBe('');
  });

  it('lists the seed page’s entries read from standard input', () => {
    const result = bin(['entries', '-', '--json'], SEED);
    expect(result.exitCode, result.stderr).toBe(0);
    const entries = JSON.parse(result.stdout) as { title: string; section: string[] }[];
    expect(entries).toHaveLength(8);
    expect(new Set(entries.map((entry) => entry.section.join('/'))).size).toBe(3);
  });

  it('prints the edited page byte for byte as the in-process CLI does', () => {
    const args = ['set', '-', '--entry', '6', '--param', 'Difficulty=Medium', '--param', 'Skills=C, libvirt'];
    const result = bin(args, SEED);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toBe(runCli(args, { readStdin: () => SEED, readFile: processIo.readFile }).stdout);
    expect(result.stdout).not.toBe(SEED);
  });

  it('exits 1 when lint finds an error, 0 when it finds only warnings', () => {
    expect(bin(['lint', '-'], '{{project|Project=|Outcomes=x}}').exitCode).toBe(1);
    const seed = bin(['lint', SEED_PATH]);
    expect(seed.exitCode).toBe(0);
    expect(seed.stdout).toContain('8 entries checked:');
  });

  it('exits 2 with a message on stderr for bad arguments', () => {
    const result = bin(['set', SEED_PATH, '--entry', '99', '--param', 'GSoC=No']);
    expect(result).toEqual({
      stdout: '',
      stderr: 'project-desk set: there is no entry 99: the page has 8 entries.\n',
      exitCode: 2,
    });
    expect(bin(['nonsense']).exitCode).toBe(2);
  });
});
