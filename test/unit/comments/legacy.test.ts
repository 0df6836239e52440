import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { resolveAnchor } from '../../../lib/anchoring';
import {
  adoptLegacyThread,
  appendRemark,
  type CommentThread,
  escapeRemarkText,
  legacyThreadsOfEntry,
  mergeLegacyThreads,
  planRemarkRemoval,
  readThreads,
  remarkPlainText,
  remarkWikitext,
  reopenThread,
  reply,
  resolveThread,
  signatureTime,
} from '../../../lib/comments';
import { trimLikeMediaWiki } from '../../../lib/model/entry';
import { applyEdits, findTransclusions, readLegacyRemarks, setParamValue } from '../../../lib/wikitext';

const SEED = readFileSync('test/fixtures/pages/seed-2014.wikitext', 'utf8');
const entriesOf = (text: string) => findTransclusions(text, { name: 'project', aliases: [] }).transclusions;
const REVIEWER = { id: 'u-rev', name: 'Rita Reviewer' };

function remarksOf(text: string, ordinal: number): CommentThread[] {
  const transclusion = entriesOf(text)[ordinal - 1]!;
  const title = trimLikeMediaWiki(transclusion.params.find((p) => p.name === 'Project')!.value);
  return legacyThreadsOfEntry({ wikitext: text, transclusion, entry: { title, ordinal, draftId: null } });
}

describe('wiki remarks as threads', () => {
  it('reads the seed page remarks with author and time from the signature, linked to their offsets', () => {
    const [lars] = remarksOf(SEED, 1);
    expect(lars).toMatchObject({
      createdBy: { id: 'wiki-user:Lars.kurth', name: 'Lars.kurth' },
      createdAt: '2013-01-23T14:14:00.000Z',
      resolved: false,
      legacy: {
        param: 'Desc',
        author: 'Lars.kurth',
        timestamp: '14:14, 23 January 2013 (UTC)',
        inWikitext: true,
      },
    });
    expect(lars!.id).toMatch(/^legacy-[0-9a-f]{16}$/);
    expect(lars!.messages).toEqual([
      expect.objectContaining({
        text: 'Should be suitable, but the task list needs a timeline.',
        fromWiki: true,
      }),
    ]);
    expect(SEED.slice(lars!.legacy!.start, lars!.legacy!.end)).toBe(lars!.legacy!.source);
    expect(lars!.legacy!.source).toMatch(/^\{\{Comment\|\[\[User:Lars\.kurth.*timeline\.$/);
    const [dushyant] = remarksOf(SEED, 2);
    expect(dushyant).toMatchObject({ createdAt: null, legacy: { param: 'Outcomes', timestamp: null } });
    expect(remarksOf(SEED, 3)).toEqual([]);
  });

  it('anchors each remark on its field text (the draft field holds the same value)', () => {
    const [lars] = remarksOf(SEED, 1);
    const desc = trimLikeMediaWiki(entriesOf(SEED)[0]!.params.find((p) => p.name === 'Desc')!.value);
    const landing = resolveAnchor(lars!.anchor, desc);
    expect(landing.status).toBe('anchored');
    expect(desc.slice(landing.start!, landing.end!)).toBe(lars!.legacy!.source);
  });

  it('names a remark alike on every read and for every collaborator, whatever changed around it', () => {
    const [before] = remarksOf(SEED, 1);
    const edited = `Intro added on the wiki.\n${SEED}`;
    const [after] = remarksOf(edited, 1);
    expect(after!.id).toBe(before!.id);
    expect(after!.legacy!.start).toBe(before!.legacy!.start + 'Intro added on the wiki.\n'.length);
  });
});

describe('replying to and resolving a remark', () => {
  it('takes the remark up as a thread once, keeps replies beside it, and merges them with the wikitext', () => {
    const doc = new Y.Doc();
    const [lars] = remarksOf(SEED, 1);
    expect(adoptLegacyThread(doc, lars!)).toBe(lars!.id);
    expect(adoptLegacyThread(doc, lars!)).toBe(lars!.id);
    reply(doc, {
      threadId: lars!.id,
      author: REVIEWER,
      at: '2026-12-01T10:00:00.000Z',
      text: 'Timeline added.',
      id: 'r1',
    });
    const { threads, problems } = readThreads(doc);
    expect(problems).toEqual([]);
    const [merged] = mergeLegacyThreads(threads, remarksOf(SEED, 1));
    expect(merged!.messages.map((m) => [m.fromWiki, m.text])).toEqual([
      [true, 'Should be suitable, but the task list needs a timeline.'],
      [false, 'Timeline added.'],
    ]);
    expect(merged!.legacy!.inWikitext).toBe(true);
    // Gone from the wikitext: still listed, with its replies.
    expect(mergeLegacyThreads(threads, [])).toEqual([
      expect.objectContaining({ id: lars!.id, legacy: expect.objectContaining({ inWikitext: false }) }),
    ]);
  });

  it('loses no reply when two collaborators take the same remark up at once', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const [lars] = remarksOf(SEED, 1);
    adoptLegacyThread(a, lars!);
    adoptLegacyThread(b, lars!);
    reply(a, {
      threadId: lars!.id,
      author: REVIEWER,
      at: '2026-12-01T10:00:00.000Z',
      text: 'from a',
      id: 'ra',
    });
    reply(b, {
      threadId: lars!.id,
      author: REVIEWER,
      at: '2026-12-01T10:00:01.000Z',
      text: 'from b',
      id: 'rb',
    });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readThreads(a).threads[0]!.messages.map((m) => m.id)).toEqual(['ra', 'rb']);
  });

  it('yields the removal of the remark when resolved, which the publish flow applies to the wikitext', () => {
    const doc = new Y.Doc();
    const [lars] = remarksOf(SEED, 1);
    adoptLegacyThread(doc, lars!);
    const resolved = resolveThread(doc, {
      threadId: lars!.id,
      actor: REVIEWER,
      at: '2026-12-01T10:00:00.000Z',
    });
    expect(resolved).toMatchObject({
      ok: true,
      removal: { kind: 'remove-remark', threadId: lars!.id, param: 'Desc', source: lars!.legacy!.source },
    });
    const removal = resolved.ok ? resolved.removal! : null!;
    const plan = planRemarkRemoval(removal, SEED);
    expect(plan).toMatchObject({ ok: true, note: null });
    const after = applyEdits(SEED, [plan.ok ? plan.edit! : null!]);
    expect(after).not.toContain('Lars.kurth');
    expect(after).toContain(
      '* More info: [http://wiki.xen.org/xenwiki/XenUSBPassthrough XenUSBPassthrough]\n|Outcomes=',
    );
    expect(after.length).toBe(SEED.length - removal.source.length - 1);
    expect(
      reopenThread(doc, { threadId: lars!.id, actor: REVIEWER, at: '2026-12-01T11:00:00.000Z' }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('checks the removal against the text at publish time: moved, already gone, or there twice', () => {
    const [lars] = remarksOf(SEED, 1);
    const removal = {
      kind: 'remove-remark' as const,
      threadId: lars!.id,
      entry: lars!.anchor.target.entry,
      param: 'Desc',
      start: lars!.legacy!.start,
      end: lars!.legacy!.end,
      source: lars!.legacy!.source,
    };
    const moved = `New intro line.\n${SEED}`;
    const plan = planRemarkRemoval(removal, moved);
    expect(plan.ok && plan.edit && moved.slice(plan.edit.start, plan.edit.end)).toBe(`${removal.source}\n`);
    expect(planRemarkRemoval(removal, SEED.replace(removal.source, ''))).toEqual({
      ok: true,
      edit: null,
      note: 'The remark is no longer in the wikitext.',
    });
    expect(planRemarkRemoval(removal, `${removal.source}\n${moved}`)).toMatchObject({
      ok: false,
      code: 'ambiguous',
    });
  });

  it('removes a remark in a list item with its item, and one after text on a line with the spaces before it', () => {
    const [dushyant] = remarksOf(SEED, 2);
    const { start, end, source } = dushyant!.legacy!;
    const removal = {
      kind: 'remove-remark' as const,
      threadId: 'x',
      entry: dushyant!.anchor.target.entry,
      param: 'Outcomes',
      start,
      end,
      source,
    };
    const plan = planRemarkRemoval(removal, SEED);
    expect(plan.ok && SEED.slice(plan.edit!.start, plan.edit!.end)).toBe(`* ${source}\n`);
    const inline = 'Some text. {{Comment|[[User:A|A]]}} a remark\n';
    const plan2 = planRemarkRemoval(
      { ...removal, start: 10, end: 44, source: '{{Comment|[[User:A|A]]}} a remark' },
      inline,
    );
    expect(plan2.ok && applyEdits(inline, [plan2.edit!])).toBe('Some text.\n');
  });
});

describe('publishing a comment as a remark', () => {
  it('writes the signature the way the wiki does', () => {
    expect(signatureTime('2013-01-23T14:14:00.000Z')).toBe('14:14, 23 January 2013 (UTC)');
    expect(signatureTime('2026-03-05T09:07:30+02:00')).toBe('07:07, 5 March 2026 (UTC)');
    expect(
      remarkWikitext({ wikiUser: 'Lars_Kurth', at: '2013-01-23T14:14:00.000Z', text: 'Needs a timeline.' }),
    ).toBe('{{Comment|[[User:Lars Kurth|Lars Kurth]] 14:14, 23 January 2013 (UTC):}} Needs a timeline.');
    expect(() => remarkWikitext({ wikiUser: 'a|b]]', at: '2013-01-23T14:14:00.000Z', text: 'x' })).toThrow(
      RangeError,
    );
  });

  it('makes any comment text inert in the entry: it cannot end the template, add markup or sign', () => {
    const hostile =
      "Ends here }} |Project=Hijacked {{Delete}} [[Category:Spam]] <script>x</script> ~~~~ '''b''' __NOTOC__\n\nnew para";
    const escaped = escapeRemarkText(hostile);
    expect(escaped).not.toMatch(/[|{}[\]<>~\n]|''|__/);
    const desc = 'A description.';
    const remark = remarkWikitext({ wikiUser: 'Rita', at: '2026-12-01T10:00:00.000Z', text: hostile });
    const page = `{{project\n|Project=Idea\n|Desc=${appendRemark(desc, remark)}\n|Outcomes=x\n}}`;
    const [entry] = entriesOf(page);
    expect(entry!.params.map((p) => p.name)).toEqual(['Project', 'Desc', 'Outcomes']);
    const desc2 = entry!.params[1]!;
    const [read] = readLegacyRemarks(page, desc2.valueStart, desc2.valueEnd);
    expect(read).toMatchObject({ author: 'Rita', isoTime: '2026-12-01T10:00:00.000Z' });
    expect(remarkPlainText(read!.text)).toBe(hostile.replace(/\s*\n\s*/g, ' '));
  });

  it('appends the remark on a line of its own, through the codec as a field change', () => {
    expect(appendRemark('Text.\n\n', 'R')).toBe('Text.\nR');
    expect(appendRemark('', 'R')).toBe('R');
    const [entry] = entriesOf(SEED);
    const desc = entry!.params.find((p) => p.name === 'Desc')!;
    const remark = remarkWikitext({
      wikiUser: 'Rita',
      at: '2026-12-01T10:00:00.000Z',
      text: 'Looks good now.',
    });
    const edit = setParamValue(SEED, entry!, 'Desc', appendRemark(trimLikeMediaWiki(desc.value), remark));
    const after = applyEdits(SEED, [edit]);
    const threads = remarksOf(after, 1);
    expect(threads.map((t) => t.messages[0]!.text)).toEqual([
      'Should be suitable, but the task list needs a timeline.',
      'Looks good now.',
    ]);
  });
});
