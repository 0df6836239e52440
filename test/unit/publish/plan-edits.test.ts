// Planning against an unchanged wiki: the new page text is a minimal edit of the old one.
import { describe, expect, it } from 'vitest';
import { XEN_PROFILE } from '../../../lib/model';
import { PublishPlanSchema, planPublish, unifiedDiff } from '../../../lib/publish';
import { draftOf, entryText, newDraft, page, replaceOnce, SEED } from './drafts';

const plan = (drafts: Parameters<typeof planPublish>[0]['drafts'], text = SEED) =>
  planPublish({ profile: XEN_PROFILE, page: page(text), drafts });

const LAZY = 'Lazy restore using memory paging';

describe('an edited entry', () => {
  it('changes only the edited values, byte for byte', () => {
    const result = plan([draftOf(SEED, 2, { Difficulty: 'Hard', Verified: '2025-03-01' })]);
    const expected = replaceOnce(
      replaceOnce(
        SEED,
        `${LAZY}\n|Date=01/20/2014\n|Verified=Not updated in 2016\n`,
        `${LAZY}\n|Date=01/20/2014\n|Verified=2025-03-01\n`,
      ),
      '|Difficulty=Medium\n',
      '|Difficulty=Hard\n',
    );
    expect(result.newText).toBe(expected);
    expect(result.publishable).toBe(true);
    expect(result.blockers).toEqual([]);
    expect(result.summary).toBe(`Update project: ${LAZY}`);
    expect(result.entries).toMatchObject([
      {
        action: 'update',
        title: LAZY,
        match: { how: 'same-place', ordinal: 2, explanation: null },
        changes: [
          { param: 'Verified', label: 'Verified', before: 'Not updated in 2016', after: '2025-03-01' },
          { param: 'Difficulty', label: 'Difficulty', before: 'Medium', after: 'Hard' },
        ],
        keptFromWiki: [],
        before: entryText(SEED, 2),
        after: entryText(expected, 2),
      },
    ]);
    expect(result.notes).toEqual([]);
    expect(PublishPlanSchema.parse(JSON.parse(JSON.stringify(result)))).toEqual(result);
  });

  it('shows the change as a diff of the lines around it', () => {
    const result = plan([draftOf(SEED, 2, { Difficulty: 'Hard' })]);
    expect(unifiedDiff(result.diff)).toBe(
      [
        '@@ -31,7 +31,7 @@',
        ' |Date=01/20/2014',
        ' |Verified=Not updated in 2016',
        ' |Contact=Mentor: Andres Lagar-Cavilla, Student: Dushyant Behl',
        '-|Difficulty=Medium',
        '+|Difficulty=Hard',
        ...SEED.split('\n')
          .slice(34, 37)
          .map((line) => ` ${line}`),
      ].join('\n'),
    );
  });

  it('keeps comments and remarks in other values, and edits a multi-line value in place', () => {
    const desc =
      'xl/libxl does not support PVUSB yet.\n{{Comment|[[User:Lars.kurth|Lars.kurth]] 14:14, 23 January 2013 (UTC):}} Kept.';
    const result = plan([draftOf(SEED, 1, { Desc: desc, GSoC: 'No' })]);
    const before = entryText(SEED, 1);
    const descStart = before.indexOf('|Desc=') + '|Desc='.length;
    const descEnd = before.indexOf('\n|Outcomes=');
    const after = `${before.slice(0, descStart).replace('|GSoC=Yes\n', '|GSoC=No\n')}${desc}${before.slice(descEnd)}`;
    expect(result.newText).toBe(replaceOnce(SEED, before, after));
  });

  it('never adds the empty parameters a draft holds for every field', () => {
    const bare = '== Ideas ==\n\n{{project\n|Project=Bare idea\n|Desc=Only a description.\n}}';
    const draft = draftOf(bare, 1, { Desc: 'A better description.' });
    expect(Object.keys(draft.values)).toEqual(expect.arrayContaining(['Date', 'Skills', 'Outcomes']));
    expect(plan([draft], bare).newText).toBe(bare.replace('Only a description.', 'A better description.'));
  });

  it('adds a parameter the base lacks where the profile’s order puts it, in the entry’s style', () => {
    const bare = '{{project\n|Project=Bare idea\n|Difficulty=Hard\n|Desc=Text.\n}}';
    const result = plan([draftOf(bare, 1, { Skills: 'C, Linux' })], bare);
    expect(result.newText).toBe(
      '{{project\n|Project=Bare idea\n|Difficulty=Hard\n|Skills=C, Linux\n|Desc=Text.\n}}',
    );
    expect(result.entries[0]!.changes).toEqual([
      { param: 'Skills', label: 'Skills Needed', before: null, after: 'C, Linux' },
    ]);
  });

  it('takes blanks and line ends the wiki would drop for no change', () => {
    const draft = draftOf(SEED, 2, { Difficulty: ' Medium \r\n', Project: `${LAZY}  ` });
    const result = plan([draft]);
    expect(result.newText).toBe(SEED);
    expect(result.publishable).toBe(false);
    expect(result.blockers).toEqual(['Nothing to publish: the wiki already holds these values.']);
    expect(result.diff).toEqual([]);
  });

  it('writes a cleared value as empty, keeping the parameter', () => {
    const result = plan([draftOf(SEED, 2, { Difficulty: '' })]);
    expect(result.newText).toBe(replaceOnce(SEED, '|Difficulty=Medium\n', '|Difficulty=\n'));
  });
});

describe('a new entry', () => {
  const values = { Project: 'Brand new idea', Difficulty: 'Easy', Desc: 'Something worth doing.' };
  const lines = (title: string) =>
    `{{project\n|Project=${title}\n|Date=\n|Verified=\n|Contact=\n|Difficulty=Easy\n|Skills=\n|GSoC=\n|Desc=Something worth doing.\n|Outcomes=\n}}`;

  it('lands at the end of its section, in the page’s house style', () => {
    const result = plan([newDraft(['Accepted Projects', 'GSoC Projects'], values)]);
    const lastOfSection = '* benchmark report of with and without.\n}}\n';
    expect(result.newText).toBe(
      replaceOnce(SEED, lastOfSection, `${lastOfSection}\n${lines('Brand new idea')}\n`),
    );
    expect(result.summary).toBe('Add project: Brand new idea');
    expect(result.entries[0]).toMatchObject({
      action: 'add',
      match: { how: 'new', ordinal: null },
      before: null,
      after: lines('Brand new idea'),
      notes: ['It is added at the end of “Accepted Projects › GSoC Projects”.'],
    });
  });

  it('goes to the end of the page when its section is gone, and says so', () => {
    const result = plan([newDraft(['Gone section'], values)]);
    expect(result.newText).toBe(`${SEED}\n\n${lines('Brand new idea')}`);
    expect(result.entries[0]!.notes).toEqual([
      'It is added at the end of the page: the section “Gone section” is no longer on the wiki.',
    ]);
  });

  it('is not added when empty, and needs a title', () => {
    const empty = plan([newDraft(['Accepted Projects', 'GSoC Projects'], {})]);
    expect(empty.entries[0]!.action).toBe('unchanged');
    expect(empty.publishable).toBe(false);
    const untitled = plan([newDraft(['Accepted Projects', 'GSoC Projects'], { Desc: 'No title' })]);
    expect(untitled.publishable).toBe(false);
    expect(untitled.problems).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'required', param: 'Project', label: 'Project' }),
    );
  });

  it('warns when its title is taken', () => {
    const result = plan([newDraft(['Accepted Projects', 'OPW Round 8'], { ...values, Project: LAZY })]);
    expect(result.publishable).toBe(true);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'title-taken' }),
    );
  });
});

describe('several drafts at once', () => {
  it('updates, adds and removes in one edit, with one summary', () => {
    const drafts = [
      draftOf(SEED, 2, { Difficulty: 'Hard' }),
      draftOf(SEED, 7, { GSoC: 'Yes' }),
      newDraft(['Accepted Projects', 'OPW Round 8'], { Project: 'Third idea', Desc: 'Text.' }),
      draftOf(SEED, 6, {}, { intent: 'delete' }),
    ];
    const result = plan(drafts);
    let expected = replaceOnce(SEED, '|Difficulty=Medium\n', '|Difficulty=Hard\n');
    expected = replaceOnce(expected, '|GSoC=No\n', '|GSoC=Yes\n');
    expected = replaceOnce(expected, `${entryText(SEED, 6)}\n\n`, '');
    const lastOfOpw = entryText(SEED, 8);
    expected = replaceOnce(
      expected,
      `${lastOfOpw}\n`,
      `${lastOfOpw}\n\n{{project\n|Project=Third idea\n|Date=\n|Verified=\n|Contact=\n|Difficulty=\n|Skills=\n|GSoC=\n|Desc=Text.\n|Outcomes=\n}}\n`,
    );
    expect(result.newText).toBe(expected);
    expect(result.summary).toBe(
      `Update projects: ${LAZY}, Improvements to the block I/O paravirtualized Xen drivers; Add project: Third idea; ` +
        'Remove project: openSUSE: Add Snapshot management API to libvirt Xenlight driver',
    );
    expect(result.entries.map((entry) => entry.action)).toEqual(['update', 'update', 'add', 'delete']);
  });

  it('refuses two drafts of the same entry', () => {
    const result = plan([draftOf(SEED, 2, { Difficulty: 'Hard' }), draftOf(SEED, 2, { Skills: 'C' })]);
    expect(result.publishable).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ code: 'same-entry-twice', entryTitle: LAZY }),
    );
  });

  it('deletes the last entry of a section and adds one there in the same edit', () => {
    const result = plan([
      draftOf(SEED, 6, {}, { intent: 'delete' }),
      newDraft(['Accepted Projects', 'Xen related GSoC Projects by other mentoring Organizations'], {
        Project: 'Replacement',
      }),
    ]);
    expect(result.publishable).toBe(true);
    const entries = result.entries.map((entry) => entry.after);
    expect(result.newText).toContain(
      `=== Xen related GSoC Projects by other mentoring Organizations ===\n\n${entries[1]}\n\n=== OPW Round 8 ===`,
    );
    expect(result.newText).not.toContain('openSUSE');
  });
});

describe('values that would break the entry', () => {
  it('are refused with what to do, and a fix where one exists', () => {
    const result = plan([draftOf(SEED, 2, { Skills: 'C | Python', Outcomes: 'Patches {{sic' })]);
    expect(result.publishable).toBe(false);
    expect(result.newText).toBe(SEED);
    const problems = result.problems.filter((problem) => problem.severity === 'error');
    expect(problems).toEqual([
      expect.objectContaining({
        param: 'Skills',
        label: 'Skills Needed',
        code: 'bare-pipe',
        fix: 'C {{!}} Python',
      }),
      expect.objectContaining({ param: 'Outcomes', label: 'Outcomes', code: 'unbalanced-braces', fix: null }),
    ]);
    expect(result.blockers).toEqual(problems.map((problem) => problem.message));
  });

  it('publish once fixed, and read back as written', () => {
    const result = plan([draftOf(SEED, 2, { Skills: 'C {{!}} Python' })]);
    expect(result.publishable).toBe(true);
    expect(result.newText).toContain('\n|Skills=C {{!}} Python\n|GSoC=Yes\n');
  });

  it('are checked only where the draft writes them', () => {
    const odd = '{{project\n|Project=Odd\n|Desc=signed ~~~~ long ago\n}}';
    expect(plan([draftOf(odd, 1, { Difficulty: 'Easy' })], odd).publishable).toBe(true);
    expect(plan([draftOf(odd, 1, { Desc: 'signed ~~~~ again' })], odd).problems[0]?.code).toBe('signature');
  });
});
