import { processIo } from './io';
import { runCli } from './run';

/** Entry point of bin/project-desk.mjs: runs the CLI on this process and sets its exit code. */
export function main(argv: readonly string[]): void {
  const result = runCli(argv, processIo);
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  // Not process.exit(): it could cut off a large page still being written to a pipe.
  process.exitCode = result.exitCode;
}
