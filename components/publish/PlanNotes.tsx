import type { PublishPlan } from '../../lib/publish/plan-schema';

/** What the dialog explains: the wiki changed meanwhile, an entry moved, was renamed or deleted there. */
export function PlanNotes({ plan }: { plan: PublishPlan }) {
  const notes = [
    ...plan.notes,
    ...plan.entries.flatMap((entry) => [
      ...(entry.match.explanation ? [entry.match.explanation] : []),
      ...entry.notes,
      ...entry.remarks.map((remark) => `${remark.line} in “${entry.title}”.`),
    ]),
    ...plan.entries
      .filter((entry) => entry.keptFromWiki.length > 0)
      .map(
        (entry) =>
          `Kept from the wiki in “${entry.title}”: ${entry.keptFromWiki.map((change) => change.label).join(', ')} (changed there since your draft was started).`,
      ),
  ];
  if (notes.length === 0) return null;
  return (
    <ul className="publish-notes" aria-label="About this publish">
      {[...new Set(notes)].map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}
