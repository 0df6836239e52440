import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyEdits,
  findTransclusions,
  getParamValue,
  setParamValue,
  type TextEdit,
  type Transclusion,
} from '../../../lib/wikitext/index.ts';
import { generateProjectPage } from '../../fixtures/generate-page.ts';
import {
  mediaWikiDirectory,
  phpAvailable,
  REFERENCE_EXTENSION_TAGS,
  type ReferenceTransclusion,
  runMwparserfromhell,
  runPreprocessor,
  wikitextFiles,
} from '../../reference/reference.ts';

/**
 * Agreement with MediaWiki: for every fixture, the codec must find the same transclusions of
 * {{project}} as MediaWiki 1.39's own preprocessor (test/reference/preprocess.php), in the same order,
 * with the same names, raw values, value offsets, positional flags, nesting and section paths.
 * mwparserfromhell is asked too, and where it differs that is printed, never held against the codec.
 */

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');
const MATCHER = { name: 'project', aliases: [] };
const OPTIONS = { extensionTags: REFERENCE_EXTENSION_TAGS };

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'project-desk-reference-'));
const generated = path.join(workDir, 'generated-500-seed-1.wikitext');
fs.writeFileSync(generated, generateProjectPage({ entries: 500, seed: 1 }));
const files = [
  ...wikitextFiles(path.join(FIXTURES, 'wikitext')),
  ...wikitextFiles(path.join(FIXTURES, 'pages')),
  generated,
];
const label = (file: string) =>
  file === generated ? 'generated page (500 entries, seed 1)' : path.relative(FIXTURES, file);

afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

const hasPhp = phpAvailable();
if (!hasPhp) {
  const banner = '!'.repeat(100);
  const why = process.env.CI
    ? 'CI is set, so this FAILS: .ci/run must install php-cli'
    : 'SKIPPING the agreement tests: install php-cli (scripts/install-system-deps.sh) to run them';
  console.warn(`\n${banner}\n!! php is not installed: ${why}\n${banner}\n`);
}

describe.runIf(!hasPhp && process.env.CI)('MediaWiki reference in CI', () => {
  it('has php', () => {
    expect(hasPhp, 'php is required in CI to check agreement with MediaWiki').toBe(true);
  });
});

/** What both readers report, in one shape, so that one toEqual shows every difference. */
function comparable(t: Transclusion | ReferenceTransclusion) {
  return {
    template: t.template,
    nested: t.nested,
    start: t.start,
    end: t.end,
    params: t.params.map((p) => ({
      name: p.name,
      value: p.value,
      positional: p.positional,
      valueStart: p.valueStart,
      valueEnd: p.valueEnd,
    })),
  };
}

describe.runIf(hasPhp)('agreement with MediaWiki 1.39 Preprocessor_Hash', () => {
  let mediaWiki = new Map<string, ReferenceTransclusion[]>();
  const texts = new Map(files.map((file) => [file, fs.readFileSync(file, 'utf8')]));
  const codec = new Map([...texts].map(([file, text]) => [file, findTransclusions(text, MATCHER, OPTIONS)]));

  beforeAll(async () => {
    // The first run unpacks Debian's mediawiki package into .cache/ (apt-get download): allow for it.
    mediaWiki = runPreprocessor(await mediaWikiDirectory(), files, {
      template: 'project',
      extensionTags: OPTIONS.extensionTags,
    });
  }, 300_000);

  it('covers at least 30 adversarial fixtures, the seed page and a generated page', () => {
    expect(wikitextFiles(path.join(FIXTURES, 'wikitext')).length).toBeGreaterThanOrEqual(30);
    expect(mediaWiki.get(path.join(FIXTURES, 'pages', 'seed-2014.wikitext'))).toHaveLength(8);
    expect(mediaWiki.get(generated)).toHaveLength(500);
  });

  for (const file of files) {
    describe(label(file), () => {
      it('finds the same transclusions and parameters', () => {
        const ours = codec.get(file)!.transclusions.map(comparable);
        expect(ours).toEqual(mediaWiki.get(file)!.map(comparable));
      });

      it('puts each under the same section path', () => {
        // Only entries both readers found (by offset): a missing one is the test above's failure.
        const theirs = new Map(mediaWiki.get(file)!.map((t) => [t.start, t.section]));
        const ours = codec.get(file)!.transclusions.filter((t) => theirs.has(t.start));
        expect(ours.map((t) => [t.start, t.section])).toEqual(
          ours.map((t) => [t.start, theirs.get(t.start)]),
        );
      });

      it('reports offsets that hold exactly the text it reports, and no internal error', () => {
        const text = texts.get(file)!;
        expect(codec.get(file)!.problems.filter((p) => p.code === 'internal-error')).toEqual([]);
        for (const t of codec.get(file)!.transclusions) {
          expect(text.slice(t.start, t.start + 2)).toBe('{{');
          expect(text.slice(t.end - 2, t.end)).toBe('}}');
          for (const p of t.params) {
            expect(text.slice(p.valueStart, p.valueEnd)).toBe(p.value);
            expect(text[p.start]).toBe('|');
            expect(p.end === t.end - 2 || text[p.end] === '|').toBe(true);
          }
        }
      });

      it('round-trips exactly: setting every parameter to the value it has changes no byte', () => {
        const text = texts.get(file)!;
        expect(applyEdits(text, [])).toBe(text);
        const sameValue = (t: Transclusion): TextEdit[] =>
          [...new Set(t.params.map((p) => p.name))].map((name) =>
            setParamValue(text, t, name, getParamValue(t, name)!),
          );
        const found = codec.get(file)!.transclusions;
        // Spans of top-level entries never overlap, so their edits go in one batch; nested ones alone.
        expect(applyEdits(text, found.filter((t) => !t.nested).flatMap(sameValue))).toBe(text);
        for (const t of found.filter((n) => n.nested)) expect(applyEdits(text, sameValue(t))).toBe(text);
      });
    });
  }
});

describe.runIf(hasPhp)('mwparserfromhell, a second opinion (printed, not a bar)', () => {
  // Not the generated page: mwparserfromhell takes many seconds over 1 MB.
  const small = files.filter((file) => file !== generated);

  it('reads every fixture, and its differences from the codec are listed', () => {
    const opinion = runMwparserfromhell(small, { template: 'project' });
    if (!opinion) {
      console.warn('python3-mwparserfromhell is not installed: no second opinion this run');
      return;
    }
    expect([...opinion.keys()]).toEqual(small);
    const differing: string[] = [];
    for (const file of small) {
      const strip = (t: Transclusion | ReferenceTransclusion) => {
        const { start, end, params, ...rest } = comparable(t);
        return { ...rest, params: params.map(({ valueStart, valueEnd, ...p }) => p) };
      };
      const ours = findTransclusions(fs.readFileSync(file, 'utf8'), MATCHER, OPTIONS).transclusions.map(
        strip,
      );
      if (JSON.stringify(ours) !== JSON.stringify(opinion.get(file)!.map(strip))) differing.push(label(file));
    }
    console.info(
      `mwparserfromhell differs from the codec on ${differing.length} of ${small.length} fixtures` +
        (differing.length ? `: ${differing.join(', ')}` : ''),
    );
  });
});
