import type { SiteProfile } from '../../lib/model/profile';
import { fieldForParam } from '../../lib/model/profile';
import type { ValidationProblem } from '../../lib/model/validation';
import { fieldDomId, problemsHeadline } from '../../lib/panel/field-problems';

interface ValidationSummaryProps {
  profile: SiteProfile;
  problems: readonly ValidationProblem[];
  errors: number;
  warnings: number;
  /** The parameter name each field is shown under (its input's id is made from it). */
  shownParam: (field: string) => string;
}

/** Every problem of the draft, on top; each one leads to its field. */
export function ValidationSummary({
  profile,
  problems,
  errors,
  warnings,
  shownParam,
}: ValidationSummaryProps) {
  const focus = (param: string) => document.getElementById(fieldDomId(shownParam(param)))?.focus();
  return (
    <details className={`summary ${errors > 0 ? 'has-errors' : ''}`}>
      <summary>
        <span id="problems-headline">{problemsHeadline(errors, warnings)}</span>
      </summary>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.field}:${problem.code}:${problem.message}`} className={problem.severity}>
            <button type="button" className="link" onClick={() => focus(problem.field)}>
              {fieldForParam(profile, problem.field)?.label ?? problem.field}
            </button>{' '}
            <strong>{problem.severity === 'error' ? 'Error:' : 'Warning:'}</strong> {problem.message}
          </li>
        ))}
      </ul>
    </details>
  );
}
