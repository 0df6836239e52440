import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import type { MediaWikiTree } from './distribution';
import type { StateLayout } from './paths';
import { runMaintenance } from './php';
import type { SeedContent, SeedPage } from './seed-content';
import { WIKI_ADMIN, WIKI_USERS, type WikiAccount } from './users';

/** Bump when the way content is written changes, so every wiki is seeded again. */
const SEED_FORMAT = 1;
const SEED_SUMMARY = 'Project Desk seed content';

const SeedRecordSchema = z.object({
  format: z.literal(SEED_FORMAT),
  /** Of everything seeded: equal means nothing to do. */
  hash: z.string(),
  /** Per page title, the hash of the text last written. */
  pages: z.record(z.string(), z.string()),
  users: z.string(),
});
export type SeedRecord = z.infer<typeof SeedRecordSchema>;

export interface SeedPlan {
  hash: string;
  pages: SeedPage[];
  users: WikiAccount[];
  record: SeedRecord;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const seededUsers = (): WikiAccount[] => Object.values(WIKI_USERS);

/**
 * What has to be written for the wiki to hold `content`, given what was written before (`previous`,
 * undefined for a fresh wiki). With `force`, every page and user is written again: a page edited on
 * the wiki since is restored (MediaWiki ignores a save that changes nothing).
 */
export function planSeed(content: SeedContent, previous: SeedRecord | undefined, force = false): SeedPlan {
  const pageHashes = Object.fromEntries(content.pages.map((page) => [page.title, sha256(page.text)]));
  const usersHash = sha256(JSON.stringify(seededUsers()));
  const hash = sha256(JSON.stringify({ format: SEED_FORMAT, pages: pageHashes, users: usersHash }));
  const record: SeedRecord = {
    format: SEED_FORMAT,
    hash,
    pages: { ...previous?.pages, ...pageHashes },
    users: usersHash,
  };
  if (!force && previous?.hash === hash) return { hash, pages: [], users: [], record };
  return {
    hash,
    pages: content.pages.filter((page) => force || previous?.pages[page.title] !== pageHashes[page.title]),
    users: force || previous?.users !== usersHash ? seededUsers() : [],
    record,
  };
}

export function readSeedRecord(layout: StateLayout): SeedRecord | undefined {
  if (!fs.existsSync(layout.seedRecord)) return undefined;
  const parsed = SeedRecordSchema.safeParse(JSON.parse(fs.readFileSync(layout.seedRecord, 'utf8')));
  // A record from another format version means: seed everything again.
  return parsed.success ? parsed.data : undefined;
}

/**
 * Writes what the plan says through MediaWiki's own maintenance scripts (createAndPromote.php,
 * edit.php, runJobs.php), then records it. Works whether or not the server is running.
 */
export async function applySeed(tree: MediaWikiTree, layout: StateLayout, plan: SeedPlan): Promise<void> {
  for (const user of plan.users) {
    // --force: an existing account gets its password set again instead of an error.
    await runMaintenance(tree, layout, 'createAndPromote', ['--force', user.username, user.password]);
  }
  for (const page of plan.pages) {
    await runMaintenance(
      tree,
      layout,
      'edit',
      [`--user=${WIKI_ADMIN.username}`, `--summary=${SEED_SUMMARY}`, page.title],
      page.text,
    );
  }
  // Pages that use a changed template are refreshed by jobs; run them now, not on later page views.
  if (plan.pages.length > 0) await runMaintenance(tree, layout, 'runJobs', ['--quiet']);
  fs.writeFileSync(layout.seedRecord, `${JSON.stringify(plan.record, null, 2)}\n`);
}
