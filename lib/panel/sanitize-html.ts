/**
 * An allow-list sanitiser for the wiki's rendering of a draft (the preview). The wiki's HTML is parsed
 * by the caller into an inert document (DOMParser in the panel; linkedom in tests), and a new tree is
 * built from it in the target document, element by element: only the elements and attributes listed
 * here are copied, everything else is dropped (with its content, for the dangerous ones) or unwrapped
 * (its children kept). Nothing is ever assigned as HTML, so no parser quirk of a serialised string can
 * bring back what was taken out. MediaWiki sanitises its own output too; this does not rely on it.
 */
export interface SanitizeOptions {
  /** The URL relative links are resolved against (the wiki page's own URL). */
  baseUrl: string;
  /** Origins images may load from (the wiki's own); no image loads from anywhere else. */
  imageOrigins?: readonly string[];
  /** Elements copied at most (a runaway page stops there, with what was copied so far). */
  maxElements?: number;
}

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** Elements kept as they are (with their allowed attributes). */
const KEPT = new Set(
  (
    'a abbr b bdi bdo big blockquote br caption cite code col colgroup dd del dfn div dl dt em ' +
    'figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q rp rt ruby s samp small ' +
    'span strike strong sub sup table tbody td tfoot th thead time tr tt u ul var wbr'
  ).split(' '),
);

/** Elements dropped together with everything inside them: active content, forms, foreign markup. */
const DROPPED = new Set(
  (
    'script style template iframe frame frameset object embed applet noscript noembed noframes svg ' +
    'math form input button select textarea option optgroup datalist link meta base head title ' +
    'canvas audio video source track picture portal dialog slot xmp plaintext listing'
  ).split(' '),
);

const GLOBAL_ATTRIBUTES = new Set(['title', 'lang', 'dir']);

/** Attributes allowed on one element only, with their check. */
const ELEMENT_ATTRIBUTES: Record<string, Record<string, (value: string) => boolean>> = {
  td: { colspan: isSmallNumber, rowspan: isSmallNumber },
  th: { colspan: isSmallNumber, rowspan: isSmallNumber, scope: (v) => /^(?:row|col)(?:group)?$/.test(v) },
  col: { span: isSmallNumber },
  colgroup: { span: isSmallNumber },
  ol: { start: (v) => /^-?\d{1,6}$/.test(v), reversed: () => true },
  li: { value: (v) => /^-?\d{1,6}$/.test(v) },
  img: { alt: () => true, width: isSmallNumber, height: isSmallNumber },
  time: { datetime: () => true },
  abbr: {},
};

function isSmallNumber(value: string): boolean {
  return /^\d{1,4}$/.test(value.trim());
}

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** A URL made absolute, or null when it is not one we let through (javascript:, data:, vbscript:, …). */
export function safeUrl(raw: string, baseUrl: string, protocols: ReadonlySet<string>): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim(), baseUrl);
  } catch {
    return null;
  }
  return protocols.has(url.protocol) ? url.href : null;
}

const HTTP = new Set(['http:', 'https:']);

function copyAttributes(source: Element, target: Element, name: string, options: SanitizeOptions): boolean {
  const own = ELEMENT_ATTRIBUTES[name] ?? {};
  for (const attribute of Array.from(source.attributes)) {
    const attr = attribute.name.toLowerCase();
    const check = own[attr];
    if (GLOBAL_ATTRIBUTES.has(attr) || check?.(attribute.value)) target.setAttribute(attr, attribute.value);
  }
  if (name === 'a') {
    const href = source.getAttribute('href');
    const safe = href === null ? null : safeUrl(href, options.baseUrl, LINK_PROTOCOLS);
    if (safe !== null) {
      target.setAttribute('href', safe);
      // Links open outside the panel, and the page they open learns nothing about it.
      target.setAttribute('target', '_blank');
      target.setAttribute('rel', 'noopener noreferrer nofollow');
    }
  }
  if (name === 'img') {
    const src = source.getAttribute('src');
    const safe = src === null ? null : safeUrl(src, options.baseUrl, HTTP);
    const allowed = safe !== null && (options.imageOrigins ?? []).includes(new URL(safe).origin);
    if (!allowed) return false;
    target.setAttribute('src', safe);
  }
  return true;
}

function isHtmlElement(node: Node): node is Element {
  if (node.nodeType !== 1) return false;
  const namespace = (node as Element).namespaceURI;
  return namespace === null || namespace === HTML_NAMESPACE;
}

/**
 * A fragment of `target` holding the allowed part of `source`'s body. Iterative, so a deeply nested
 * page cannot exhaust the stack.
 */
export function sanitizeHtml(source: Document, target: Document, options: SanitizeOptions): DocumentFragment {
  const fragment = target.createDocumentFragment();
  const limit = options.maxElements ?? 20_000;
  let copied = 0;
  const root = source.body ?? source.documentElement;
  if (!root) return fragment;
  const stack: Array<[Node, Node]> = [];
  const pushChildren = (node: Node, parent: Node) => {
    const children = Array.from(node.childNodes);
    for (let index = children.length - 1; index >= 0; index--) stack.push([children[index]!, parent]);
  };
  pushChildren(root, fragment);
  while (stack.length > 0 && copied < limit) {
    const [node, parent] = stack.pop()!;
    if (node.nodeType === 3) {
      parent.appendChild(target.createTextNode(node.nodeValue ?? ''));
      continue;
    }
    // Comments, processing instructions and elements of other namespaces (svg, math) go.
    if (!isHtmlElement(node)) continue;
    const name = node.localName.toLowerCase();
    if (DROPPED.has(name)) continue;
    if (!KEPT.has(name)) {
      pushChildren(node, parent);
      continue;
    }
    const element = target.createElement(name);
    if (!copyAttributes(node, element, name, options)) {
      // An image we do not load still says what it showed.
      const alt = node.getAttribute('alt');
      if (alt) parent.appendChild(target.createTextNode(alt));
      continue;
    }
    parent.appendChild(element);
    copied++;
    pushChildren(node, element);
  }
  return fragment;
}
