/** Small pages for the CLI tests, written for them (the seed page is test/fixtures/pages/seed-2014.wikitext). */

export const SMALL_PAGE = `Intro text.
== Ideas ==
=== GSoC ===
{{project
|Project=Lazy restore
|Date=01/02/2014
|Contact=Mentor: Ann Example <ann@example.org>
|Difficulty=Medium
|Skills=Skills Needed: C
|GSoC=Yes
|Desc=Backfill memory while the VM runs. Size: 175 hours.
|Outcomes=Patches
}}

{{Project |Project= Parser fuzzing |Desc=Fuzz it. {{project|Project=Inner idea|Outcomes=x}} |Outcomes=Bugs}}
== Other ==
{{Template:project
|Project=
|Outcomes=
}}
`;

/** A page whose second entry is never closed: the codec cannot read it. */
export const BROKEN_PAGE = `== Ideas ==
{{project
|Project=Fine
|Outcomes=Patches
}}
{{project
|Project=Never closed
|Outcomes=Patches
`;

/** Two transclusions of another organisation's template. */
export const IDEA_PAGE = `{| class="wikitable"
{{Idea|title=Fuzzing|mentors=Ann|level=Expert|summary=Fuzz the parser.}}
{{Idea|name=Docs|summary=}}
|}
`;
