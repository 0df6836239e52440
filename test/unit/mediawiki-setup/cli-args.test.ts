import { describe, expect, it } from 'vitest';
import { parseWikiArgs } from '../../../scripts/mediawiki/cli-args';

describe('parseWikiArgs', () => {
  it('reads each command with its defaults', () => {
    for (const command of ['start', 'stop', 'status', 'reset'] as const) {
      expect(parseWikiArgs([command])).toEqual({ command, reseed: false });
    }
  });

  it('reads --state, --port and --reseed, also in --flag=value form', () => {
    expect(parseWikiArgs(['start', '--state', '.state/demo', '--port', '9000', '--reseed'])).toEqual({
      command: 'start',
      stateDir: '.state/demo',
      port: 9000,
      reseed: true,
    });
    expect(parseWikiArgs(['start', '--state=/tmp/a=b', '--port=0'])).toEqual({
      command: 'start',
      stateDir: '/tmp/a=b',
      port: 0,
      reseed: false,
    });
  });

  it('refuses unknown commands, unknown flags, missing values and bad ports with the usage', () => {
    for (const argv of [
      [],
      ['restart'],
      ['start', '--verbose'],
      ['start', '--state'],
      ['start', '--port'],
      ['start', '--port', 'eighty'],
      ['start', '--port', '65536'],
      ['start', '--port', '-1'],
      ['start', '--reseed=yes'],
    ]) {
      expect(() => parseWikiArgs(argv), argv.join(' ')).toThrow(/usage: npx tsx scripts\/wiki\.ts/);
    }
  });
});
