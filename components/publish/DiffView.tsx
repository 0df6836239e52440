import type { DiffHunk } from '../../lib/publish/plan-schema';

const SIGN = { context: ' ', removed: '-', added: '+' } as const;

/** The wikitext diff: only the changed lines, with a little context, as removed and added lines. */
export function DiffView({ diff }: { diff: readonly DiffHunk[] }) {
  if (diff.length === 0) return <p className="hint">The page's wikitext does not change.</p>;
  return (
    <section aria-label="Changes to the wikitext" className="diff">
      {diff.map((hunk) => (
        <pre key={`${hunk.oldStart}:${hunk.newStart}`}>
          <span className="diff-hunk">{`@@ -${hunk.oldStart},${hunk.oldCount} +${hunk.newStart},${hunk.newCount} @@`}</span>
          {'\n'}
          {hunk.lines.map((line, index) => {
            const text = `${SIGN[line.kind]} ${line.text}\n`;
            const key = `${line.oldLine}:${line.newLine}:${index}`;
            if (line.kind === 'added') return <ins key={key}>{text}</ins>;
            if (line.kind === 'removed') return <del key={key}>{text}</del>;
            return <span key={key}>{text}</span>;
          })}
        </pre>
      ))}
    </section>
  );
}
