import type { CommandName } from './args';

const PROFILE_OPTIONS = `  --template NAME       entries are transclusions of {{NAME}} instead of the Xen wiki's {{project}}
  --templatedata FILE   take the template and its fields from FILE: the wiki's action=templatedata
                        answer for it (or the JSON of its <templatedata> block, with --template)`;

const USAGE: Record<CommandName, string> = {
  entries: `Usage: project-desk entries FILE|- [--json] [--template NAME] [--templatedata FILE]

Lists every project entry of a page's wikitext in page order: number, line, title, section, problems.
FILE "-" reads standard input.

  --json                one JSON array: {title, section, nested, start, end, params, problems} per entry;
                        params are {name, value, positional, valueStart, valueEnd} with the raw value text
${PROFILE_OPTIONS}`,
  lint: `Usage: project-desk lint FILE|- [--template NAME] [--templatedata FILE]

Checks every entry the way the editor does (empty title, ambiguous dates, "Skills Needed:" typed twice,
missing GSoC project size, …) and lists what a mentor should fix. Exits with 1 when any problem is an
error (errors block publishing), 0 otherwise, 2 on bad arguments.

${PROFILE_OPTIONS}`,
  set: `Usage: project-desk set FILE|- --entry N --param Name=value [--param Name=value …]

Prints the page with the parameters of entry N (counted from 1 in page order, as "entries" lists them)
set to the new values. Only those values change; every other byte of the page stays as it was.
A parameter the entry lacks is added in the template's order. The value is wikitext and may contain "=";
write {{!}} for a "|" that is not inside a link or template.

  --entry N             the entry to edit
  --param Name=value    the parameter to set (repeatable)
${PROFILE_OPTIONS}`,
};

const OVERVIEW = `Usage: project-desk <command> [options]

Reads and edits project-idea entries ({{project |Project=…}} transclusions) in MediaWiki wikitext.

Commands:
  entries FILE|- [--json]                   list the entries of a page
  lint FILE|-                               check every entry; exit 1 when any has an error
  set FILE|- --entry N --param Name=value   print the page with entry N's parameters changed

Run "project-desk <command> --help" for a command's options.`;

export function usage(topic?: CommandName): string {
  return `${topic === undefined ? OVERVIEW : USAGE[topic]}\n`;
}

/** The hint after a usage error: where to read more. */
export function usageHint(topic?: CommandName): string {
  return topic === undefined
    ? 'Run "project-desk --help" for usage.'
    : `Run "project-desk ${topic} --help" for usage.`;
}
