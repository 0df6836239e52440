import { useEffect, useState } from 'react';
import type { DraftEntry } from '../../lib/collab/draft-entry';
import { request } from '../../lib/messaging/client';
import type { SiteProfile } from '../../lib/model/profile';
import { draftWikitext } from '../../lib/panel/entry-wikitext';
import type { PanelLink } from '../../lib/panel/panel-link';
import { previewEntry } from '../../lib/panel/protocol';

export type PreviewState =
  | { kind: 'loading' }
  | { kind: 'rendered'; html: string }
  | { kind: 'unavailable'; reason: string };

/** How long typing must pause before the preview asks the wiki again. */
const REFRESH_DELAY_MS = 400;

/** The wiki's rendering of the draft while the preview is shown, asked again when the draft changes. */
export function usePreview(
  link: PanelLink,
  profile: SiteProfile,
  entry: DraftEntry,
  active: boolean,
): PreviewState {
  const [state, setState] = useState<PreviewState>({ kind: 'loading' });
  const wikitext = draftWikitext(profile, entry);
  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      request(previewEntry, { wiki: link.wiki, view: link.view, wikitext }).then(
        (answer) => !cancelled && setState({ kind: 'rendered', html: answer.html }),
        (error: unknown) =>
          !cancelled &&
          setState({ kind: 'unavailable', reason: error instanceof Error ? error.message : String(error) }),
      );
    }, REFRESH_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [active, link, wikitext]);
  return state;
}
