/**
 * bench/wikitext: the codec on a generated ~1 MB page of 500 entries, against wikiparser-node (a full
 * MediaWiki parser in JS, `Parser.viewOnly = true`) on the same page in the same process.
 *
 *   npm run bench wikitext
 *
 * Prints: parse + extraction time (median and p90), throughput, memory, the time of 100 edits, and the
 * codec's gzipped bundle size; each with its ratio against the named peer, and the bars.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import Parser, { type TranscludeToken } from 'wikiparser-node';
import * as codec from '../lib/wikitext/index.ts';
import { applyEdits, findTransclusions, setParamValue, type TextEdit } from '../lib/wikitext/index.ts';
import { generateProjectPage } from '../test/fixtures/generate-page.ts';
import { bar, kb, keep, machine, mb, memory, ms, ratio, time } from './support/measure.ts';

const MATCHER = { name: 'project', aliases: [] };
const page = generateProjectPage({ entries: 500, seed: 1 });
const pageBytes = Buffer.byteLength(page);

Parser.viewOnly = true;
const codecScan = () => findTransclusions(page, MATCHER);
const peerScan = () =>
  Parser.parse(page)
    .querySelectorAll<TranscludeToken>('template')
    .filter((t) => t.name === 'Template:Project');

console.log(`machine: ${machine()}`);
console.log(`page: ${mb(pageBytes)} (${page.length} UTF-16 units), seed 1`);

const found = codecScan().transclusions.length;
const peerFound = peerScan().length;
console.log(`entries found: codec ${found}, wikiparser-node ${peerFound}`);
if (found !== 500 || peerFound !== 500) {
  console.log('  both must find the 500 entries before timing means anything');
  process.exitCode = 1;
}

function parseAndExtract(): void {
  const codec = time(codecScan, { warmup: 10, runs: 40 });
  const peer = time(peerScan, { warmup: 1, runs: 5 });
  console.log('\nparse + extraction of every {{project}} (whole page)');
  console.log(`  codec:           median ${ms(codec.medianMs)}, p90 ${ms(codec.p90Ms)} (${codec.runs} runs)`);
  console.log(`  wikiparser-node: median ${ms(peer.medianMs)}, p90 ${ms(peer.p90Ms)} (${peer.runs} runs)`);
  console.log(`  ratio: codec is ${ratio(codec.medianMs, peer.medianMs)} faster (median against median)`);
  const throughput = pageBytes / 1e6 / (codec.medianMs / 1000);
  const peerThroughput = pageBytes / 1e6 / (peer.medianMs / 1000);
  console.log(
    `  throughput: codec ${throughput.toFixed(1)} MB/s, wikiparser-node ${peerThroughput.toFixed(2)} MB/s`,
  );
  bar('1 MB parsed and extracted under 30 ms (median)', codec.medianMs < 30, ms(codec.medianMs));
  const times = peer.medianMs / codec.medianMs;
  bar('at least 50× faster than wikiparser-node', times >= 50, `${times.toFixed(1)}×`);
}

function heap(): void {
  const codec = memory(codecScan);
  const peer = memory(peerScan);
  console.log('\nmemory of one parse + extraction (heap, after full collections)');
  console.log(`  codec:           delta ${mb(codec.deltaBytes)}, retained ${mb(codec.retainedBytes)}`);
  console.log(`  wikiparser-node: delta ${mb(peer.deltaBytes)}, retained ${mb(peer.retainedBytes)}`);
  console.log(`  ratio: codec retains ${ratio(codec.retainedBytes, peer.retainedBytes)} less`);
}

/** 100 of the 500 entries (every fifth) get a change: Difficulty on half of them, Desc on the others. */
const change = (k: number): [string, string] =>
  k % 2 === 0 ? ['Difficulty', 'Medium'] : ['Desc', `Rewritten description ${k}`];

/** True when `edited` holds every change at the right entry, as the codec reads it back. */
function holdsChanges(edited: string): boolean {
  const changed = findTransclusions(edited, MATCHER).transclusions.filter((_, k) => k % 5 === 0);
  return (
    changed.length === 100 &&
    changed.every((t, k) => {
      const [name, value] = change(k);
      return t.params.findLast((p) => p.name === name)?.value.trim() === value;
    })
  );
}

/**
 * V8 builds a concatenated string lazily (a rope); reading one character in its middle makes it one
 * flat string, which any real use (sending it to the wiki) needs. Both sides pay this alike.
 */
function flatten(text: string): string {
  keep(text.charCodeAt(text.length >> 1));
  return text;
}

function hundredEdits(): void {
  const targets = codecScan().transclusions.filter((_, k) => k % 5 === 0);
  const codecEdit = () => {
    const edits: TextEdit[] = targets.map((t, k) => setParamValue(page, t, ...change(k)));
    return flatten(applyEdits(page, edits));
  };
  const codecApplied = holdsChanges(codecEdit());
  const codec = time(codecEdit, { warmup: 5, runs: 30 });
  // wikiparser-node edits its tree in place, so each run edits a fresh tree; parsing and finding
  // the entries are not timed, as the codec's scan is not.
  const peerSamples: number[] = [];
  let peerOutput = '';
  for (let run = 0; run < 4; run++) {
    const root = Parser.parse(page);
    const entries = root
      .querySelectorAll<TranscludeToken>('template')
      .filter((t) => t.name === 'Template:Project');
    const started = performance.now();
    entries.forEach((t, k) => {
      if (k % 5 === 0) t.setValue(...change(k / 5));
    });
    peerOutput = flatten(root.toString());
    if (run > 0) peerSamples.push(performance.now() - started);
  }
  keep(peerOutput);
  peerSamples.sort((a, b) => a - b);
  const peerMedian = peerSamples[Math.floor(peerSamples.length / 2)]!;
  console.log(
    '\n100 edits (setParamValue × 100 + one applyEdits over the page, flattened; the scan is not timed)',
  );
  console.log(`  codec:           median ${ms(codec.medianMs)}, p90 ${ms(codec.p90Ms)} (${codec.runs} runs)`);
  console.log(
    `  wikiparser-node: median ${ms(peerMedian)} (setValue × 100 + toString, ${peerSamples.length} runs)`,
  );
  console.log(`  ratio: codec is ${ratio(codec.medianMs, peerMedian)} faster`);
  const peerApplied = holdsChanges(peerOutput);
  console.log(
    `  check: the edited page holds all 100 changes: codec ${codecApplied}, wikiparser-node ${peerApplied}`,
  );
  if (!codecApplied) process.exitCode = 1;
}

/** Minified, gzip -9 size of what `entry` exports; zod is external (the extension ships it anyway). */
async function gzippedBundle(contents: string): Promise<{ minified: number; gzipped: number }> {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    charset: 'ascii',
    external: ['zod'],
    write: false,
  });
  const code = result.outputFiles[0]!.contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

/**
 * The whole API as a bundle that uses it gets it: every function and constant the codec exports, and
 * of its zod schemas those other modules import (lib/model imports TemplateMatcherSchema). The codec
 * never runs its schemas and marks them pure, so a bundler drops the others.
 */
const WHOLE_API = [
  ...Object.keys(codec).filter((name) => !name.endsWith('Schema')),
  'TemplateMatcherSchema',
].join(', ');

/**
 * What the codec adds to the bundle that ships it: the extension's background (entrypoints/background.ts,
 * which scans pages and plans publishes), bundled with the codec and with the codec left out, gzip -9.
 * In a real bundle gzip shares its dictionary with the code around it, so this is the cost a user pays.
 */
async function addedToBackground(): Promise<number> {
  const sizeOf = async (withCodec: boolean) => {
    const result = await build({
      entryPoints: ['entrypoints/background.ts'],
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      charset: 'ascii',
      write: false,
      plugins: withCodec
        ? []
        : [
            {
              name: 'codec-left-out',
              setup(b) {
                b.onResolve({ filter: /wikitext/ }, (args) =>
                  args.importer.includes('/lib/wikitext/') ? undefined : { path: args.path, external: true },
                );
              },
            },
          ],
    });
    return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
  };
  return (await sizeOf(true)) - (await sizeOf(false));
}

async function bundleSize(): Promise<void> {
  const whole = await gzippedBundle(`export { ${WHOLE_API} } from './lib/wikitext/index.ts';`);
  const everything = await gzippedBundle("export * from './lib/wikitext/index.ts';");
  const reading = await gzippedBundle(
    "export { findTransclusions, templateNameMatches } from './lib/wikitext/index.ts';",
  );
  const peer = gzipSync(readFileSync('node_modules/wikiparser-node/bundle/bundle.min.js'), {
    level: 9,
  }).length;
  console.log('\nbundle size (esbuild --minify, zod external, gzip -9)');
  console.log(`  codec, whole API:        ${kb(whole.minified)} minified, ${kb(whole.gzipped)} gzipped`);
  console.log(`    (${WHOLE_API})`);
  console.log(`  codec, every export, all zod schemas included: ${kb(everything.gzipped)} gzipped`);
  console.log(
    `  codec, findTransclusions + templateNameMatches (what lib/adapter imports): ${kb(reading.gzipped)} gzipped`,
  );
  console.log(`  wikiparser-node:         ${kb(peer)} gzipped (bundle/bundle.min.js, its browser build)`);
  console.log(
    `  ratio: codec (whole API, standalone) is ${ratio(whole.gzipped, peer)} smaller than wikiparser-node`,
  );
  const added = await addedToBackground();
  console.log(
    `  added to the extension's background bundle (with vs without the codec): ${kb(added)} gzipped`,
  );
  bar('the codec adds under 4 KB gzipped to a bundle (the background)', added < 4096, kb(added));
  console.log(
    `  note: standalone, the whole API is ${kb(whole.gzipped)} gzipped (${((whole.gzipped / 4096) * 100).toFixed(0)}% of 4 KB)`,
  );
}

parseAndExtract();
heap();
hundredEdits();
await bundleSize();
