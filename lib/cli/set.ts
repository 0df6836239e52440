import { trimLikeMediaWiki, valuesFromParams } from '../model/entry';
import { fieldForParam, presentParamName, type SiteProfile } from '../model/profile';
import { addParam, applyEdits, findTransclusions, setParamValue } from '../wikitext';
import type { Transclusion } from '../wikitext/types';
import type { ParamAssignment } from './args';
import { plural } from './entries';
import { type CliResult, usageFailure } from './result';

function entryAt(text: string, profile: SiteProfile, number: number): Transclusion | undefined {
  return findTransclusions(text, profile.template).transclusions[number - 1];
}

/** The name to write: the one the entry already uses for that field (an alias, say), else the given one. */
function targetName(profile: SiteProfile, transclusion: Transclusion, name: string): string {
  const field = fieldForParam(profile, name);
  if (!field) return name;
  return presentParamName(field, valuesFromParams(transclusion.params)) ?? name;
}

function applyOne(
  text: string,
  profile: SiteProfile,
  transclusion: Transclusion,
  assignment: ParamAssignment,
): string {
  const name = targetName(profile, transclusion, assignment.name);
  const present = transclusion.params.some((param) => param.name === name);
  const order = profile.fields.map((field) => field.param);
  const edit = present
    ? setParamValue(text, transclusion, name, assignment.value)
    : addParam(text, transclusion, name, assignment.value, order);
  return applyEdits(text, [edit]);
}

/**
 * Whether MediaWiki will read back the value we wrote (whitespace around it aside: the codec keeps the
 * layout's). A bare `|` or `}}` in the value would have split it into other parameters.
 */
function survived(transclusion: Transclusion | undefined, name: string, value: string): boolean {
  const param = transclusion?.params.findLast((candidate) => candidate.name === name);
  return param !== undefined && trimLikeMediaWiki(param.value) === trimLikeMediaWiki(value);
}

/**
 * `set`: the page with entry `number`'s parameters changed, one edit at a time (each against the page as
 * the previous one left it), then read back: a value holding a bare `|` or `}}` would silently become
 * other parameters, so it is refused instead of printed.
 */
export function setCommand(
  text: string,
  profile: SiteProfile,
  number: number,
  assignments: readonly ParamAssignment[],
): CliResult {
  const count = findTransclusions(text, profile.template).transclusions.length;
  if (number > count) {
    const has = count === 0 ? `no {{${profile.template.name}}} entries` : plural(count, 'entry', 'entries');
    return usageFailure(`project-desk set: there is no entry ${number}: the page has ${has}.\n`);
  }
  let page = text;
  const written: { name: string; value: string }[] = [];
  for (const assignment of assignments) {
    const transclusion = entryAt(page, profile, number)!;
    const name = targetName(profile, transclusion, assignment.name);
    page = applyOne(page, profile, transclusion, assignment);
    written.push({ name, value: assignment.value });
  }
  const result = entryAt(page, profile, number);
  const broken = written.find(({ name, value }) => !survived(result, name, value));
  if (broken) {
    return usageFailure(
      `project-desk set: the value of ${broken.name} would not stay one parameter: a "|" or "}}" outside a link ` +
        'or template ends it. Write {{!}} for a "|".\n',
    );
  }
  const unknown =
    profile.fields.length === 0 ? [] : written.filter(({ name }) => !fieldForParam(profile, name));
  const notes = unknown.map(
    ({ name }) =>
      `project-desk set: note: "${name}" is not a parameter of {{${profile.template.name}}}; the wiki won't show it.\n`,
  );
  return { stdout: page, stderr: notes.join(''), exitCode: 0 };
}
