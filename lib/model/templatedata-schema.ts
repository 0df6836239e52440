import { z } from 'zod';

/**
 * The answer of MediaWiki's `action=templatedata` (Extension:TemplateData), as far as a site profile
 * needs it. Unknown keys are kept out of the way (loose objects): newer versions add some.
 *
 * Texts (label, description) come as plain strings when the request had `lang=`, and as objects by
 * language code (`{"en": "Title"}`) without it. formatversion=1 writes flags as "" (present) and keeps
 * `required`/`suggested`/`deprecated` as booleans; formatversion=2 writes booleans everywhere.
 */

export const InterfaceTextSchema = z.union([z.string(), z.record(z.string(), z.string())]).nullable();
export type InterfaceText = z.infer<typeof InterfaceTextSchema>;

const FlagSchema = z.union([z.boolean(), z.literal('')]).optional();

export const TemplateDataParamSchema = z.looseObject({
  label: InterfaceTextSchema.optional(),
  description: InterfaceTextSchema.optional(),
  type: z.string().optional(),
  required: z.boolean().optional(),
  suggested: z.boolean().optional(),
  deprecated: z.union([z.boolean(), z.string()]).optional(),
  aliases: z.array(z.union([z.string(), z.number()])).optional(),
  suggestedvalues: z.array(z.string()).optional(),
});
export type TemplateDataParam = z.infer<typeof TemplateDataParamSchema>;

/** PHP writes an empty params map as `[]`. */
const ParamsSchema = z.preprocess(
  (value) => (Array.isArray(value) && value.length === 0 ? {} : value),
  z.record(z.string(), TemplateDataParamSchema),
);

/** One template's TemplateData: the JSON of a `<templatedata>` block, as the API returns it. */
export const TemplateDataBlobSchema = z.looseObject({
  description: InterfaceTextSchema.optional(),
  params: ParamsSchema,
  paramOrder: z.array(z.string()).optional(),
  format: z.string().nullable().optional(),
});
export type TemplateDataBlob = z.infer<typeof TemplateDataBlobSchema>;

export const TemplateDataPageSchema = z.looseObject({
  title: z.string(),
  ns: z.number().optional(),
  missing: FlagSchema,
  notemplatedata: FlagSchema,
  /** Present only when the page has TemplateData (or, with includeMissingTitles, guessed from its source). */
  params: z.unknown().optional(),
});
export type TemplateDataPage = z.infer<typeof TemplateDataPageSchema>;

const TitleMappingSchema = z.object({ from: z.string(), to: z.string() });

export const TemplateDataResponseSchema = z.looseObject({
  /** Keyed by page id (formatversion=1 and 2 alike); a list is accepted too. */
  pages: z.union([z.record(z.string(), TemplateDataPageSchema), z.array(TemplateDataPageSchema)]).optional(),
  normalized: z.array(TitleMappingSchema).optional(),
  redirects: z.array(TitleMappingSchema).optional(),
  error: z.looseObject({ code: z.string(), info: z.string().optional() }).optional(),
});
export type TemplateDataResponse = z.infer<typeof TemplateDataResponseSchema>;

/** Why no profile could be made; `code` lets a caller tell "no TemplateData" from "broken". */
export class TemplateDataError extends Error {
  constructor(
    readonly code:
      | 'not-json'
      | 'api-error'
      | 'missing-template'
      | 'no-templatedata'
      | 'malformed'
      | 'no-params',
    message: string,
  ) {
    super(message);
    this.name = 'TemplateDataError';
  }
}

/** A text in the wanted language: the exact code, its base language or a variant of it, English, then any. */
export function textInLanguage(text: InterfaceText | undefined, lang: string): string | null {
  if (text === null || text === undefined) return null;
  if (typeof text === 'string') return text;
  const codes = Object.keys(text);
  const base = lang.split('-')[0] ?? lang;
  const variant = (prefix: string) => codes.find((code) => code.startsWith(`${prefix}-`));
  const chosen = [lang, base, variant(base), 'en', variant('en'), codes[0]].find(
    (code) => code !== undefined && Object.hasOwn(text, code),
  );
  return chosen === undefined ? null : (text[chosen] ?? null);
}

/** Readable form of a zod error for a wiki maintainer: where in the JSON, and what was wrong. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'the top level'}: ${issue.message}`)
    .join('; ');
}
