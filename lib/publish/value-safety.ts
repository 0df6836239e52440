import { scanPage } from '../wikitext/page';
import type { ScanOptions, Transclusion } from '../wikitext/types';
import { normalizeValue } from './values';

/**
 * Whether a value can be written into a template parameter and read back unchanged. The codec writes
 * values as they are (it does not escape), so a bare `|` would start another parameter, an unbalanced
 * `{{`/`}}`, `[[` or `<!--` would swallow the rest of the entry or end it early, and a heading line
 * would split the page's sections. Such a value is refused with what to do instead; a bare `|` has a
 * fix (`{{!}}`, which the wiki shows as `|`). Text the wiki rewrites on saving (signatures, `subst:`)
 * is refused too: the check after saving could not recognise the edit.
 */
export type ValueIssueCode =
  | 'bare-pipe'
  | 'unbalanced-braces'
  | 'unclosed-link'
  | 'unclosed-comment'
  | 'unclosed-tag'
  | 'unclosed-markup'
  | 'heading-line'
  | 'positional-equals'
  | 'signature'
  | 'subst';

export interface ValueIssue {
  code: ValueIssueCode;
  message: string;
  /** An escaped value that reads back as one parameter, when one can be made without guessing. */
  fix: string | null;
}

const PROBE_HEAD = '{{x\n|v=';

interface Probe {
  text: string;
  offset: number;
  top: Transclusion | undefined;
  problems: ReturnType<typeof scanPage>['problems'];
}

function probe(value: string, positional: boolean, options?: ScanOptions): Probe {
  const head = positional ? '{{x|' : PROBE_HEAD;
  const text = `${head}${value}${positional ? '' : '\n'}}}`;
  const scan = scanPage(text, options);
  const top = scan.transclusions.find((t) => t.start === 0 && t.end === text.length && !t.nested);
  return { text, offset: head.length, top, problems: scan.problems };
}

function readsBack(p: Probe, value: string, positional: boolean): boolean {
  if (!p.top || p.problems.length > 0 || p.top.params.length !== 1) return false;
  const param = p.top.params[0]!;
  return positional ? param.positional && param.value === value : normalizeValue(param.value) === value;
}

/** Replaces each `|` that would start a new parameter with `{{!}}`; other text stays. */
export function escapeBarePipes(value: string, options?: ScanOptions): string {
  const p = probe(value, false, options);
  if (!p.top) return value;
  const cuts = p.top.params.slice(1).map((param) => param.start - p.offset);
  let out = '';
  let at = 0;
  for (const cut of cuts) {
    if (cut < 0 || cut >= value.length || value[cut] !== '|') return value;
    out += `${value.slice(at, cut)}{{!}}`;
    at = cut + 1;
  }
  return out + value.slice(at);
}

const count = (text: string, token: string) => text.split(token).length - 1;

/** Markup the wiki leaves alone on saving: signatures and substitutions inside it are kept as typed. */
const inert = (value: string) =>
  value.replace(/<!--[\s\S]*?-->|<(nowiki|pre)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '');

function structureIssue(label: string, value: string, p: Probe): ValueIssue {
  // The first problem inside the value itself: the template left open around it is only the consequence.
  const problem = p.problems.find((candidate) => candidate.start >= p.offset) ?? p.problems[0];
  const opened = count(value, '{{');
  const closed = count(value, '}}');
  if (!problem) {
    return {
      code: 'bare-pipe',
      message:
        `${label} holds a "|" outside a link or template, which would end the value and start another ` +
        'parameter. Write {{!}} for a "|" the wiki should show.',
      fix: escapeBarePipes(value),
    };
  }
  switch (problem.code) {
    case 'unclosed-template':
    case 'stray-close':
      return {
        code: 'unbalanced-braces',
        message:
          `${label} has unbalanced braces ("{{" ${opened} times, "}}" ${closed} times), which would break ` +
          'the entry. Close every "{{" with "}}", or write &#123; and &#125; for braces the wiki should show.',
        fix: null,
      };
    case 'unclosed-link':
      return {
        code: 'unclosed-link',
        message: `${label} opens a link with "[[" that is never closed with "]]", which would break the entry.`,
        fix: null,
      };
    case 'unterminated-comment':
      return {
        code: 'unclosed-comment',
        message: `${label} opens a comment with "<!--" that is never closed with "-->", which would hide the rest of the entry.`,
        fix: null,
      };
    case 'unclosed-tag':
      return { code: 'unclosed-tag', message: `${label}: ${problem.message}`, fix: null };
    default:
      return {
        code: 'unclosed-markup',
        message: `${label} would not stay one parameter: ${problem.message}`,
        fix: null,
      };
  }
}

/**
 * The first reason a value cannot be published as the parameter labelled `label`, or null when it
 * reads back exactly (a named value as MediaWiki trims it).
 */
export function valueIssue(
  label: string,
  raw: string,
  positional = false,
  options?: ScanOptions,
): ValueIssue | null {
  const value = positional ? raw : normalizeValue(raw);
  const p = probe(value, positional, options);
  if (!readsBack(p, value, positional)) {
    if (positional && p.top?.params.length === 1 && p.problems.length === 0) {
      return {
        code: 'positional-equals',
        message: `${label} holds a "=" that would turn it into a named parameter. Write {{=}} instead.`,
        fix: value.replace(/=/g, '{{=}}'),
      };
    }
    return structureIssue(label, value, p);
  }
  if (/\n=[^\n]*=[ \t]*(?:\n|$)/.test(value)) {
    return {
      code: 'heading-line',
      message:
        `${label} has a line that starts and ends with "=", which the wiki reads as a section heading: it ` +
        "would split the page's sections in the middle of the entry. Use bold text ('''…''') instead.",
      fix: null,
    };
  }
  const plain = inert(value);
  if (/~{3,5}/.test(plain)) {
    return {
      code: 'signature',
      message:
        `${label} holds "~~~~", which the wiki replaces with a signature when saving, so the check after ` +
        'saving could not confirm the edit. Write the signature out ([[User:Name|Name]]) or wrap the tildes in <nowiki>…</nowiki>.',
      fix: null,
    };
  }
  if (/\{\{\s*(?:safe)?subst:/i.test(plain)) {
    return {
      code: 'subst',
      message:
        `${label} uses "subst:", which the wiki expands when saving, so the check after saving could not ` +
        'confirm the edit. Write the expanded text instead.',
      fix: null,
    };
  }
  return null;
}
