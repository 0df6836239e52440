import { z } from 'zod';

export const WIKI_COMMANDS = ['start', 'stop', 'status', 'reset'] as const;

const WikiCommandLineSchema = z.object({
  command: z.enum(WIKI_COMMANDS),
  stateDir: z.string().min(1).optional(),
  port: z.number().int().min(0).max(65535).optional(),
  reseed: z.boolean(),
});
export type WikiCommandLine = z.infer<typeof WikiCommandLineSchema>;

export const WIKI_USAGE = `usage: npx tsx scripts/wiki.ts start|stop|status|reset [--state DIR] [--port N] [--reseed]
  start   install (first time), seed what changed, start; prints the wiki's URL
  stop    stop the server and its workers
  status  print the URL if running (exit 0), else exit 3
  reset   stop and delete the state directory
  --state DIR  where the wiki keeps everything (default .state/wiki)
  --port N     port on 127.0.0.1 (default 8181; 0 = any free port)
  --reseed     write all seed pages again, restoring ones edited on the wiki`;

/** Parses `wiki.ts` arguments; throws an Error whose message says what is wrong. */
export function parseWikiArgs(argv: readonly string[]): WikiCommandLine {
  const [command, ...rest] = argv;
  const options: Record<string, unknown> = { command, reseed: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    const value = (): string => {
      const next = inline ?? rest[++i];
      if (next === undefined || next === '') throw new Error(`${flag} needs a value\n${WIKI_USAGE}`);
      return next;
    };
    if (flag === '--state') options.stateDir = value();
    else if (flag === '--port') {
      const text = value();
      options.port = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    } else if (flag === '--reseed' && inline === undefined) options.reseed = true;
    else throw new Error(`unknown argument ${arg}\n${WIKI_USAGE}`);
  }
  const parsed = WikiCommandLineSchema.safeParse(options);
  if (!parsed.success) {
    const problem = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`,
    );
    throw new Error(`${problem.join('; ')}\n${WIKI_USAGE}`);
  }
  return parsed.data;
}
