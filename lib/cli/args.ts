import { z } from 'zod';

/** The commands the CLI knows; `help` prints the usage of one of them or of the whole tool. */
export const COMMAND_NAMES = ['entries', 'lint', 'set'] as const;
export const CommandNameSchema = z.enum(COMMAND_NAMES);
export type CommandName = z.infer<typeof CommandNameSchema>;

/** Which template holds the entries: the Xen profile's by default, another by name or by its TemplateData. */
export const ProfileChoiceSchema = z.object({
  template: z.string().min(1).optional(),
  /** A file holding the template's `action=templatedata` answer (or its bare `<templatedata>` JSON). */
  templateData: z.string().min(1).optional(),
});
export type ProfileChoice = z.infer<typeof ProfileChoiceSchema>;

export const ParamAssignmentSchema = z.object({ name: z.string().min(1), value: z.string() });
export type ParamAssignment = z.infer<typeof ParamAssignmentSchema>;

/** FILE, or "-" for standard input. */
const SourceSchema = z.string().min(1);

export const CommandSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('help'), topic: CommandNameSchema.optional() }),
  z.object({
    kind: z.literal('entries'),
    source: SourceSchema,
    json: z.boolean(),
    profile: ProfileChoiceSchema,
  }),
  z.object({ kind: z.literal('lint'), source: SourceSchema, profile: ProfileChoiceSchema }),
  z.object({
    kind: z.literal('set'),
    source: SourceSchema,
    entry: z.number().int().positive(),
    params: z.array(ParamAssignmentSchema).min(1),
    profile: ProfileChoiceSchema,
  }),
]);
export type Command = z.infer<typeof CommandSchema>;

/** Bad arguments: the CLI prints the message and the command's usage hint, and exits with 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly topic?: CommandName,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Options that take a value, per command. */
const VALUE_OPTIONS: Record<CommandName, readonly string[]> = {
  entries: ['template', 'templatedata'],
  lint: ['template', 'templatedata'],
  set: ['template', 'templatedata', 'entry', 'param'],
};
const FLAG_OPTIONS: Record<CommandName, readonly string[]> = {
  entries: ['json', 'help'],
  lint: ['help'],
  set: ['help'],
};

interface RawArgs {
  positionals: string[];
  values: Map<string, string[]>;
  flags: Set<string>;
}

function splitOption(arg: string): { name: string; inline?: string } {
  const equals = arg.indexOf('=');
  return equals === -1
    ? { name: arg.slice(2) }
    : { name: arg.slice(2, equals), inline: arg.slice(equals + 1) };
}

function readRawArgs(args: readonly string[], command: CommandName): RawArgs {
  const raw: RawArgs = { positionals: [], values: new Map(), flags: new Set() };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--') {
      raw.positionals.push(...args.slice(index + 1));
      break;
    }
    if (arg === '-h') {
      raw.flags.add('help');
      continue;
    }
    if (!arg.startsWith('--')) {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`, command);
      raw.positionals.push(arg);
      continue;
    }
    const { name, inline } = splitOption(arg);
    if (FLAG_OPTIONS[command].includes(name) && inline === undefined) {
      raw.flags.add(name);
    } else if (VALUE_OPTIONS[command].includes(name)) {
      const value = inline ?? args[++index];
      if (value === undefined) throw new UsageError(`--${name} needs a value`, command);
      raw.values.set(name, [...(raw.values.get(name) ?? []), value]);
    } else {
      throw new UsageError(`unknown option "--${name}" for "${command}"`, command);
    }
  }
  return raw;
}

function single(raw: RawArgs, name: string, command: CommandName): string | undefined {
  const values = raw.values.get(name);
  if (values && values.length > 1) throw new UsageError(`--${name} may be given only once`, command);
  return values?.[0];
}

function source(raw: RawArgs, command: CommandName): string {
  const [file, ...extra] = raw.positionals;
  if (file === undefined || file === '')
    throw new UsageError('no FILE given (use "-" to read standard input)', command);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`, command);
  return file;
}

function profileChoice(raw: RawArgs, command: CommandName): ProfileChoice {
  const template = single(raw, 'template', command);
  const templateData = single(raw, 'templatedata', command);
  if (template !== undefined && template.trim() === '')
    throw new UsageError('--template needs a name', command);
  return { template: template?.trim(), templateData };
}

/** "Name=value": the first "=" splits, so a value may hold more of them. */
export function parseParamAssignment(text: string): ParamAssignment {
  const equals = text.indexOf('=');
  const name = equals === -1 ? '' : text.slice(0, equals).trim();
  if (equals === -1 || name === '') {
    throw new UsageError(`--param "${text}" is not of the form Name=value`, 'set');
  }
  if (/[|{}[\]<>\n]/.test(name)) {
    throw new UsageError(
      `--param "${text}": a parameter name cannot hold | { } [ ] < > or a line break`,
      'set',
    );
  }
  return { name, value: text.slice(equals + 1) };
}

function entryNumber(raw: RawArgs): number {
  const text = single(raw, 'entry', 'set');
  if (text === undefined)
    throw new UsageError('--entry N is required (entries count from 1 in page order)', 'set');
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new UsageError(`--entry "${text}" is not an entry number (1, 2, 3 …)`, 'set');
  }
  return Number(text);
}

/** The command an argument list asks for; throws UsageError with a message for the user. */
export function parseArgs(argv: readonly string[]): Command {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = CommandNameSchema.safeParse(rest[0]);
    return { kind: 'help', topic: name === 'help' && topic.success ? topic.data : undefined };
  }
  const command = CommandNameSchema.safeParse(name);
  if (!command.success) throw new UsageError(`unknown command "${name}"`);
  const raw = readRawArgs(rest, command.data);
  if (raw.flags.has('help')) return { kind: 'help', topic: command.data };
  const profile = profileChoice(raw, command.data);
  switch (command.data) {
    case 'entries':
      return { kind: 'entries', source: source(raw, 'entries'), json: raw.flags.has('json'), profile };
    case 'lint':
      return { kind: 'lint', source: source(raw, 'lint'), profile };
    case 'set': {
      const params = (raw.values.get('param') ?? []).map(parseParamAssignment);
      if (params.length === 0) throw new UsageError('give at least one --param Name=value', 'set');
      return { kind: 'set', source: source(raw, 'set'), entry: entryNumber(raw), params, profile };
    }
  }
}
