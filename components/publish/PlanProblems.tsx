import type { PlanProblem } from '../../lib/publish/plan-schema';

function ProblemList({ title, problems }: { title: string; problems: readonly PlanProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <section aria-label={title} className="plan-problems">
      <h3>{title}</h3>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.entryId}:${problem.param}:${problem.code}:${problem.message}`}>
            {problem.label ? <strong>{problem.label}: </strong> : null}
            {problem.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Validation errors (they block publishing) and warnings (they do not). */
export function PlanProblems({ problems }: { problems: readonly PlanProblem[] }) {
  return (
    <>
      <ProblemList
        title="Errors (fix these to publish)"
        problems={problems.filter((problem) => problem.severity === 'error')}
      />
      <ProblemList title="Warnings" problems={problems.filter((problem) => problem.severity === 'warning')} />
    </>
  );
}
