import { type SiteProfile, SiteProfileSchema } from './profile';

/** The difficulties the Xen wiki's entries use (seed page: "Low-Medium", "Medium", empty = "Unknown"). */
export const XEN_DIFFICULTIES = ['Easy', 'Low-Medium', 'Medium', 'Medium-High', 'Hard'];

/**
 * The Xen Project wiki's `{{project}}` template, labelled as the wiki renders it (DESIGN §6).
 * Only the title is required: entries on the wiki lack every other field at times, and a mentor fixing
 * one field of an old entry should be warned about the rest, not blocked.
 */
export const XEN_PROFILE: SiteProfile = SiteProfileSchema.parse({
  id: 'xen',
  template: { name: 'project', aliases: [] },
  titleParam: 'Project',
  dateStyle: 'iso',
  fields: [
    {
      param: 'Project',
      label: 'Project',
      kind: 'line',
      need: 'required',
      description: 'The title of the project idea, as students will see it.',
    },
    {
      param: 'Date',
      label: 'Date of insert',
      kind: 'date',
      need: 'suggested',
      description:
        'When the idea was added, e.g. 2014-01-20; readers use it to tell whether it is still current.',
    },
    {
      param: 'Verified',
      label: 'Verified',
      kind: 'line',
      need: 'optional',
      description: 'When a mentor last confirmed the idea is still wanted.',
    },
    {
      param: 'Contact',
      label: 'Technical contact',
      kind: 'line',
      need: 'suggested',
      role: 'contact',
      description: 'Who mentors the project: a name and an e-mail address or wiki user page.',
    },
    {
      param: 'Difficulty',
      label: 'Difficulty',
      kind: 'choice',
      need: 'suggested',
      suggestedValues: XEN_DIFFICULTIES,
      emptyText: 'Unknown',
      description: 'How hard the project is for a newcomer.',
    },
    {
      param: 'Skills',
      label: 'Skills Needed',
      kind: 'wikitext',
      need: 'suggested',
      emptyText: 'Unknown',
      description: 'What a student should know before starting, e.g. C, Linux kernel basics.',
    },
    {
      param: 'GSoC',
      label: 'GSoC',
      kind: 'yesno',
      need: 'optional',
      suggestedValues: ['Yes', 'No', 'Unknown'],
      role: 'gsoc',
      description: 'Whether the idea is offered for Google Summer of Code.',
    },
    {
      param: 'Desc',
      label: 'Description',
      kind: 'wikitext',
      need: 'suggested',
      description: 'What the project is about and why it matters.',
    },
    {
      param: 'Outcomes',
      label: 'Outcomes',
      kind: 'wikitext',
      need: 'suggested',
      emptyText: 'Not specified, project outcomes',
      description: 'What the student will have delivered at the end, e.g. patches merged upstream.',
    },
  ],
});
