import { OWN_MARK } from '../../lib/adapter/page-text';

/**
 * Highlights of commented text on the wiki page, drawn without touching the page's own DOM or styles:
 * boxes in our own shadow root, over the page, placed from the text's Range.getClientRects(). They
 * are redrawn when the page's layout changes (window resize, the article's size).
 */
const STYLE = `
:host { all: initial; position: absolute; left: 0; top: 0; width: 0; height: 0; pointer-events: none; }
.box { position: absolute; pointer-events: none; background: rgba(250, 204, 21, 0.35); border-bottom: 2px solid #a16207; }
@media (prefers-color-scheme: dark) { .box { background: rgba(250, 204, 21, 0.25); border-bottom-color: #facc15; } }`;

export interface Highlights {
  /** Replaces the highlights by these ranges. */
  draw(ranges: ReadonlyArray<{ id: string; range: Range }>): void;
  remove(): void;
}

export function mountHighlights(doc: Document, root: Element): Highlights {
  const host = doc.createElement('div');
  host.setAttribute(OWN_MARK, 'highlights');
  host.setAttribute('aria-hidden', 'true');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const layer = doc.createElement('div');
  shadow.append(style, layer);
  doc.body.append(host);
  let current: ReadonlyArray<{ id: string; range: Range }> = [];
  const paint = () => {
    const view = doc.defaultView;
    const dx = view?.scrollX ?? 0;
    const dy = view?.scrollY ?? 0;
    const boxes: HTMLElement[] = [];
    for (const { id, range } of current) {
      for (const rect of Array.from(range.getClientRects())) {
        if (rect.width === 0 || rect.height === 0) continue;
        const box = doc.createElement('div');
        box.className = 'box';
        box.dataset.thread = id;
        box.style.left = `${rect.left + dx}px`;
        box.style.top = `${rect.top + dy}px`;
        box.style.width = `${rect.width}px`;
        box.style.height = `${rect.height}px`;
        boxes.push(box);
      }
    }
    layer.replaceChildren(...boxes);
  };
  const observer = new ResizeObserver(() => paint());
  observer.observe(root);
  const onResize = () => paint();
  doc.defaultView?.addEventListener('resize', onResize);
  return {
    draw(ranges) {
      current = ranges;
      paint();
    },
    remove() {
      observer.disconnect();
      doc.defaultView?.removeEventListener('resize', onResize);
      host.remove();
    },
  };
}
