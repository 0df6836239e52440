import { z } from 'zod';

/**
 * The codec's vocabulary. Offsets are JavaScript string indices (UTF-16 code units) into the page's
 * wikitext; `end` offsets are exclusive. Raw values are exactly the source text, untrimmed.
 *
 * The codec itself never runs these schemas: they are for callers that check data crossing a
 * boundary. Each is marked pure, so a bundler drops the ones a caller does not import.
 */

// One instance each (zod schemas are immutable, so fields can share them).
const offset = /* @__PURE__ */ z.number().int().nonnegative();
const string = /* @__PURE__ */ z.string();
const boolean = /* @__PURE__ */ z.boolean();
const stringOrNull = /* @__PURE__ */ z.string().nullable();

export const WikitextProblemSchema = /* @__PURE__ */ z.object({
  /** Machine-readable kind, e.g. 'unclosed-template', 'stray-close', 'unterminated-comment'. */
  code: string,
  message: string,
  start: offset,
  end: offset,
});
export type WikitextProblem = z.infer<typeof WikitextProblemSchema>;

export const TemplateParamSchema = /* @__PURE__ */ z.object({
  /** The name as MediaWiki reads it: trimmed, comments removed; "1", "2", … for positional ones. */
  name: string,
  positional: boolean,
  /** Raw value text, exactly as in the source (for a named parameter: everything after the first `=`). */
  value: string,
  /** Offset of the `|` that opens this parameter. */
  start: offset,
  /** Offset just past the parameter (the next `|` or the closing `}}`). */
  end: offset,
  /** Offsets of the raw name text (before the `=`); equal to valueStart for positional ones. */
  nameStart: offset,
  nameEnd: offset,
  valueStart: offset,
  valueEnd: offset,
});
export type TemplateParam = z.infer<typeof TemplateParamSchema>;

export const TransclusionSchema = /* @__PURE__ */ z.object({
  /** The template name as written, comments removed and trimmed (e.g. "project", "Template:Project"). */
  template: string,
  /** Offset of the opening `{{` and just past the closing `}}`. */
  start: offset,
  end: offset,
  /** Offsets of the raw name part (between `{{` and the first `|` or `}}`). */
  nameStart: offset,
  nameEnd: offset,
  /** Heading texts from the outermost to the innermost heading this transclusion sits under. */
  section: /* @__PURE__ */ z.array(string),
  /** True when the transclusion sits inside another template's parameter value. */
  nested: boolean,
  params: /* @__PURE__ */ z.array(TemplateParamSchema),
});
export type Transclusion = z.infer<typeof TransclusionSchema>;

export const HeadingSchema = /* @__PURE__ */ z.object({
  level: /* @__PURE__ */ z.number().int().min(1).max(6),
  /** Heading text as MediaWiki shows it in the table of contents source: trimmed, comments removed. */
  text: string,
  start: offset,
  end: offset,
});
export type Heading = z.infer<typeof HeadingSchema>;

export const PageScanSchema = /* @__PURE__ */ z.object({
  transclusions: /* @__PURE__ */ z.array(TransclusionSchema),
  headings: /* @__PURE__ */ z.array(HeadingSchema),
  problems: /* @__PURE__ */ z.array(WikitextProblemSchema),
});
export type PageScan = z.infer<typeof PageScanSchema>;

/** Which template holds an entry: its canonical name and any aliases (redirects). */
export const TemplateMatcherSchema = /* @__PURE__ */ z.object({
  name: /* @__PURE__ */ z.string().min(1),
  aliases: /* @__PURE__ */ z.array(string).default([]),
});
export type TemplateMatcher = z.infer<typeof TemplateMatcherSchema>;

export interface ScanOptions {
  /**
   * Extension tags whose content is opaque to the preprocessor (from the wiki's
   * `meta=siteinfo&siprop=extensiontags`, without angle brackets). A sensible default is used when omitted.
   */
  extensionTags?: readonly string[];
  /**
   * Whether `-{ … }-` language-conversion markup is recognised (it keeps `|` and `}}` inside it from
   * reaching the template around it). MediaWiki's default ($wgDisableLangConversion = false) is true.
   */
  languageConversion?: boolean;
}

/** A replacement of source[start, end) by `text`; edits are applied from the end backwards. */
export const TextEditSchema = /* @__PURE__ */ z.object({
  start: offset,
  end: offset,
  text: string,
});
export type TextEdit = z.infer<typeof TextEditSchema>;

/** A `{{Comment|signature}} text` remark found inside a parameter value. */
export const LegacyRemarkSchema = /* @__PURE__ */ z.object({
  author: string,
  /** The signature's timestamp as written (e.g. "14:14, 23 January 2013 (UTC)"), or null when it has none. */
  timestamp: stringOrNull,
  /** ISO 8601 form of the timestamp when it could be read. */
  isoTime: stringOrNull,
  text: string,
  /** Offsets of the whole remark (template and its text) in the page. */
  start: offset,
  end: offset,
});
export type LegacyRemark = z.infer<typeof LegacyRemarkSchema>;
