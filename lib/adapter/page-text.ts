import { SELECTORS } from '../mediawiki/page-view';

/** Marks every element Project Desk adds to a page, so that it is never mistaken for the wiki's content. */
export const OWN_MARK = 'data-project-desk';

const SKIP = `${SELECTORS.notAuthored}, [${OWN_MARK}], script, style`;
const ELEMENT = 1;
const TEXT = 3;

/**
 * The authored text of an article, white space collapsed, with where each element's text starts and ends
 * in it. One iterative walk over the tree (no recursion: pages can be deep), skipping generated parts.
 */
export class PageText {
  text = '';
  private readonly ranges = new Map<Element, [number, number]>();
  /** Elements by where their text starts, outermost first (pre-order). */
  private readonly byStart = new Map<number, Element[]>();

  constructor(readonly root: Element) {
    this.walk();
    this.text = this.parts.join('');
  }

  // Built as parts and joined once: appending to one growing string and asking it endsWith() on
  // every text node flattens the rope each time, which made a 1 MB page take seconds.
  private readonly parts: string[] = [];
  private length = 0;
  private endsWithSpace = false;

  private append(raw: string): void {
    let collapsed = raw.replace(/\s+/g, ' ');
    if (this.endsWithSpace && collapsed.startsWith(' ')) collapsed = collapsed.slice(1);
    if (!collapsed) return;
    this.parts.push(collapsed);
    this.length += collapsed.length;
    this.endsWithSpace = collapsed.endsWith(' ');
  }

  private walk(): void {
    const open: Array<[Element, number]> = [[this.root, 0]];
    let node: Node | null = this.root.firstChild;
    while (open.length > 0) {
      if (node === null) {
        const [element, start] = open.pop()!;
        this.ranges.set(element, [start, this.length]);
        node = element === this.root ? null : element.nextSibling;
        continue;
      }
      if (node.nodeType === TEXT) this.append(node.nodeValue ?? '');
      if (node.nodeType === ELEMENT && !(node as Element).matches(SKIP)) {
        const start = this.length;
        open.push([node as Element, start]);
        const sameStart = this.byStart.get(start);
        if (sameStart) sameStart.push(node as Element);
        else this.byStart.set(start, [node as Element]);
        node = node.firstChild;
        continue;
      }
      node = node.nextSibling;
    }
  }

  /** The element's authored text, trimmed; '' for elements that were skipped. */
  textOf(element: Element): string {
    const range = this.ranges.get(element);
    return range ? this.text.slice(range[0], range[1]).trim() : '';
  }

  rangeOf(element: Element): [number, number] | undefined {
    return this.ranges.get(element);
  }

  /**
   * The outermost element inside the root whose whole authored text is exactly `needle`, at or after
   * text offset `from`; with where its text ends. Null when the needle never stands alone in an element
   * (a title quoted inside a sentence is not the entry's title).
   */
  findElementWithText(needle: string, from: number): [Element, number] | null {
    if (!needle) return null;
    for (let at = this.text.indexOf(needle, from); at >= 0; at = this.text.indexOf(needle, at + 1)) {
      const element = this.outermostWithText(needle, at);
      if (element) return [element, this.ranges.get(element)![1]];
    }
    return null;
  }

  private outermostWithText(needle: string, at: number): Element | null {
    // An element whose trimmed text is the needle starts at the needle or one collapsed space before it.
    for (const start of [at - 1, at]) {
      for (const element of this.byStart.get(start) ?? []) {
        if (element !== this.root && this.textOf(element) === needle) return element;
      }
    }
    return null;
  }
}
