import { z } from 'zod';

/**
 * The codec's vocabulary. Offsets are JavaScript string indices (UTF-16 code units) into the page's
 * wikitext; `end` offsets are exclusive. Raw values are exactly the source text, untrimmed.
 */

export const WikitextProblemSchema = z.object({
  /** Machine-readable kind, e.g. 'unclosed-template', 'stray-close', 'unterminated-comment'. */
  code: z.string(),
  message: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type WikitextProblem = z.infer<typeof WikitextProblemSchema>;

export const TemplateParamSchema = z.object({
  /** The name as MediaWiki reads it: trimmed, comments removed; "1", "2", … for positional ones. */
  name: z.string(),
  positional: z.boolean(),
  /** Raw value text, exactly as in the source (for a named parameter: everything after the first `=`). */
  value: z.string(),
  /** Offset of the `|` that opens this parameter. */
  start: z.number().int().nonnegative(),
  /** Offset just past the parameter (the next `|` or the closing `}}`). */
  end: z.number().int().nonnegative(),
  /** Offsets of the raw name text (before the `=`); equal to valueStart for positional ones. */
  nameStart: z.number().int().nonnegative(),
  nameEnd: z.number().int().nonnegative(),
  valueStart: z.number().int().nonnegative(),
  valueEnd: z.number().int().nonnegative(),
});
export type TemplateParam = z.infer<typeof TemplateParamSchema>;

export const TransclusionSchema = z.object({
  /** The template name as written, comments removed and trimmed (e.g. "project", "Template:Project"). */
  template: z.string(),
  /** Offset of the opening `{{` and just past the closing `}}`. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Offsets of the raw name part (between `{{` and the first `|` or `}}`). */
  nameStart: z.number().int().nonnegative(),
  nameEnd: z.number().int().nonnegative(),
  /** Heading texts from the outermost to the innermost heading this transclusion sits under. */
  section: z.array(z.string()),
  /** True when the transclusion sits inside another template's parameter value. */
  nested: z.boolean(),
  params: z.array(TemplateParamSchema),
});
export type Transclusion = z.infer<typeof TransclusionSchema>;

export const HeadingSchema = z.object({
  level: z.number().int().min(1).max(6),
  /** Heading text as MediaWiki shows it in the table of contents source: trimmed, comments removed. */
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Heading = z.infer<typeof HeadingSchema>;

export const PageScanSchema = z.object({
  transclusions: z.array(TransclusionSchema),
  headings: z.array(HeadingSchema),
  problems: z.array(WikitextProblemSchema),
});
export type PageScan = z.infer<typeof PageScanSchema>;

/** Which template holds an entry: its canonical name and any aliases (redirects). */
export const TemplateMatcherSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
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
export const TextEditSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type TextEdit = z.infer<typeof TextEditSchema>;

/** A `{{Comment|signature}} text` remark found inside a parameter value. */
export const LegacyRemarkSchema = z.object({
  author: z.string(),
  /** The signature's timestamp as written (e.g. "14:14, 23 January 2013 (UTC)"), or null when it has none. */
  timestamp: z.string().nullable(),
  /** ISO 8601 form of the timestamp when it could be read. */
  isoTime: z.string().nullable(),
  text: z.string(),
  /** Offsets of the whole remark (template and its text) in the page. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type LegacyRemark = z.infer<typeof LegacyRemarkSchema>;
