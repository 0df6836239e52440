import { OWN_MARK } from '../../lib/adapter/page-text';

/**
 * One piece of Project Desk UI inside a wiki page: a host element with its own shadow root, so the
 * wiki's styles do not reach our controls and ours do not reach the wiki.
 */
const STYLE = `
:host { all: initial; display: inline-block; margin-inline-start: 0.5em; vertical-align: middle; }
button, [role=note] { font: 600 12px/1.4 system-ui, sans-serif; border-radius: 4px; }
button { cursor: pointer; padding: 1px 8px; color: #fff; background: #1d4ed8; border: 1px solid #1e40af; }
button:hover { background: #1e40af; }
button:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
button.secondary { color: #1e3a8a; background: #eff6ff; border-color: #1d4ed8; }
[role=note] { display: block; padding: 4px 8px; color: #7c2d12; background: #fff7ed; border: 1px solid #c2410c; }
.badge { font: 600 11px/1.4 system-ui, sans-serif; margin-inline-start: 4px; padding: 0 6px; border-radius: 8px; color: #713f12; background: #fef3c7; border: 1px solid #b45309; }
.presence { font: italic 11px/1.4 system-ui, sans-serif; margin-inline-start: 4px; color: #14532d; }
@media (prefers-color-scheme: dark) {
  button { background: #2563eb; border-color: #93c5fd; }
  button.secondary { color: #dbeafe; background: #1e3a8a; border-color: #93c5fd; }
  [role=note] { color: #ffedd5; background: #431407; border-color: #fb923c; }
  .badge { color: #fef3c7; background: #451a03; border-color: #f59e0b; }
  .presence { color: #bbf7d0; }
}`;

export interface ControlHost {
  host: HTMLElement;
  root: ShadowRoot;
}

export function createControlHost(doc: Document, kind: string): ControlHost {
  const host = doc.createElement('span');
  host.setAttribute(OWN_MARK, kind);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  root.append(style);
  return { host, root };
}

export function createButton(doc: Document, kind: string, label: string, onClick: () => void): HTMLElement {
  const { host, root } = createControlHost(doc, kind);
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = label;
  if (kind !== 'edit') button.className = 'secondary';
  button.addEventListener('click', (event) => {
    event.preventDefault();
    onClick();
  });
  root.append(button);
  return host;
}
