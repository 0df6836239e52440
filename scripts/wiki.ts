// The test and demo wiki: `npx tsx scripts/wiki.ts start|stop|status|reset [--state DIR] [--port N]`.
// The URL goes to stdout alone on its line (for scripts); progress goes to stderr.
import { parseWikiArgs } from './mediawiki/cli-args';
import { ensureWiki, resetWiki, stopWiki, wikiStatus } from './mediawiki/lifecycle';
import { DEFAULT_STATE_DIR } from './mediawiki/paths';

const EXIT_NOT_RUNNING = 3;

async function main(argv: readonly string[]): Promise<number> {
  const args = parseWikiArgs(argv);
  const stateDir = args.stateDir ?? DEFAULT_STATE_DIR;
  const note = (message: string): void => {
    process.stderr.write(`wiki: ${message}\n`);
  };
  switch (args.command) {
    case 'start': {
      const wiki = await ensureWiki({
        stateDir,
        ...(args.port === undefined ? {} : { port: args.port }),
        reseed: args.reseed,
        log: note,
      });
      const how = wiki.started ? `started in ${(wiki.elapsedMs / 1000).toFixed(1)} s` : 'already running';
      note(
        `${how} (pid ${wiki.pid}, state ${wiki.stateDir}); users ${wiki.users.mentor.username}, ${wiki.users.reviewer.username}`,
      );
      process.stdout.write(`${wiki.origin}/\n`);
      return 0;
    }
    case 'stop':
      note((await stopWiki(stateDir)) ? 'stopped' : 'was not running');
      return 0;
    case 'status': {
      const wiki = wikiStatus(stateDir);
      if (!wiki) {
        note(`not running (state ${stateDir})`);
        return EXIT_NOT_RUNNING;
      }
      note(`running (pid ${wiki.pid}, state ${wiki.stateDir})`);
      process.stdout.write(`${wiki.origin}/\n`);
      return 0;
    }
    case 'reset':
      await resetWiki(stateDir);
      note(`deleted ${stateDir}; the next start installs afresh`);
      return 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`wiki: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
