// The seed content, as the wiki will hold it: templates whose TemplateData matches what they render,
// and page fixtures with the shapes the page adapter's tests count on.
import { describe, expect, it } from 'vitest';
import { XEN_PROFILE } from '../../../lib/model/xen-profile';
import {
  loadSeedContent,
  templatePages,
  WIKI_PAGES,
  WIKI_TEMPLATES,
} from '../../../scripts/mediawiki/seed-content';

interface TemplateData {
  params: Record<string, { label: string; required?: boolean; type: string }>;
  paramOrder: string[];
}

function template(title: string): { text: string; data: TemplateData; body: string } {
  const page = templatePages().find((candidate) => candidate.title === title);
  if (!page) throw new Error(`no seed page ${title}`);
  const json = page.text.match(/<templatedata>([\s\S]*?)<\/templatedata>/)?.[1];
  const body = page.text.match(/<includeonly>([\s\S]*?)<\/includeonly>/)?.[1];
  if (!json || !body) throw new Error(`${title} lacks <templatedata> or <includeonly>`);
  return { text: page.text, data: JSON.parse(json), body };
}

/** The parameters a template body reads: {{{name}}} and {{{name|default}}}. */
function paramsRead(body: string): string[] {
  return [
    ...new Set([...body.matchAll(/\{\{\{([^{}|]+)[|}]/g)].map((match) => match[1]?.trim() ?? '')),
  ].sort();
}

const count = (text: string, pattern: RegExp): number => [...text.matchAll(pattern)].length;

describe('Template:Project', () => {
  const { data, body } = template(WIKI_TEMPLATES.project);

  it("describes the Xen profile's parameters with the labels the wiki renders, in order", () => {
    expect(data.paramOrder).toEqual(
      XEN_PROFILE.fields.map((field) => field.param).sort(byOrder(data.paramOrder)),
    );
    expect(data.paramOrder.map((name) => data.params[name]?.label)).toEqual([
      'Project',
      'Date of insert',
      'Verified',
      'GSoC',
      'Technical contact',
      'Difficulty',
      'Skills Needed',
      'Description',
      'Outcomes',
    ]);
    for (const field of XEN_PROFILE.fields) expect(data.params[field.param]?.label).toBe(field.label);
    expect(data.params.Project?.required).toBe(true);
  });

  it('renders exactly the parameters its TemplateData describes', () => {
    expect(paramsRead(body)).toEqual(Object.keys(data.params).sort());
  });

  it('shows the Xen texts for empty fields', () => {
    expect(body).toContain('{{#if:{{{Difficulty|}}}|{{{Difficulty}}}|Unknown}}');
    expect(body).toContain('{{#if:{{{Skills|}}}|{{{Skills}}}|Unknown}}');
    expect(body).toContain('{{#if:{{{Outcomes|}}}|{{{Outcomes}}}|Not specified, project outcomes}}');
    expect(body).toContain('Date of insert: {{{Date|}}}; Verified: {{{Verified|}}}; GSoC:');
  });
});

describe('Template:Idea', () => {
  const { data, body } = template(WIKI_TEMPLATES.idea);

  it('has parameters of its own, all described and all rendered', () => {
    expect(data.paramOrder).toEqual(['title', 'mentors', 'level', 'tags', 'summary']);
    expect(paramsRead(body)).toEqual(Object.keys(data.params).sort());
    expect(data.params.title?.required).toBe(true);
  });

  it('renders one table row per idea', () => {
    expect(body.startsWith('|-')).toBe(true);
    expect(count(body, /^\|-/gm)).toBe(1);
  });
});

describe('the seed pages', () => {
  it('are all present, templates first', async () => {
    const content = await loadSeedContent();
    expect(content.missing).toEqual([]);
    expect(content.pages.map((page) => page.title)).toEqual([
      ...Object.values(WIKI_TEMPLATES),
      WIKI_PAGES.seed2014,
      WIKI_PAGES.empty,
      WIKI_PAGES.malformed,
      WIKI_PAGES.ideas2025,
      WIKI_PAGES.oddTitles,
      WIKI_PAGES.generated500,
    ]);
  });

  it('have the entries the page adapter tests count', async () => {
    const pages = new Map((await loadSeedContent()).pages.map((page) => [page.title, page.text]));
    const text = (title: string): string => pages.get(title) ?? '';
    expect(count(text(WIKI_PAGES.seed2014), /\{\{project\s*\|/gi)).toBe(8);
    expect(count(text(WIKI_PAGES.empty), /\{\{project/gi)).toBe(0);
    const ideas = text(WIKI_PAGES.ideas2025);
    expect(count(ideas, /^\{\{Idea$/gm)).toBe(4);
    expect(count(ideas, /^== [^=]+ ==$/gm)).toBe(3);
    expect(ideas.split(/^== /m).filter((section) => /^\{\{Idea$/m.test(section))).toHaveLength(2);
  });

  it('have exactly one unclosed {{project on the malformed page', async () => {
    const page = (await loadSeedContent()).pages.find(
      (candidate) => candidate.title === WIKI_PAGES.malformed,
    );
    const entries = (page?.text ?? '')
      .split(/(?=\{\{project)/)
      .filter((part) => part.startsWith('{{project'));
    expect(entries).toHaveLength(4);
    // Each entry closes before the next begins, except the broken one.
    const unclosed = entries.filter((entry) => !/\n\}\}\s*(\n|$)/.test(entry));
    expect(unclosed).toHaveLength(1);
    expect(unclosed[0]).toContain('Idea whose template was never closed');
  });
});

function byOrder(order: string[]): (a: string, b: string) => number {
  return (a, b) => order.indexOf(a) - order.indexOf(b);
}
