import { useEffect, useState } from 'react';
import { decodePanelLink, STANDBY_FRAGMENT } from '../../lib/panel/panel-link';
import { PagePublishApp } from '../publish/PagePublishApp';
import { PanelApp } from './PanelApp';

const currentFragment = () => location.hash.replace(/^#/, '');

/**
 * The panel page follows its URL fragment: a link opens that draft, `standby` shows nothing (the page
 * adapter keeps this frame loaded for the next panel). A new fragment does not reload the page, so the
 * next panel opens without loading anything again. Every change of fragment starts a fresh session,
 * even when the same entry is opened again at once (standby and link may then render as one update).
 */
export function PanelRoot() {
  const [state, setState] = useState(() => ({ fragment: currentFragment(), generation: 0 }));
  useEffect(() => {
    const onHashChange = () =>
      setState((previous) => ({ fragment: currentFragment(), generation: previous.generation + 1 }));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  if (state.fragment === STANDBY_FRAGMENT) return null;
  const read = decodePanelLink(state.fragment);
  if (!read.ok)
    return (
      <p role="alert" className="error">
        {read.reason}
      </p>
    );
  if (read.link.target.kind === 'page') return <PagePublishApp key={state.generation} link={read.link} />;
  return <PanelApp key={state.generation} link={read.link} />;
}
