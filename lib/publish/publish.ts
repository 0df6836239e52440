import type { PageSource } from '../mediawiki/api';
import type { EditOutcome, WikiEditor } from '../mediawiki/edit';
import { findPublished } from './find-published';
import type { PublishJournal, PublishRecord, PublishState } from './journal';
import { planPublish, samePreview } from './plan';
import { type PublishPlan, PublishPlanSchema, type WikiPage } from './plan-schema';
import type { PublishResult } from './publish-result';
import { scanOptionsOfPage } from './scan-options';
import { expectationsOf, publishedEntries, unmetExpectations } from './verify';

/**
 * Sending a plan to the wiki, once. Each request that may save is bracketed by the journal (in flight
 * before, done or pending after); an edit conflict is merged again against the new revision and sent
 * again (bounded) only while the entries stay exactly as previewed; after saving, the new revision is
 * read back and checked. A lost answer is looked for on the wiki before anything is sent again.
 */
export interface PublisherOptions {
  editor: WikiEditor;
  journal: PublishJournal;
  now?: () => number;
  /** Requests sent for one publish when edit conflicts keep coming (default 3). */
  maxAttempts?: number;
}

const toWikiPage = (source: PageSource): WikiPage => ({
  title: source.title,
  revisionId: source.revisionId,
  wikitext: source.wikitext,
  extensionTags: source.extensionTags,
});

const interrupted = (why: string): PublishResult => ({
  kind: 'interrupted',
  message: `${why} Publishing again first checks whether the wiki saved it, so it is never saved twice.`,
});

export class Publisher {
  private readonly running = new Map<string, Promise<PublishResult>>();

  constructor(private readonly options: PublisherOptions) {}

  /**
   * Publishes a plan under an id the caller makes once per click; the same id never publishes twice.
   * `hold` (offline) only journals it: `retry` sends it, when the user confirms.
   */
  publish(
    plan: PublishPlan,
    request: { publishId: string; summary?: string; hold?: boolean },
  ): Promise<PublishResult> {
    return this.once(request.publishId, async () => {
      const known = await this.options.journal.read(request.publishId);
      if (known) return this.resume(known);
      const checked = PublishPlanSchema.parse(plan);
      if (!checked.publishable) {
        return {
          kind: 'not-publishable',
          message: checked.blockers[0] ?? 'Nothing to publish.',
          blockers: checked.blockers,
        };
      }
      const record: PublishRecord = {
        publishId: request.publishId,
        state: 'pending',
        input: checked.input,
        request: {
          title: checked.title,
          text: checked.newText,
          baseRevisionId: checked.revisionId,
          summary: (request.summary ?? checked.summary).slice(0, 500),
        },
        sinceRevisionId: checked.revisionId,
        expectations: expectationsOf(checked),
        attempts: 0,
        updatedAt: this.now(),
        result: null,
      };
      await this.options.journal.write(record);
      if (request.hold) {
        return this.settle(record, 'pending', {
          kind: 'queued',
          publishId: record.publishId,
          message: 'Offline: the publish is queued. It is sent only when you confirm, once back online.',
        });
      }
      return this.send(record);
    });
  }

  /** Takes a publish up again from its journal record (after a lost answer, a login, going online). */
  retry(publishId: string): Promise<PublishResult> {
    return this.once(publishId, async () => {
      const record = await this.options.journal.read(publishId);
      if (!record)
        return { kind: 'not-publishable', message: `No publish ${publishId} is known.`, blockers: [] };
      return this.resume(record);
    });
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private once(publishId: string, work: () => Promise<PublishResult>): Promise<PublishResult> {
    const running = this.running.get(publishId);
    if (running) return running;
    const started = work().finally(() => this.running.delete(publishId));
    this.running.set(publishId, started);
    return started;
  }

  private async resume(record: PublishRecord): Promise<PublishResult> {
    if (record.state === 'done' && record.result) {
      return record.result.kind === 'published' ? { ...record.result, repeated: true } : record.result;
    }
    if (record.state === 'in-flight') {
      let found: Awaited<ReturnType<typeof findPublished>>;
      try {
        found = await findPublished(this.options.editor, record);
      } catch (error) {
        return interrupted(`The wiki could not be asked whether it saved the last try (${String(error)}).`);
      }
      if (found)
        return this.done(record, found.revisionId, found.text, { repeated: true, mergedByWiki: false });
    }
    return this.send(record);
  }

  private async settle(
    record: PublishRecord,
    state: PublishState,
    result: PublishResult,
  ): Promise<PublishResult> {
    await this.options.journal.write({ ...record, state, result, updatedAt: this.now() });
    return result;
  }

  private async send(first: PublishRecord): Promise<PublishResult> {
    const { editor, maxAttempts = 3 } = this.options;
    const previewed = planPublish(first.input);
    let record = first;
    for (;;) {
      let outcome: EditOutcome;
      try {
        outcome = await editor.edit(record.request, {
          beforeSend: async () => {
            record = { ...record, state: 'in-flight', attempts: record.attempts + 1, updatedAt: this.now() };
            await this.options.journal.write(record);
          },
        });
      } catch (error) {
        // Only the session request failed: nothing that could save was sent, or the wiki refused it.
        return this.settle(record, 'pending', {
          kind: 'unreachable',
          message: `The wiki could not be reached (${String(error)}).`,
        });
      }
      if (outcome.kind === 'saved') return this.verify(record, outcome);
      if (outcome.kind === 'lost') return this.recover(record, outcome.message);
      if (outcome.kind !== 'conflict') return this.settle(record, 'pending', outcome);
      let again: PublishPlan;
      try {
        again = planPublish({
          ...record.input,
          page: toWikiPage(await editor.readPage(record.request.title, null)),
        });
      } catch (error) {
        return this.settle(record, 'pending', {
          kind: 'unreachable',
          message: `The wiki could not be read again (${String(error)}).`,
        });
      }
      if (!again.publishable || !samePreview(previewed, again) || record.attempts >= maxAttempts) {
        return this.settle(record, 'pending', {
          kind: 'changed',
          message: 'The wiki page changed while publishing. Review the changes again, then publish.',
          plan: again,
        });
      }
      record = {
        ...record,
        input: again.input,
        request: { ...record.request, text: again.newText, baseRevisionId: again.revisionId },
        expectations: expectationsOf(again),
      };
    }
  }

  /** The answer was lost: the wiki is asked whether it saved, before anything else is sent. */
  private async recover(record: PublishRecord, why: string): Promise<PublishResult> {
    try {
      const found = await findPublished(this.options.editor, record);
      if (found)
        return this.done(record, found.revisionId, found.text, { repeated: false, mergedByWiki: false });
    } catch {
      // The wiki cannot be asked now; the record stays in flight and the next try asks first.
    }
    return this.settle(record, 'in-flight', interrupted(why));
  }

  private async verify(
    record: PublishRecord,
    saved: Extract<EditOutcome, { kind: 'saved' }>,
  ): Promise<PublishResult> {
    const { editor } = this.options;
    const { title, baseRevisionId } = record.request;
    const { profile, page } = record.input;
    let revisionId: number;
    let text: string;
    try {
      const read = await editor.readPage(title, saved.newRevisionId);
      revisionId = read.revisionId;
      text = read.wikitext;
    } catch (error) {
      return this.settle(
        record,
        'in-flight',
        interrupted(`The wiki saved, but the new revision could not be read back (${String(error)}).`),
      );
    }
    const unmet = unmetExpectations(record.expectations, text, profile, scanOptionsOfPage(page));
    const merged =
      saved.newRevisionId !== null && saved.oldRevisionId !== null && saved.oldRevisionId !== baseRevisionId;
    let othersKept = true;
    if (merged && unmet.length === 0) {
      // The wiki merged another edit made meanwhile (diff3): ours applied to that revision must be what it saved.
      try {
        const other = await editor.readPage(title, saved.oldRevisionId);
        const again = planPublish({ ...record.input, page: toWikiPage(other) });
        othersKept = again.publishable && again.newText === text;
      } catch {
        othersKept = false;
      }
    }
    const exact = saved.newRevisionId === null || merged ? unmet.length === 0 : text === record.request.text;
    if (!exact || !othersKept) {
      const what = unmet.length > 0 ? unmet.map((e) => `“${e.title}”`).join(', ') : 'the rest of the page';
      return this.settle(record, 'done', {
        kind: 'verify-failed',
        revisionId,
        message: `The wiki saved revision ${revisionId}, but ${what} is not what the preview showed. Your draft is kept; check the page on the wiki.`,
        unmet,
      });
    }
    return this.done(record, revisionId, text, { repeated: false, mergedByWiki: merged });
  }

  private done(
    record: PublishRecord,
    revisionId: number,
    text: string,
    flags: { repeated: boolean; mergedByWiki: boolean },
  ): Promise<PublishResult> {
    const { profile, page } = record.input;
    return this.settle(record, 'done', {
      kind: 'published',
      publishId: record.publishId,
      revisionId,
      entries: publishedEntries(record.expectations, text, profile, scanOptionsOfPage(page)),
      ...flags,
      message: flags.mergedByWiki
        ? 'Published. The wiki merged it with another edit made meanwhile; your entries are as previewed.'
        : 'Published.',
    });
  }
}
