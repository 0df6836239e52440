import type { ValidationProblem } from '../../lib/model/validation';

/** A field's problems, right under it; its input points here with aria-describedby. */
export function FieldProblems({ id, problems }: { id: string; problems: readonly ValidationProblem[] }) {
  return (
    <ul id={id} className="field-problems">
      {problems.map((problem) => (
        <li key={`${problem.code}:${problem.message}`} className={problem.severity}>
          <strong>{problem.severity === 'error' ? 'Error:' : 'Warning:'}</strong> {problem.message}
        </li>
      ))}
    </ul>
  );
}
