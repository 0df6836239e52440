import { DOMParser, parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { safeUrl, sanitizeHtml } from '../../../lib/panel/sanitize-html';

const WIKI = 'http://wiki.test';
const BASE = `${WIKI}/index.php?title=Ideas`;

/** HTML of a tree with each element's attributes in alphabetical order (linkedom keeps its own order). */
function serialise(node: Node): string {
  if (node.nodeType === 3) return (node.nodeValue ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;');
  if (node.nodeType !== 1 && node.nodeType !== 11) return '';
  const children = Array.from(node.childNodes).map(serialise).join('');
  if (node.nodeType === 11) return children;
  const element = node as Element;
  const attributes = Array.from(element.attributes)
    .map((attribute) => ` ${attribute.name}="${attribute.value.replace(/"/g, '&quot;')}"`)
    .sort()
    .join('');
  const name = element.localName;
  return ['br', 'img', 'hr', 'wbr', 'col'].includes(name)
    ? `<${name}${attributes}>`
    : `<${name}${attributes}>${children}</${name}>`;
}

interface Options {
  imageOrigins?: string[];
  maxElements?: number;
}

/** The sanitised tree of `html`, built in a fresh target document. */
function fragmentOf(html: string, options: Options = {}): DocumentFragment {
  const source = new DOMParser().parseFromString(
    `<!doctype html><html><body>${html}</body></html>`,
    'text/html',
  );
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  return sanitizeHtml(source as unknown as Document, document as unknown as Document, {
    baseUrl: BASE,
    ...options,
  });
}

const clean = (html: string, options: Options = {}): string => serialise(fragmentOf(html, options));

describe('sanitizeHtml: what the wiki renders stays readable', () => {
  it('keeps the structure and text of an entry as the Xen template renders it', () => {
    const html =
      '<div class="project-idea" style="border: 1px solid"><div style="font-weight: bold">Lazy restore</div>' +
      '<div><b>Technical contact:</b> Mentor: <a href="/index.php?title=User:Andres" class="mw-redirect">Andres</a></div>' +
      '<div><b>Outcomes:</b> Expected outcome:<ul><li>Mainline patches</li></ul></div></div>';
    expect(clean(html)).toBe(
      '<div><div>Lazy restore</div><div><b>Technical contact:</b> Mentor: ' +
        '<a href="http://wiki.test/index.php?title=User:Andres" rel="noopener noreferrer nofollow" target="_blank">Andres</a>' +
        '</div><div><b>Outcomes:</b> Expected outcome:<ul><li>Mainline patches</li></ul></div></div>',
    );
  });

  it('keeps tables with their spans and text-level elements', () => {
    expect(
      clean(
        '<table><tbody><tr><th scope="col" colspan="2">H</th></tr><tr><td rowspan="3">x<sup>2</sup></td></tr></tbody></table>',
      ),
    ).toBe(
      '<table><tbody><tr><th colspan="2" scope="col">H</th></tr><tr><td rowspan="3">x<sup>2</sup></td></tr></tbody></table>',
    );
  });

  it('unwraps elements it does not know, keeping their text', () => {
    expect(clean('<font color="red">old <center>style</center></font><x-widget>custom</x-widget>')).toBe(
      'old stylecustom',
    );
  });
});

describe('sanitizeHtml: hostile HTML', () => {
  it('drops scripts with their content', () => {
    expect(clean('before<script>alert(1)</script>after')).toBe('beforeafter');
    expect(clean('<p>a<script src="http://evil.test/x.js"></script></p>')).toBe('<p>a</p>');
  });

  it('drops every event handler attribute', () => {
    const out = clean(
      '<p onclick="alert(1)" onmouseover="alert(2)" ONFOCUS="alert(3)" tabindex="0">t</p><b onpointerdown=x>b</b>',
    );
    expect(out).toBe('<p>t</p><b>b</b>');
    expect(out).not.toMatch(/on\w+=/i);
  });

  it('removes javascript:, vbscript: and data: links, however they are spelled', () => {
    const hostile = [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java&#x09;script:alert(1)',
      '&#106;avascript:alert(1)',
      'java\nscript:alert(1)',
      '\u0001javascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
    ];
    for (const href of hostile) {
      const out = clean(`<a href="${href.replace(/"/g, '&quot;')}">x</a>`);
      expect(out, href).toBe('<a>x</a>');
    }
  });

  it('keeps http, https and mailto links, made absolute', () => {
    expect(clean('<a href="https://xenproject.org/">x</a>')).toContain('href="https://xenproject.org/"');
    expect(clean('<a href="mailto:dev@xen.test">m</a>')).toContain('href="mailto:dev@xen.test"');
    expect(clean('<a href="#section">s</a>')).toContain(`href="${BASE}#section"`);
  });

  it('drops style elements and style attributes', () => {
    expect(
      clean('<style>body{background:url(javascript:alert(1))}</style><p style="background:url(x)">p</p>'),
    ).toBe('<p>p</p>');
  });

  it('drops iframes, objects, embeds and forms with everything in them', () => {
    const out = clean(
      '<iframe src="http://evil.test/">fallback</iframe><object data="x.swf"><param name="a"></object>' +
        '<embed src="x"><form action="http://evil.test/"><input name="password"><button>Go</button>text</form>done',
    );
    expect(out).toBe('done');
  });

  it('drops svg and math, and the scripts, links and handlers hidden in them', () => {
    const out = clean(
      '<svg onload="alert(1)"><script>alert(2)</script><a xlink:href="javascript:alert(3)"><text>svg link</text></a>' +
        '<foreignObject><img src="x" onerror="alert(4)"></foreignObject><animate attributeName="href" to="javascript:alert(5)"/></svg>' +
        '<math><mtext><img src="y" onerror="alert(6)"></mtext></math>kept',
    );
    expect(out).toBe('kept');
  });

  it('drops comments, meta refreshes and base elements', () => {
    expect(
      clean(
        '<!-- <script>alert(1)</script> --><meta http-equiv="refresh" content="0;url=javascript:alert(1)"><base href="http://evil.test/">x',
      ),
    ).toBe('x');
  });

  it('drops ids and names, so the wiki cannot clobber the panel’s own elements', () => {
    expect(clean('<div id="root" name="status"><a id="x" name="y">a</a></div>')).toBe('<div><a>a</a></div>');
  });

  it('loads images from the wiki only, without their handlers, and shows the alt text of the others', () => {
    const options = { imageOrigins: [WIKI] };
    expect(clean('<img src="/images/logo.png" alt="Logo" onerror="alert(1)" width="20">', options)).toBe(
      '<img alt="Logo" src="http://wiki.test/images/logo.png" width="20">',
    );
    expect(clean('<img src="http://tracker.test/pixel.gif" alt="Pixel">', options)).toBe('Pixel');
    expect(clean('<img src="javascript:alert(1)">', options)).toBe('');
    expect(clean('<img src="/images/logo.png" alt="No images">')).toBe('No images');
  });

  it('survives very deep nesting and stops at the element limit', () => {
    const deep = fragmentOf(`${'<span>'.repeat(3000)}deep${'</span>'.repeat(3000)}`);
    const holder = deep.ownerDocument.createElement('div');
    holder.append(deep);
    expect(holder.textContent).toBe('deep');
    expect(holder.querySelectorAll('span')).toHaveLength(3000);
    const many = '<b>x</b>'.repeat(50);
    expect(clean(many, { maxElements: 10 }).match(/<b>/g)).toHaveLength(10);
  });
});

describe('safeUrl', () => {
  it('refuses what is not a URL and protocols not asked for', () => {
    const http = new Set(['http:', 'https:']);
    expect(safeUrl('http://[bad', BASE, http)).toBeNull();
    expect(safeUrl('ftp://files.test/x', BASE, http)).toBeNull();
    expect(safeUrl('/wiki/X', BASE, http)).toBe(`${WIKI}/wiki/X`);
  });
});
