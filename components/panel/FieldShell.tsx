import { type ReactNode, useContext } from 'react';
import type { ValidationProblem } from '../../lib/model/validation';
import { fieldDomId } from '../../lib/panel/field-problems';
import { FieldProblems } from './FieldProblems';
import { FieldPresence } from './PresenceList';
import { FieldsReadOnlyContext } from './read-only';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  readOnly?: boolean;
  'aria-readonly'?: boolean;
}

interface FieldShellProps {
  param: string;
  /** The label the wiki renders (DESIGN §6): the input's accessible name. */
  label: string;
  hint?: ReactNode;
  problems: readonly ValidationProblem[];
  children: (control: ControlProps) => ReactNode;
}

/** One labelled field: label, control, then what it will write and what is wrong with it. */
export function FieldShell({ param, label, hint, problems, children }: FieldShellProps) {
  const id = fieldDomId(param);
  const hintId = fieldDomId(param, 'hint');
  const problemsId = fieldDomId(param, 'problems');
  const describedBy = [hint ? hintId : null, problems.length > 0 ? problemsId : null]
    .filter(Boolean)
    .join(' ');
  const control: ControlProps = { id };
  if (useContext(FieldsReadOnlyContext)) {
    control.readOnly = true;
    control['aria-readonly'] = true;
  }
  if (describedBy) control['aria-describedby'] = describedBy;
  if (problems.some((problem) => problem.severity === 'error')) control['aria-invalid'] = true;
  return (
    <div className="field" data-param={param}>
      <label htmlFor={id}>{label}</label>
      <FieldPresence param={param} />
      {children(control)}
      {hint ? (
        <div id={hintId} className="hint">
          {hint}
        </div>
      ) : null}
      {problems.length > 0 ? <FieldProblems id={problemsId} problems={problems} /> : null}
    </div>
  );
}
