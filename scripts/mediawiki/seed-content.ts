import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { MEDIAWIKI_SCRIPTS_DIR, REPO_ROOT } from './paths';

/** The templates of the test wiki, from scripts/mediawiki/templates/<name>.wikitext. */
export const WIKI_TEMPLATES = {
  /** The Xen wiki's entry template, rendered as the Xen wiki does; carries TemplateData. */
  project: 'Template:Project',
  /** The Xen wiki's reviewer remark, `{{Comment|signature}} text`. */
  comment: 'Template:Comment',
  /** A second entry template with other parameters and its own TemplateData, rendered as table rows. */
  idea: 'Template:Idea',
  /** A template with no TemplateData at all, as many wikis have: naming it must get a clear message. */
  plainIdea: 'Template:Plain idea',
} as const;

/** The seeded pages, by what tests use them for. */
export const WIKI_PAGES = {
  /** The Xen wiki's page (see /work/shared/seed/) as wikitext: 8 entries in 3 sections. */
  seed2014: 'Archived/2014 GSoC and OPW Round 8 Projects',
  /** Sections, but no entries. */
  empty: 'Project Ideas Empty',
  /** Good entries and one `{{project` that is never closed. */
  malformed: 'Project Ideas Malformed',
  /** 500 generated entries, for the page adapter's benchmark. */
  generated500: 'Project Ideas 500',
  /** 4 `{{Idea}}` entries (table rows) in 2 sections: the second profile and the second rendering. */
  ideas2025: 'Ideas 2025',
  /** Entries the rendered page does not show where expected: a title made by a template, one that renders nothing. */
  oddTitles: 'Project Ideas Odd Titles',
} as const;

export type WikiPageKey = keyof typeof WIKI_PAGES;

const FIXTURES_DIR = path.join(REPO_ROOT, 'test', 'fixtures');
const PAGES_DIR = path.join(FIXTURES_DIR, 'pages');
const TEMPLATES_DIR = path.join(MEDIAWIKI_SCRIPTS_DIR, 'templates');
/** Another engineer's generator; the 500-entry page is seeded once it exists. */
const GENERATOR_MODULE = path.join(FIXTURES_DIR, 'generate-page.ts');

const PAGE_FILES: Record<Exclude<WikiPageKey, 'generated500'>, string> = {
  seed2014: 'seed-2014.wikitext',
  empty: 'no-entries.wikitext',
  malformed: 'malformed.wikitext',
  ideas2025: 'ideas-2025.wikitext',
  oddTitles: 'odd-titles.wikitext',
};

export interface SeedPage {
  title: string;
  text: string;
  /** Where the text came from, for messages. */
  source: string;
}

export interface SeedContent {
  /** Templates first: pages saved after their templates render right away. */
  pages: SeedPage[];
  /** Seed pages whose source does not exist (yet); seeded on a later start once it does. */
  missing: string[];
}

function readIfExists(file: string): string | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

export function templatePages(dir = TEMPLATES_DIR): SeedPage[] {
  return Object.values(WIKI_TEMPLATES).map((title) => {
    const source = path.join(dir, `${title.replace(/^Template:/, '')}.wikitext`);
    return { title, text: fs.readFileSync(source, 'utf8'), source };
  });
}

const GeneratorModuleSchema = z.object({
  generateProjectPage: z.custom<(options: unknown) => unknown>((value) => typeof value === 'function'),
});

async function generatedPage(): Promise<SeedPage | undefined> {
  if (!fs.existsSync(GENERATOR_MODULE)) return undefined;
  // A computed specifier: the generator may not exist yet, and the type checker must not require it.
  const loaded: unknown = await import(pathToFileURL(GENERATOR_MODULE).href);
  const parsed = GeneratorModuleSchema.safeParse(loaded);
  const text = parsed.success
    ? z.string().safeParse(parsed.data.generateProjectPage({ entries: 500, seed: 1 }))
    : undefined;
  if (!text?.success) {
    throw new Error(
      `${GENERATOR_MODULE} must export generateProjectPage({ entries, seed }) returning wikitext`,
    );
  }
  return {
    title: WIKI_PAGES.generated500,
    text: text.data,
    source: `${GENERATOR_MODULE} (entries: 500, seed: 1)`,
  };
}

/** Everything the wiki is seeded with, read afresh from the repository. */
export async function loadSeedContent(): Promise<SeedContent> {
  const pages = templatePages();
  const missing: string[] = [];
  for (const [key, file] of Object.entries(PAGE_FILES) as [keyof typeof PAGE_FILES, string][]) {
    const source = path.join(PAGES_DIR, file);
    const text = readIfExists(source);
    if (text === undefined) missing.push(source);
    else pages.push({ title: WIKI_PAGES[key], text, source });
  }
  const generated = await generatedPage();
  if (generated) pages.push(generated);
  else missing.push(GENERATOR_MODULE);
  return { pages, missing };
}
