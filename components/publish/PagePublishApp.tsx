import { useCallback, useMemo, useState } from 'react';
import { pageDocName } from '../../lib/collab/doc-names';
import type { PanelLink } from '../../lib/panel/panel-link';
import { postToFrameHost } from '../panel/frame-messenger';
import { useFrameSize } from '../panel/use-frame-size';
import { PublishDialog } from './PublishDialog';

/**
 * The panel frame in page mode (the page's own `Publish to wiki`): the publish dialog for every draft
 * of the page, nothing else. Closing the dialog closes the frame.
 */
export function PagePublishApp({ link }: { link: PanelLink }) {
  const [root, setRoot] = useState<HTMLElement | null>(null);
  useFrameSize(link.wiki, root);
  const target = useMemo(
    // The background names the document by the page's canonical title when it differs.
    () => ({
      link,
      docName: pageDocName({ wiki: link.wiki, page: link.view.title }),
      entryIds: null,
      replica: null,
    }),
    [link],
  );
  const close = useCallback(() => postToFrameHost(link.wiki, { type: 'close' }), [link.wiki]);
  return (
    <main ref={setRoot} className="panel">
      <PublishDialog target={target} onClose={close} />
    </main>
  );
}
