import type { SiteProfile } from '../model/profile';
import { fieldForParam } from '../model/profile';
import type { ValidationProblem } from '../model/validation';

/**
 * Validation problems arranged for the form: each under its field (by the field's canonical name; a
 * parameter the profile does not know keeps its own name), errors before warnings, and counted for the
 * summary on top.
 */
export interface ProblemsByField {
  byField: Map<string, ValidationProblem[]>;
  errors: number;
  warnings: number;
}

export function problemsByField(
  profile: SiteProfile,
  problems: readonly ValidationProblem[],
): ProblemsByField {
  const byField = new Map<string, ValidationProblem[]>();
  for (const problem of problems) {
    const key = fieldForParam(profile, problem.field)?.param ?? problem.field;
    const list = byField.get(key) ?? [];
    list.push(problem);
    byField.set(key, list);
  }
  for (const list of byField.values()) {
    list.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  }
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  return { byField, errors, warnings: problems.length - errors };
}

/** The summary's headline: "2 errors and 1 warning", or that there is nothing to fix. */
export function problemsHeadline(errors: number, warnings: number): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (errors === 0 && warnings === 0) return 'No problems found.';
  if (errors === 0) return `${count(warnings, 'warning')} (publishing is not blocked)`;
  if (warnings === 0) return `${count(errors, 'error')} to fix before publishing`;
  return `${count(errors, 'error')} to fix before publishing, and ${count(warnings, 'warning')}`;
}

/** A DOM id for a parameter name, unique per form and safe in IDREFs (names may hold spaces). */
export function fieldDomId(param: string, suffix = 'input'): string {
  const safe = Array.from(param, (char) => (/[A-Za-z0-9_-]/.test(char) ? char : `_${char.codePointAt(0)}_`));
  return `field-${safe.join('')}-${suffix}`;
}
