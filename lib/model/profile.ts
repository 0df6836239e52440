import { z } from 'zod';
import { TemplateMatcherSchema } from '../wikitext/types';

/**
 * How a field is edited and checked: a single line, multi-line wikitext, a date, yes/no, or a choice
 * among suggested values (free text is still allowed; other values only get a warning).
 */
export const FieldKindSchema = z.enum(['line', 'wikitext', 'date', 'yesno', 'choice']);
export type FieldKind = z.infer<typeof FieldKindSchema>;

/** Whether a mentor must fill a field (an empty one blocks publishing), should fill it, or may. */
export const FieldNeedSchema = z.enum(['required', 'suggested', 'optional']);
export type FieldNeed = z.infer<typeof FieldNeedSchema>;

/**
 * What a field means beyond its kind, for the checks that need it: who to contact, and whether the
 * idea is offered for GSoC (which then needs a project size).
 */
export const FieldRoleSchema = z.enum(['contact', 'gsoc']);
export type FieldRole = z.infer<typeof FieldRoleSchema>;

/** How the model writes a date it has understood. */
export const DateStyleSchema = z.enum(['iso', 'day-first', 'month-first', 'written']);
export type DateStyle = z.infer<typeof DateStyleSchema>;

export const FieldSchema = z.object({
  /** The template parameter's name, exactly as MediaWiki reads it (case-sensitive). */
  param: z.string().min(1),
  /** Other parameter names the template accepts for the same value; the canonical name wins over them. */
  aliases: z.array(z.string().min(1)).default([]),
  /** The label the wiki renders next to the value (and the editor labels its input with). */
  label: z.string().min(1),
  kind: FieldKindSchema,
  need: FieldNeedSchema,
  /** Values offered to the mentor; for a choice, values outside them get a warning. */
  suggestedValues: z.array(z.string()).default([]),
  description: z.string().default(''),
  /** What the wiki shows when the value is empty (e.g. "Unknown"), when known. */
  emptyText: z.string().nullable().default(null),
  /** Null when the parameter is current; otherwise why it is deprecated (possibly empty). */
  deprecated: z.string().nullable().default(null),
  role: FieldRoleSchema.nullable().default(null),
});
export type Field = z.infer<typeof FieldSchema>;

export const SiteProfileSchema = z
  .object({
    id: z.string().min(1),
    /** The template that holds one entry: canonical name and aliases (redirects). */
    template: TemplateMatcherSchema,
    /** The fields in the order the template documents them; new parameters are added in this order. */
    fields: z.array(FieldSchema),
    /** The param of the field whose value is the entry's title. */
    titleParam: z.string().min(1),
    dateStyle: DateStyleSchema.default('iso'),
  })
  .superRefine((profile, ctx) => {
    const seen = new Set<string>();
    for (const field of profile.fields) {
      for (const name of [field.param, ...field.aliases]) {
        if (seen.has(name)) {
          ctx.addIssue({ code: 'custom', message: `parameter "${name}" belongs to two fields` });
        }
        seen.add(name);
      }
    }
    if (profile.fields.length > 0 && !profile.fields.some((field) => field.param === profile.titleParam)) {
      ctx.addIssue({
        code: 'custom',
        message: `the title field "${profile.titleParam}" is not one of the fields`,
      });
    }
  });
export type SiteProfile = z.infer<typeof SiteProfileSchema>;
export type SiteProfileInput = z.input<typeof SiteProfileSchema>;

/** The field a parameter name belongs to, through its canonical name or an alias. */
export function fieldForParam(profile: SiteProfile, name: string): Field | undefined {
  return profile.fields.find((field) => field.param === name || field.aliases.includes(name));
}

/** Parameter values by name; built with Object.fromEntries so a name like "__proto__" stays a plain key. */
export type ParamValues = Readonly<Record<string, string>>;

export function ownValue(values: ParamValues, name: string): string | undefined {
  return Object.hasOwn(values, name) ? values[name] : undefined;
}

/** The name under which a field's value is present in an entry (canonical first, then aliases). */
export function presentParamName(field: Field, values: ParamValues): string | undefined {
  return [field.param, ...field.aliases].find((name) => ownValue(values, name) !== undefined);
}

/** A field's value in an entry, or '' when the entry does not set it. */
export function fieldValue(field: Field, values: ParamValues): string {
  const name = presentParamName(field, values);
  return name === undefined ? '' : (ownValue(values, name) ?? '');
}

/**
 * A profile for a template we know nothing about but its name: no fields, so nothing is validated,
 * and the title is taken from a parameter that is commonly the title.
 */
export function bareProfile(templateName: string): SiteProfile {
  return SiteProfileSchema.parse({
    id: `template:${templateName}`,
    template: { name: templateName, aliases: [] },
    fields: [],
    titleParam: 'title',
  });
}

/** Common names of a title parameter, for profiles that do not say which one it is. */
export const TITLE_PARAM_NAMES = ['title', 'project', 'name', 'project title', 'project name', '1'];
