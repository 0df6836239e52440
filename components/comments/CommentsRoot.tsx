import { useEffect, useState } from 'react';
import { decodeCommentsLink } from '../../lib/comments/frame-link';
import { CommentsApp } from './CommentsApp';

const currentFragment = () => location.hash.replace(/^#/, '');

/**
 * The comments page follows its URL fragment: the page adapter sets a new one (a new selection to
 * comment on) without reloading the frame. The same page and entry keep their session.
 */
export function CommentsRoot() {
  const [fragment, setFragment] = useState(currentFragment);
  useEffect(() => {
    const onHashChange = () => setFragment(currentFragment());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const read = decodeCommentsLink(fragment);
  if (!read.ok)
    return (
      <p role="alert" className="error">
        {read.reason}
      </p>
    );
  return (
    <CommentsApp
      key={`${read.link.wiki}|${read.link.view.title}|${read.link.entry.ordinal}`}
      link={read.link}
    />
  );
}
