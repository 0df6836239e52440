import { z } from 'zod';
import {
  type Field,
  type FieldKind,
  type FieldRole,
  type SiteProfile,
  SiteProfileSchema,
  TITLE_PARAM_NAMES,
} from './profile';
import {
  describeIssues,
  type TemplateDataBlob,
  TemplateDataBlobSchema,
  TemplateDataError,
  type TemplateDataPage,
  type TemplateDataParam,
  type TemplateDataResponse,
  TemplateDataResponseSchema,
  textInLanguage,
} from './templatedata-schema';

export interface TemplateDataProfileOptions {
  /**
   * The template asked for, with or without its namespace ("Idea", "Template:Idea"). It picks the page
   * when the answer holds several, and names the template when `json` is a bare `<templatedata>` blob.
   */
  template?: string;
  /** Language for labels and descriptions given per language; default "en". */
  lang?: string;
  /** Profile id; default "templatedata:<template name>". */
  id?: string;
  /** The parameter holding the entry's title; guessed from common names when omitted. */
  titleParam?: string;
}

/**
 * A site profile from a template's TemplateData (the answer of `action=templatedata`, parsed or as text,
 * or a bare `<templatedata>` blob). Pure: the caller fetches. Throws TemplateDataError with a message
 * for the wiki's maintainer when the template is missing, has no TemplateData, or it is malformed.
 * A string in place of the options is the template's name.
 */
export function profileFromTemplateData(
  json: unknown,
  optionsOrTemplate: TemplateDataProfileOptions | string = {},
): SiteProfile {
  const options = typeof optionsOrTemplate === 'string' ? { template: optionsOrTemplate } : optionsOrTemplate;
  const data = typeof json === 'string' ? parseJson(json) : json;
  const { blob, title, aliases } = isBareBlob(data)
    ? bareBlob(data, options)
    : blobFromResponse(data, options);
  const lang = options.lang ?? 'en';
  const fields = orderedParams(blob, title).map(([param, spec]) => fieldFromParam(param, spec, lang));
  if (fields.length === 0) {
    throw new TemplateDataError('no-params', `The TemplateData of ${title} lists no parameters.`);
  }
  const name = withoutNamespace(title);
  const result = SiteProfileSchema.safeParse({
    id: options.id ?? `templatedata:${name}`,
    template: { name, aliases: aliases.filter((alias) => alias !== name) },
    fields,
    titleParam: options.titleParam ?? guessTitleParam(fields),
    dateStyle: 'iso',
  });
  if (!result.success) {
    throw new TemplateDataError(
      'malformed',
      `The TemplateData of ${title} is unusable: ${describeIssues(result.error)}`,
    );
  }
  return result.data;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new TemplateDataError(
      'not-json',
      'The TemplateData answer is not JSON (was format=json asked for?).',
    );
  }
}

function isBareBlob(data: unknown): data is Record<string, unknown> {
  return (
    typeof data === 'object' && data !== null && 'params' in data && !('pages' in data) && !('error' in data)
  );
}

interface FoundBlob {
  blob: TemplateDataBlob;
  /** The template page's title, with namespace. */
  title: string;
  aliases: string[];
}

function bareBlob(data: unknown, options: TemplateDataProfileOptions): FoundBlob {
  if (!options.template) {
    throw new TemplateDataError(
      'malformed',
      'This TemplateData has no page around it: name the template it belongs to.',
    );
  }
  const title = templateTitle(options.template);
  return { blob: parseBlob(data, title), title, aliases: [] };
}

function parseBlob(data: unknown, title: string): TemplateDataBlob {
  const parsed = TemplateDataBlobSchema.safeParse(data);
  if (!parsed.success) {
    throw new TemplateDataError(
      'malformed',
      `The TemplateData of ${title} is malformed: ${describeIssues(parsed.error)}`,
    );
  }
  return parsed.data;
}

function blobFromResponse(data: unknown, options: TemplateDataProfileOptions): FoundBlob {
  const parsed = TemplateDataResponseSchema.safeParse(data);
  if (!parsed.success) {
    throw new TemplateDataError(
      'malformed',
      `The TemplateData answer is malformed: ${describeIssues(parsed.error)}`,
    );
  }
  const response = parsed.data;
  const asked = options.template ? templateTitle(options.template) : undefined;
  if (response.error) {
    const info = response.error.info ?? response.error.code;
    throw new TemplateDataError(
      'api-error',
      `The wiki refused the TemplateData request: ${info} (${response.error.code}).`,
    );
  }
  const page = pickPage(response, asked);
  if (page.missing !== undefined && page.missing !== false) {
    throw new TemplateDataError('missing-template', `${page.title} does not exist on this wiki.`);
  }
  if ((page.notemplatedata !== undefined && page.notemplatedata !== false) || page.params === undefined) {
    throw noTemplateData(page.title);
  }
  const aliases = (response.redirects ?? [])
    .filter((redirect) => canonicalTitle(redirect.to) === canonicalTitle(page.title))
    .map((redirect) => withoutNamespace(redirect.from));
  return { blob: parseBlob(page, page.title), title: page.title, aliases };
}

/** Without includeMissingTitles the wiki answers a missing template and one without TemplateData alike. */
function noTemplateData(title: string, mayBeMissing = false): TemplateDataError {
  const what = mayBeMissing ? 'has no TemplateData (or does not exist on this wiki)' : 'has no TemplateData';
  return new TemplateDataError(
    'no-templatedata',
    `${title} ${what}, so its fields are unknown. Add a <templatedata> block to the template's page ` +
      '(parameters, labels, required or suggested) and try again.',
  );
}

function pickPage(response: TemplateDataResponse, asked: string | undefined): TemplateDataPage {
  const pages = Array.isArray(response.pages) ? response.pages : Object.values(response.pages ?? {});
  if (pages.length === 0) throw noTemplateData(asked ?? 'The template', true);
  if (asked === undefined) {
    if (pages.length > 1) {
      throw new TemplateDataError('malformed', 'The answer holds several templates: name the one to use.');
    }
    return pages[0]!;
  }
  const wanted = canonicalTitle(followMappings(asked, response));
  const page = pages.find((candidate) => canonicalTitle(candidate.title) === wanted);
  if (page) return page;
  if (pages.length === 1) return pages[0]!;
  throw noTemplateData(asked, true);
}

/** The title the wiki answered for the one asked: through its normalisation, then redirects. */
function followMappings(title: string, response: TemplateDataResponse): string {
  let current = title;
  for (const mappings of [response.normalized ?? [], response.redirects ?? []]) {
    const mapping = mappings.find((entry) => canonicalTitle(entry.from) === canonicalTitle(current));
    if (mapping) current = mapping.to;
  }
  return current;
}

function orderedParams(blob: TemplateDataBlob, title: string): [string, TemplateDataParam][] {
  const names = Object.keys(blob.params);
  const order = blob.paramOrder ?? names;
  const unknown = order.find((name) => !Object.hasOwn(blob.params, name));
  if (unknown !== undefined) {
    throw new TemplateDataError(
      'malformed',
      `The TemplateData of ${title} orders "${unknown}", which it does not define.`,
    );
  }
  // Order first; a parameter paramOrder forgot still counts (MediaWiki's validator rejects that, older ones did not).
  const all = [...new Set([...order, ...names])];
  return all.map((name) => [name, blob.params[name]!]);
}

function fieldFromParam(param: string, spec: TemplateDataParam, lang: string): Field {
  const label = textInLanguage(spec.label, lang)?.trim() || param;
  const suggestedValues = (spec.suggestedvalues ?? []).filter((value) => value.trim() !== '');
  return {
    param,
    aliases: (spec.aliases ?? []).map(String).filter((alias) => alias !== '' && alias !== param),
    label,
    kind: kindFromType(spec.type, suggestedValues),
    need: spec.required ? 'required' : spec.suggested ? 'suggested' : 'optional',
    suggestedValues,
    description: textInLanguage(spec.description, lang)?.trim() ?? '',
    emptyText: defaultText(spec, lang),
    deprecated: spec.deprecated === true ? '' : typeof spec.deprecated === 'string' ? spec.deprecated : null,
    role: guessRole(param, label),
  };
}

/** TemplateData's "default" documents what the template shows when the parameter is left out. */
function defaultText(spec: TemplateDataParam, lang: string): string | null {
  const parsed = z.union([z.string(), z.record(z.string(), z.string())]).safeParse(spec.default);
  return parsed.success ? textInLanguage(parsed.data, lang) : null;
}

/**
 * TemplateData types to editing kinds. "string" and "unknown" may hold line breaks (TemplateData's own
 * definition), so they get a multi-line input; suggested values make a line-like field a choice.
 */
function kindFromType(type: string | undefined, suggestedValues: readonly string[]): FieldKind {
  const current = type?.replace(/^string\//, '') ?? 'unknown';
  if (current === 'content' || current === 'unbalanced-wikitext') return 'wikitext';
  if (current === 'date') return 'date';
  if (current === 'boolean') return 'yesno';
  if (suggestedValues.length > 0) return 'choice';
  return current === 'string' || current === 'unknown' ? 'wikitext' : 'line';
}

function guessRole(param: string, label: string): FieldRole | null {
  if (/^gsoc$/i.test(param)) return 'gsoc';
  if ([param, label].some((text) => /\b(?:contacts?|mentors?)\b/i.test(text))) return 'contact';
  return null;
}

function guessTitleParam(fields: readonly Field[]): string {
  for (const wanted of TITLE_PARAM_NAMES) {
    const field = fields.find((candidate) =>
      [candidate.param, candidate.label].some((name) => name.toLowerCase() === wanted),
    );
    if (field) return field.param;
  }
  const firstRequiredLine = fields.find((field) => field.need === 'required' && field.kind === 'line');
  return (firstRequiredLine ?? fields[0])!.param;
}

/** "idea" → "Template:Idea"; a title that already has a namespace is kept. */
function templateTitle(name: string): string {
  const trimmed = name.trim();
  return trimmed.includes(':') ? trimmed : `Template:${trimmed}`;
}

/** Titles compare with underscores as spaces and the first letter of each part upper-cased, as MediaWiki does. */
function canonicalTitle(title: string): string {
  return title
    .replace(/_/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .split(':')
    .map((part) => {
      const trimmedPart = part.trim();
      return trimmedPart.charAt(0).toUpperCase() + trimmedPart.slice(1);
    })
    .join(':');
}

function withoutNamespace(title: string): string {
  const colon = title.indexOf(':');
  return (colon === -1 ? title : title.slice(colon + 1)).trim();
}
