import { useEffect, useState } from 'react';
import { request } from '../../lib/messaging/client';
import type { PanelLink } from '../../lib/panel/panel-link';
import { previewEntry } from '../../lib/panel/protocol';
import type { PublishPlan } from '../../lib/publish/plan-schema';
import { RenderedHtml } from '../panel/RenderedHtml';

type Preview =
  | { kind: 'loading' }
  | { kind: 'rendered'; html: string }
  | { kind: 'unavailable'; reason: string };

/** The published entries as the wiki renders them (its parser; sanitised by RenderedHtml). */
export function PublishPreview({
  link,
  plan,
}: {
  link: Pick<PanelLink, 'wiki' | 'view'>;
  plan: PublishPlan;
}) {
  const wikitext = plan.entries
    .filter((entry) => entry.action === 'update' || entry.action === 'add')
    .map((entry) => entry.after ?? '')
    .join('\n\n');
  const [preview, setPreview] = useState<Preview>({ kind: 'loading' });
  useEffect(() => {
    if (wikitext === '') return;
    let cancelled = false;
    request(previewEntry, { wiki: link.wiki, view: link.view, wikitext }).then(
      (answer) => !cancelled && setPreview({ kind: 'rendered', html: answer.html }),
      (error: unknown) =>
        !cancelled &&
        setPreview({ kind: 'unavailable', reason: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [link, wikitext]);
  const removed = plan.entries.filter((entry) => entry.action === 'delete');
  return (
    <section aria-label="Preview" className="publish-preview">
      <h3>Preview</h3>
      {removed.map((entry) => (
        <p key={entry.entryId}>“{entry.title}” is removed from the page.</p>
      ))}
      {wikitext === '' ? null : preview.kind === 'loading' ? (
        <p className="hint">Asking the wiki to render it…</p>
      ) : preview.kind === 'unavailable' ? (
        <p className="hint">The wiki could not render it ({preview.reason}).</p>
      ) : (
        <RenderedHtml html={preview.html} wiki={link.wiki} />
      )}
    </section>
  );
}
