import type { SiteProfile } from '../model/profile';
import { bareProfile } from '../model/profile';
import { profileFromTemplateData } from '../model/templatedata';
import { TemplateDataError } from '../model/templatedata-schema';
import { XEN_PROFILE } from '../model/xen-profile';
import { templateNameMatches } from '../wikitext';
import { type Command, type ProfileChoice, parseArgs, UsageError } from './args';
import { entriesCommand } from './entries';
import { usage, usageHint } from './help';
import { lintCommand } from './lint';
import type { CliResult } from './result';
import { usageFailure } from './result';
import { setCommand } from './set';

/** Where the CLI reads from; the bin passes the real process's, tests pass their own text. */
export interface CliIo {
  /** Standard input, read only when the source is "-". */
  readStdin: () => string;
  readFile: (path: string) => string;
}

class InputError extends Error {}

function reason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

function readSource(source: string, io: CliIo): string {
  try {
    return source === '-' ? io.readStdin() : io.readFile(source);
  } catch (error) {
    throw new InputError(
      `cannot read ${source === '-' ? 'standard input' : `"${source}"`}: ${reason(error)}`,
    );
  }
}

/** The Xen profile, unless another template is named (by name alone, or with its TemplateData). */
function chooseProfile(choice: ProfileChoice, io: CliIo): SiteProfile {
  if (choice.templateData !== undefined) {
    const json = readSource(choice.templateData, io);
    try {
      return profileFromTemplateData(json, { template: choice.template });
    } catch (error) {
      if (error instanceof TemplateDataError)
        throw new InputError(`--templatedata ${choice.templateData}: ${error.message}`);
      throw error;
    }
  }
  if (choice.template === undefined || templateNameMatches(choice.template, XEN_PROFILE.template))
    return XEN_PROFILE;
  return bareProfile(choice.template);
}

function run(command: Exclude<Command, { kind: 'help' }>, io: CliIo): CliResult {
  const profile = chooseProfile(command.profile, io);
  const text = readSource(command.source, io);
  switch (command.kind) {
    case 'entries':
      return entriesCommand(text, profile, command.json);
    case 'lint':
      return lintCommand(text, profile);
    case 'set':
      return setCommand(text, profile, command.entry, command.params);
  }
}

/** The whole CLI as a function of its arguments and input: nothing here touches the process. */
export function runCli(argv: readonly string[], io: CliIo): CliResult {
  let command: Command;
  try {
    command = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const prefix = error.topic === undefined ? 'project-desk' : `project-desk ${error.topic}`;
    return usageFailure(`${prefix}: ${error.message}\n${usageHint(error.topic)}\n`);
  }
  if (command.kind === 'help') return { stdout: usage(command.topic), stderr: '', exitCode: 0 };
  try {
    return run(command, io);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return usageFailure(`project-desk ${command.kind}: ${error.message}\n`);
  }
}
