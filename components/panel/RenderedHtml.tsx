import { useLayoutEffect, useRef } from 'react';
import { sanitizeHtml } from '../../lib/panel/sanitize-html';

/**
 * The wiki's HTML, shown only after the allow-list sanitiser rebuilt it: parsed into an inert document
 * (DOMParser runs no script and loads nothing), then copied element by element into ours.
 */
export function RenderedHtml({ html, wiki }: { html: string; wiki: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const container = ref.current;
    if (!container) return;
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    container.replaceChildren(sanitizeHtml(parsed, document, { baseUrl: `${wiki}/`, imageOrigins: [wiki] }));
  }, [html, wiki]);
  return <div ref={ref} className="rendered" />;
}
