// A pid file can outlive its server and the pid be reused: only our own server is ever signalled.
import { describe, expect, it } from 'vitest';
import type { MediaWikiTree } from '../../../scripts/mediawiki/distribution';
import { stateLayout } from '../../../scripts/mediawiki/paths';
import { isWikiServerCommand, originOf, serverArgs } from '../../../scripts/mediawiki/server';

const tree: MediaWikiTree = { root: '/cache/mediawiki/1.39', debianVersion: '1:1.39.17-1' };
const layout = stateLayout('/tmp/state-a');

describe('isWikiServerCommand', () => {
  const argv = ['php', ...serverArgs(tree, layout, 8181)];

  it('recognises the command line we start the server with', () => {
    expect(isWikiServerCommand(argv, layout, 8181)).toBe(true);
  });

  it('does not take another port, another state directory or another program for ours', () => {
    expect(isWikiServerCommand(argv, layout, 8182)).toBe(false);
    expect(isWikiServerCommand(argv, stateLayout('/tmp/state-b'), 8181)).toBe(false);
    expect(isWikiServerCommand(['node', 'server.js', '127.0.0.1:8181'], layout, 8181)).toBe(false);
    expect(isWikiServerCommand(['php', '-S', '127.0.0.1:8181', '-t', '/srv/www'], layout, 8181)).toBe(false);
  });
});

describe('serverArgs', () => {
  it('binds the loopback interface only and routes through our router', () => {
    const args = serverArgs(tree, layout, 8181);
    expect(args).toContain('127.0.0.1:8181');
    expect(args[args.indexOf('-t') + 1]).toBe(tree.root);
    expect(args.at(-1)).toMatch(/scripts\/mediawiki\/router\.php$/);
    expect(args).toContain('output_buffering=On');
  });

  it('gives the origin the wiki is reached at', () => {
    expect(originOf(8181)).toBe('http://127.0.0.1:8181');
  });
});
