import { useEffect } from 'react';
import { MAX_PANEL_HEIGHT } from '../../lib/panel/frame-protocol';
import { postToFrameHost } from './frame-messenger';

/** Asks the page adapter to make the iframe as tall as the panel's content, whenever that changes. */
export function useFrameSize(wiki: string, element: HTMLElement | null): void {
  useEffect(() => {
    if (!element) return;
    let last = -1;
    const report = () => {
      const height = Math.min(MAX_PANEL_HEIGHT, Math.ceil(element.getBoundingClientRect().height));
      if (height === last) return;
      last = height;
      postToFrameHost(wiki, { type: 'size', height });
    };
    const observer = new ResizeObserver(report);
    observer.observe(element);
    report();
    return () => observer.disconnect();
  }, [wiki, element]);
}
