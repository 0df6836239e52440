/**
 * Answers of `action=templatedata` as MediaWiki gives them (shapes from Extension:TemplateData's
 * ApiTemplateData and TemplateDataNormalizer: every param key filled in, texts resolved with `lang=` or
 * kept per language without it).
 */

const param = (overrides: Record<string, unknown>) => ({
  label: null,
  description: null,
  required: false,
  suggested: false,
  deprecated: false,
  aliases: [],
  type: 'unknown',
  autovalue: null,
  default: null,
  suggestedvalues: [],
  example: null,
  ...overrides,
});

/** Template:Project of the Xen wiki, asked with lang=en and formatversion=2. */
export const PROJECT_WITH_LANG = {
  batchcomplete: true,
  pages: {
    '12': {
      title: 'Template:Project',
      description: 'One project idea for Google Summer of Code or Outreachy.',
      params: {
        Project: param({ label: 'Project', type: 'line', required: true, description: 'The title.' }),
        Date: param({ label: 'Date of insert', type: 'date', suggested: true }),
        Verified: param({ label: 'Verified', type: 'line' }),
        Contact: param({ label: 'Technical contact', type: 'line', suggested: true }),
        Difficulty: param({
          label: 'Difficulty',
          type: 'line',
          suggested: true,
          suggestedvalues: ['Easy', 'Low-Medium', 'Medium', 'Medium-High', 'Hard'],
          default: 'Unknown',
        }),
        Skills: param({ label: 'Skills Needed', type: 'content', default: 'Unknown' }),
        GSoC: param({ label: 'GSoC', type: 'boolean', suggestedvalues: ['Yes', 'No', 'Unknown'] }),
        Desc: param({ label: 'Description', type: 'content', suggested: true }),
        Outcomes: param({ label: 'Outcomes', type: 'content', default: 'Not specified, project outcomes' }),
      },
      paramOrder: [
        'Project',
        'Date',
        'Verified',
        'Contact',
        'Difficulty',
        'Skills',
        'GSoC',
        'Desc',
        'Outcomes',
      ],
      sets: [],
      format: 'block',
      maps: {},
    },
  },
};

/**
 * Template:Idea of another organisation, asked without lang= (texts per language) and with
 * formatversion=1, reached through the redirect Template:Project idea.
 */
export const IDEA_PER_LANGUAGE = {
  batchcomplete: '',
  redirects: [{ from: 'Template:Project idea', to: 'Template:Idea' }],
  pages: {
    '40': {
      title: 'Template:Idea',
      description: { en: 'One project idea, shown as a table row.' },
      params: {
        title: param({
          label: { en: 'Title', de: 'Titel' },
          description: { en: "The idea's title.", de: 'Der Titel der Idee.' },
          type: 'string/line',
          required: true,
          aliases: ['name'],
        }),
        mentors: param({
          label: { en: 'Mentors', de: 'Mentoren' },
          type: 'line',
          suggested: true,
          aliases: ['mentor'],
        }),
        level: param({
          label: { de: 'Stufe', 'en-gb': 'Level' },
          type: 'line',
          suggestedvalues: ['Beginner', 'Intermediate', 'Advanced'],
        }),
        tags: param({ label: { en: 'Tags' }, type: 'line', deprecated: 'Use categories instead.' }),
        summary: param({ label: { en: 'Summary' }, type: 'content', required: true }),
        size: param({ label: null, type: 'number', aliases: [90] }),
      },
      paramOrder: ['title', 'summary', 'mentors', 'level', 'tags', 'size'],
      sets: [],
      format: null,
      maps: {},
    },
  },
};
