import { EntryText, entryBlocks, entryOfNode } from '../../lib/adapter/entry-text';
import type { PageEntry } from '../../lib/adapter/locate-entries';
import type { Anchor } from '../../lib/anchoring/schema';
import { createAnchor, resolveSelectors, selectionProblem } from '../../lib/anchoring/text-anchor';
import { type CommentsLink, commentsFrameTitle, MAX_ENTRY_TEXT } from '../../lib/comments/frame-link';
import type { PageComments } from '../../lib/comments/page-protocol';
import type { PageView } from '../../lib/mediawiki/page-view';
import { setCommentBadge } from './comment-badge';
import { createCommentButton } from './comment-button';
import { mountHighlights } from './comment-highlights';
import { CommentsFrames } from './comments-frames';
import { buttonOf } from './draft-badge';
import type { MountedControl } from './page-adapter';

/**
 * Reviewer comments on the rendered page, the thin part (the Hypothesis client's manner): a selection
 * inside an entry becomes an anchor (lib/anchoring) and a `Comment` button; the threads themselves are
 * written and read in the comments frame, an extension page. Here: highlights of the open threads'
 * text, and a count on each entry. Nothing of a comment's text comes into the page.
 */
export interface PageCommentsOptions {
  window: Window;
  root: Element;
  view: PageView;
  wiki: string;
  wikiUser: string | null;
  entries: readonly PageEntry[];
  /** The element holding each entry's title (lib/adapter/locate-entries). */
  titles: ReadonlyMap<number, Element>;
  /** Each entry's Edit button control (the badge goes beside it). */
  controls: ReadonlyMap<number, MountedControl>;
  extensionOrigin: string;
  commentsUrl: (link: CommentsLink) => string;
  /** The page's highlights and counts from the background. */
  load: () => Promise<PageComments>;
  warn: (error: unknown) => void;
}

export interface PageCommentsHandle {
  refresh(): void;
  destroy(): void;
}

export function mountPageComments(options: PageCommentsOptions): PageCommentsHandle {
  const { window: win, root } = options;
  const doc = root.ownerDocument;
  // Each entry's block, found the first time a selection or a highlight needs one: most readers of a
  // long page never select, and finding 500 blocks at load is main-thread time they would pay for it.
  let found: ReadonlyMap<number, Element> | null = null;
  const blocksOf = () => {
    found ??= entryBlocks(root, options.titles);
    return found;
  };
  const texts = new Map<number, EntryText>();
  const textOf = (ordinal: number): EntryText | null => {
    const block = blocksOf().get(ordinal);
    if (!block) return null;
    const known = texts.get(ordinal);
    if (known) return known;
    const text = new EntryText(block);
    texts.set(ordinal, text);
    return text;
  };
  const entryByOrdinal = new Map(options.entries.map((entry) => [entry.ordinal, entry]));
  let nonce = 0;

  const open = (ordinal: number, pending: Anchor | null) => {
    const entry = entryByOrdinal.get(ordinal);
    const anchor = options.titles.get(ordinal);
    if (!entry || !anchor) return;
    const text = textOf(ordinal)?.text ?? null;
    const link: CommentsLink = {
      wiki: options.wiki,
      view: options.view,
      entry: { ordinal, title: entry.title },
      text: text !== null && text.length <= MAX_ENTRY_TEXT ? text : null,
      wikiUser: options.wikiUser,
      pending,
      nonce: ++nonce,
    };
    frames.show(
      ordinal,
      blocksOf().get(ordinal) ?? anchor,
      options.commentsUrl(link),
      commentsFrameTitle(entry.title),
    );
  };

  const frames = new CommentsFrames({
    window: win,
    root,
    extensionOrigin: options.extensionOrigin,
    onChanged: () => refresh(),
    returnFocus: (ordinal) => {
      const host = options.controls.get(ordinal)?.host;
      if (host) buttonOf(host)?.focus();
    },
  });

  // The selection → anchor → `Comment` button.
  let selected: { ordinal: number; anchor: Anchor } | null = null;
  const button = createCommentButton(doc, () => {
    if (!selected) return;
    const { ordinal, anchor } = selected;
    button.hide();
    open(ordinal, anchor);
  });
  const readSelection = () => {
    selected = currentSelection(win, blocksOf(), textOf, entryByOrdinal);
    const rect = selected ? lastRect(win) : null;
    const block = selected ? blocksOf().get(selected.ordinal) : undefined;
    if (rect && block) button.show(block, rect);
    else button.hide();
  };
  let scheduled = false;
  const onSelection = () => {
    if (scheduled) return;
    scheduled = true;
    win.requestAnimationFrame(() => {
      scheduled = false;
      readSelection();
    });
  };
  doc.addEventListener('selectionchange', onSelection);
  doc.addEventListener('mouseup', onSelection);
  doc.addEventListener('keyup', onSelection);

  // Highlights and badges, from the background's answer.
  const highlights = mountHighlights(doc, root);
  const show = (answer: PageComments) => {
    const ranges: Array<{ id: string; range: Range }> = [];
    for (const item of answer.highlights) {
      const text = textOf(item.ordinal);
      if (!text) continue;
      const found = resolveSelectors(item.anchor, text.text);
      const range = found.start === null ? null : text.range(found.start, found.end);
      if (range) ranges.push({ id: item.threadId, range });
    }
    highlights.draw(ranges);
    const counts = new Map(answer.counts.map((count) => [count.ordinal, count.open]));
    for (const [ordinal, control] of options.controls) {
      const entry = entryByOrdinal.get(ordinal);
      setCommentBadge(control.host, counts.get(ordinal) ?? 0, entry?.title ?? '', () => open(ordinal, null));
    }
  };
  const refresh = () => {
    options.load().then(show, options.warn);
  };
  refresh();

  return {
    refresh,
    destroy() {
      doc.removeEventListener('selectionchange', onSelection);
      doc.removeEventListener('mouseup', onSelection);
      doc.removeEventListener('keyup', onSelection);
      button.remove();
      highlights.remove();
      frames.destroy();
    },
  };
}

/** The selection's entry and its anchor, when it lies inside one entry and can be quoted. */
function currentSelection(
  win: Window,
  blocks: ReadonlyMap<number, Element>,
  textOf: (ordinal: number) => EntryText | null,
  entries: ReadonlyMap<number, PageEntry>,
): { ordinal: number; anchor: Anchor } | null {
  const selection = win.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const ordinal = entryOfNode(blocks, range.commonAncestorContainer);
  const entry = ordinal === null ? undefined : entries.get(ordinal);
  const text = ordinal === null ? null : textOf(ordinal);
  if (ordinal === null || !entry || !text) return null;
  const start = text.offsetOf(range.startContainer, range.startOffset);
  const end = text.offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null || selectionProblem(text.text, start, end) !== null) return null;
  const target = {
    entry: { title: entry.title, ordinal, draftId: null },
    scope: { kind: 'rendered' as const },
  };
  return { ordinal, anchor: createAnchor(target, text.text, start, end) };
}

function lastRect(win: Window): DOMRect | null {
  const selection = win.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const rects = Array.from(selection.getRangeAt(0).getClientRects()).filter((rect) => rect.width > 0);
  return rects.at(-1) ?? selection.getRangeAt(0).getBoundingClientRect();
}
