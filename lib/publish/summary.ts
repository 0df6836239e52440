import type { EntryPlan } from './plan-schema';

/**
 * The edit summary the dialog fills in: "Update project: X", "Add project: Y", several as
 * "Update projects: X, Y", kinds joined with "; ". Kept well under MediaWiki's 500-character limit:
 * a long list ends in "and N more".
 */
const VERBS = { update: 'Update', add: 'Add', delete: 'Remove' } as const;
const LIMIT = 300;

function list(titles: readonly string[], room: number): string {
  const shown: string[] = [];
  for (const [i, title] of titles.entries()) {
    const rest = titles.length - i - 1;
    const candidate = [...shown, title].join(', ') + (rest > 0 ? `, and ${rest} more` : '');
    if (shown.length > 0 && candidate.length > room)
      return `${shown.join(', ')} and ${titles.length - i} more`;
    shown.push(title);
  }
  return shown.join(', ');
}

export function editSummary(entries: readonly EntryPlan[], noun = 'project'): string {
  const kinds = (['update', 'add', 'delete'] as const)
    .map((action) => ({
      action,
      titles: entries.filter((entry) => entry.action === action).map((entry) => entry.title || '(untitled)'),
    }))
    .filter((kind) => kind.titles.length > 0);
  const summary = (room: (head: string) => number) =>
    kinds
      .map(({ action, titles }) => {
        const head = `${VERBS[action]} ${noun}${titles.length > 1 ? 's' : ''}: `;
        return head + list(titles, room(head));
      })
      .join('; ');
  const whole = summary(() => Number.POSITIVE_INFINITY);
  // Too long: each kind gets an equal share, and its list ends in "and N more".
  return whole.length <= LIMIT
    ? whole
    : summary((head) => Math.max(40, Math.floor(LIMIT / kinds.length) - head.length));
}
