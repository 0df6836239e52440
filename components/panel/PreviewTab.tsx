import type { DraftEntry } from '../../lib/collab/draft-entry';
import type { SiteProfile } from '../../lib/model/profile';
import type { PanelLink } from '../../lib/panel/panel-link';
import { PlainPreview } from './PlainPreview';
import { RenderedHtml } from './RenderedHtml';
import { usePreview } from './use-preview';

interface PreviewTabProps {
  link: PanelLink;
  profile: SiteProfile;
  entry: DraftEntry;
  active: boolean;
}

/** The entry as the wiki renders it; as plain text when the wiki cannot be reached. */
export function PreviewTab({ link, profile, entry, active }: PreviewTabProps) {
  const preview = usePreview(link, profile, entry, active);
  if (preview.kind === 'loading') return <p className="hint">Asking the wiki to render the draft…</p>;
  if (preview.kind === 'unavailable') {
    return (
      <>
        <p role="note" className="hint">
          The wiki could not render the draft ({preview.reason}), so here it is as text.
        </p>
        <PlainPreview profile={profile} entry={entry} />
      </>
    );
  }
  return <RenderedHtml html={preview.html} wiki={link.wiki} />;
}
