import { SELECTORS } from '../mediawiki/page-view';
import { OWN_MARK } from './page-text';

/**
 * An entry's text as the rendered page shows it, for anchoring comments there: every text node of the
 * entry's block in document order, as it is (white space too: the anchoring collapses it where it
 * matters), with where each node starts. Generated parts and our own controls are skipped, so a
 * selection maps to offsets and offsets map back to a DOM Range, both ways, for highlights.
 */
const SKIP = `${SELECTORS.notAuthored}, [${OWN_MARK}], script, style`;
const ELEMENT = 1;
const TEXT = 3;

interface Piece {
  node: Text;
  start: number;
}

export class EntryText {
  readonly text: string;
  private readonly pieces: Piece[] = [];

  constructor(readonly scope: Element) {
    const parts: string[] = [];
    let length = 0;
    const walk = (parent: Node) => {
      for (let node = parent.firstChild; node; node = node.nextSibling) {
        if (node.nodeType === TEXT) {
          const value = node.nodeValue ?? '';
          if (value === '') continue;
          this.pieces.push({ node: node as Text, start: length });
          parts.push(value);
          length += value.length;
        } else if (node.nodeType === ELEMENT && !(node as Element).matches(SKIP)) walk(node);
      }
    };
    walk(scope);
    this.text = parts.join('');
  }

  /** The text offset of a DOM boundary point (a selection's start or end), or null when outside. */
  offsetOf(container: Node, offset: number): number | null {
    if (container !== this.scope && !this.scope.contains(container)) return null;
    const starts = new Map(this.pieces.map((piece) => [piece.node as Node, piece.start]));
    let length = 0;
    // One walk in document order, counting the text nodes that are part of the text, until the point.
    const walk = (parent: Node): number | null => {
      let index = 0;
      for (let node = parent.firstChild; node; node = node.nextSibling, index++) {
        if (parent === container && index === offset) return length;
        const start = starts.get(node);
        if (node === container && node.nodeType === TEXT)
          return start === undefined ? length : start + Math.min(offset, (node as Text).length);
        if (start !== undefined) length = start + (node as Text).length;
        else if (node.nodeType === ELEMENT) {
          const found = walk(node);
          if (found !== null) return found;
        }
      }
      return parent === container ? length : null;
    };
    return walk(this.scope) ?? this.text.length;
  }

  /** A DOM Range over text[start, end), or null when the offsets are outside the text. */
  range(start: number, end: number): Range | null {
    if (start < 0 || end > this.text.length || start >= end) return null;
    const from = this.pieces.find((piece) => start < piece.start + piece.node.length);
    const to = this.pieces.findLast((piece) => end > piece.start);
    if (!from || !to) return null;
    const range = this.scope.ownerDocument.createRange();
    range.setStart(from.node, start - from.start);
    range.setEnd(to.node, end - to.start);
    return range;
  }
}

/**
 * Each entry's block: from the element holding its title, the largest ancestor inside the article
 * that holds no other entry's title (the template's box, or the table row of a row template).
 */
export function entryBlocks(root: Element, titles: ReadonlyMap<number, Element>): Map<number, Element> {
  // How many titles each ancestor holds: one walk up per title (linear in titles × depth).
  const held = new Map<Element, number>();
  for (const title of titles.values())
    for (let at: Element | null = title; at && at !== root; at = at.parentElement)
      held.set(at, (held.get(at) ?? 0) + 1);
  const blocks = new Map<number, Element>();
  for (const [ordinal, title] of titles) {
    let block = title;
    for (;;) {
      const parent = block.parentElement;
      if (!parent || parent === root || !held.has(parent) || held.get(parent)! > 1) break;
      block = parent;
    }
    blocks.set(ordinal, block);
  }
  return blocks;
}

/** The entry whose block holds a node, or null. */
export function entryOfNode(blocks: ReadonlyMap<number, Element>, node: Node): number | null {
  for (const [ordinal, block] of blocks) if (block === node || block.contains(node)) return ordinal;
  return null;
}
