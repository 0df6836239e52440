import { z } from 'zod';
import type { TemplateParam } from '../wikitext/types';
import { checkDate } from './date-check';
import { duplicateParamNames } from './entry';
import {
  type Field,
  fieldForParam,
  fieldValue,
  ownValue,
  type ParamValues,
  presentParamName,
  type SiteProfile,
} from './profile';
import {
  editDistance,
  GSOC_SIZES,
  hasAddress,
  hasName,
  projectSizeStatement,
  repeatedLabel,
  visibleText,
} from './text-checks';

/**
 * One thing a mentor should fix. Errors block publishing (the entry would be broken or unidentifiable);
 * warnings are advice: the wiki already holds many entries that would fail them.
 */
export const ValidationProblemSchema = z.object({
  /** The parameter the problem is about (its canonical name when it belongs to a field). */
  field: z.string(),
  severity: z.enum(['error', 'warning']),
  /** Stable machine-readable kind, e.g. 'required', 'date-ambiguous'. */
  code: z.string(),
  message: z.string(),
});
export type ValidationProblem = z.infer<typeof ValidationProblemSchema>;
export type Severity = ValidationProblem['severity'];

const problem = (field: string, severity: Severity, code: string, message: string): ValidationProblem => ({
  field,
  severity,
  code,
  message,
});

/** Every problem of an entry's values, in the profile's field order, then parameters it does not know. */
export function validateEntry(profile: SiteProfile, values: ParamValues): ValidationProblem[] {
  return [
    ...profile.fields.flatMap((field) => checkField(profile, field, values)),
    ...checkProjectSize(profile, values),
    ...checkUnknownParams(profile, values),
  ];
}

function checkField(profile: SiteProfile, field: Field, values: ParamValues): ValidationProblem[] {
  const raw = fieldValue(field, values);
  const text = visibleText(raw);
  if (text === '') return checkEmpty(field);
  const problems: ValidationProblem[] = [];
  if (field.deprecated !== null && presentParamName(field, values) !== undefined) {
    const why = field.deprecated === '' ? '' : ` ${field.deprecated}`;
    problems.push(problem(field.param, 'warning', 'deprecated', `${field.label} is deprecated.${why}`));
  }
  const label = repeatedLabel(text, [field.label, field.param]);
  if (label !== undefined) {
    problems.push(
      problem(
        field.param,
        'warning',
        'label-repeated',
        `${field.label} starts with "${label}:", but the wiki already shows the label "${field.label}:" ` +
          'before the value, so readers would see it twice. Remove it from the value.',
      ),
    );
  }
  problems.push(...checkKind(profile, field, text));
  if (field.role === 'contact') problems.push(...checkContact(field, text));
  return problems;
}

function checkEmpty(field: Field): ValidationProblem[] {
  if (field.need === 'required') {
    return [
      problem(field.param, 'error', 'required', `${field.label} is required: fill it in before publishing.`),
    ];
  }
  if (field.need === 'optional') return [];
  const shown = field.emptyText === null ? '.' : `, so the wiki shows "${field.emptyText}".`;
  return [problem(field.param, 'warning', 'empty', `${field.label} is empty${shown} ${emptyAdvice(field)}`)];
}

function emptyAdvice(field: Field): string {
  if (field.role === 'contact') return 'Say who mentors the project, so students know whom to ask.';
  const { description } = field;
  if (/^(?:who|what|when|where|which|why|how)\b/i.test(description)) {
    return `It should say ${description.charAt(0).toLowerCase()}${description.slice(1)}`;
  }
  return description === '' ? 'Fill it in if you can.' : `Expected: ${description}`;
}

function checkKind(profile: SiteProfile, field: Field, text: string): ValidationProblem[] {
  switch (field.kind) {
    case 'line':
      return text.includes('\n')
        ? [
            problem(
              field.param,
              'warning',
              'line-break',
              `${field.label} should be a single line; the line break will show up in the wiki's layout.`,
            ),
          ]
        : [];
    case 'date':
      return checkDate(profile, field, text);
    case 'yesno':
      return checkSuggestion(
        field,
        text,
        field.suggestedValues.length > 0 ? field.suggestedValues : ['Yes', 'No'],
      );
    case 'choice':
      return field.suggestedValues.length > 0 ? checkSuggestion(field, text, field.suggestedValues) : [];
    case 'wikitext':
      return [];
  }
}

/** Case is not held against a mentor ("medium" reads as "Medium"); other values get a warning. */
function checkSuggestion(field: Field, text: string, allowed: readonly string[]): ValidationProblem[] {
  if (allowed.some((value) => value.toLowerCase() === text.toLowerCase())) return [];
  const list = `${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}`;
  return [
    problem(
      field.param,
      'warning',
      'not-suggested',
      `${field.label} is "${text}", which is not one of the usual values: ${list}. ` +
        'Readers and the lists built from this page expect one of those.',
    ),
  ];
}

function checkContact(field: Field, text: string): ValidationProblem[] {
  if (hasAddress(text) || hasName(text)) return [];
  return [
    problem(
      field.param,
      'warning',
      'contact-nobody',
      `${field.label} "${text}" names no one: give the mentor's name and an e-mail address or wiki user page, ` +
        'so students know whom to ask.',
    ),
  ];
}

const YES = /^(?:yes|y|true|1)$/i;

function checkProjectSize(profile: SiteProfile, values: ParamValues): ValidationProblem[] {
  const gsoc = profile.fields.find((field) => field.role === 'gsoc');
  if (!gsoc || !YES.test(visibleText(fieldValue(gsoc, values)))) return [];
  const statement = projectSizeStatement(Object.values(values).map(visibleText).join('\n'));
  if (statement.kind === 'stated') return [];
  const where = sizeFieldLabel(profile);
  const sizes = `${GSOC_SIZES.slice(0, -1).join(', ')} or ${GSOC_SIZES.at(-1)} hours`;
  const message =
    statement.kind === 'other'
      ? `This is a GSoC project and says ${statement.hours} hours, but GSoC project sizes are ${sizes}. ` +
        'Say which of them it is.'
      : `This is a GSoC project, but its size is not stated anywhere: GSoC asks for ${sizes}. ` +
        `Add it, e.g. "Size: 175 hours" in ${where}.`;
  return [problem(gsoc.param, 'warning', 'gsoc-size', message)];
}

/** Where a size is best stated: the description, else the first long text field. */
function sizeFieldLabel(profile: SiteProfile): string {
  const wikitext = profile.fields.filter((field) => field.kind === 'wikitext');
  const description = wikitext.find(
    (field) => /^(?:desc|summary)/i.test(field.param) || /^desc/i.test(field.label),
  );
  return (description ?? wikitext[0])?.label ?? 'the entry';
}

function checkUnknownParams(profile: SiteProfile, values: ParamValues): ValidationProblem[] {
  if (profile.fields.length === 0) return [];
  const template = `{{${profile.template.name}}}`;
  return Object.keys(values)
    .filter((name) => !fieldForParam(profile, name) && visibleText(ownValue(values, name) ?? '') !== '')
    .map((name) => {
      if (/^\d+$/.test(name)) {
        return problem(
          name,
          'warning',
          'unnamed-value',
          `Value number ${name} has no parameter name, so ${template} ignores it. ` +
            'Write it as Name=value (a "|" inside a value must be written {{!}}).',
        );
      }
      const guess = closestParam(profile, name);
      const hint = guess === undefined ? '' : ` Did you mean "${guess}"?`;
      return problem(
        name,
        'warning',
        'unknown-param',
        `"${name}" is not a parameter of ${template}, so the wiki won't show its value.${hint}`,
      );
    });
}

function closestParam(profile: SiteProfile, name: string): string | undefined {
  const lower = name.toLowerCase();
  let best: { param: string; distance: number } | undefined;
  for (const field of profile.fields) {
    const distance = editDistance(lower, field.param.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { param: field.param, distance };
  }
  return best?.param;
}

/** Parameters given twice in one transclusion: MediaWiki uses the last and silently drops the others. */
export function duplicateParamProblems(
  profile: SiteProfile,
  params: readonly TemplateParam[],
): ValidationProblem[] {
  return duplicateParamNames(params).map((name) => {
    const label = fieldForParam(profile, name)?.label ?? name;
    return problem(
      name,
      'warning',
      'duplicate-param',
      `${label} is given more than once; the wiki shows only the last one and ignores the others. ` +
        'Keep one and delete the rest.',
    );
  });
}

/** True when any problem blocks publishing. */
export function hasErrors(problems: readonly ValidationProblem[]): boolean {
  return problems.some((item) => item.severity === 'error');
}
