/**
 * Small readings of free text that validation needs: what a reader sees of a value, whether a contact
 * names anyone, whether a GSoC project size is stated. Heuristics, kept apart so each is tested alone.
 */

/** The value without HTML comments (an unterminated one runs to the end, as in MediaWiki) and trimmed. */
export function visibleText(value: string): string {
  return value.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Which of `labels` the value starts with, followed by a colon ("Skills Needed: C"): the wiki renders the
 * label itself, so the reader would see it twice. Bold or italic quotes around it count too.
 */
export function repeatedLabel(value: string, labels: readonly string[]): string | undefined {
  const start = value.replace(/^(?:\s|'{2,})+/, '');
  return labels.find((label) => new RegExp(`^${escapeRegExp(label)}\\s*(?:'{2,}\\s*)?:`, 'i').test(start));
}

const ADDRESS_PATTERNS = [
  /[^\s@<>()[\]{}|,;:"]+@[^\s@<>()[\]{}|,;:"]+\.[a-z]{2,}/i,
  /\S\s*[[(<{]\s*at\s*[\])>}]\s*\S/i,
  /\[\[\s*(?:user|user[ _]talk|special:emailuser)\s*:/i,
  /https?:\/\/|mailto:/i,
];

/** Words that say what someone is, or that nobody is known yet; none of them is a name. */
const NOT_A_NAME =
  /\b(?:co-?mentors?|mentors?|students?|interns?|technical|contacts?|e-?mail|irc|nick|and|or|tbd|tba|tbc|todo|none|nobody|unknown|n\/a|someone)\b/giu;

function withoutMarkup(text: string): string {
  return text
    .replace(/\[\[[^\]|]*\|([^\]]*)\]\]/g, '$1')
    .replace(/\[\[([^\]]*)\]\]/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/'{2,}/g, '');
}

export function hasAddress(contact: string): boolean {
  return ADDRESS_PATTERNS.some((pattern) => pattern.test(contact));
}

/** A name is any word of two or more letters left once role words and placeholders are taken out. */
export function hasName(contact: string): boolean {
  return /\p{L}{2,}/u.test(withoutMarkup(contact).replace(NOT_A_NAME, ' '));
}

/** The project sizes GSoC asks for, in hours. */
export const GSOC_SIZES = [90, 175, 350];

export type ProjectSizeStatement = { kind: 'stated' } | { kind: 'none' } | { kind: 'other'; hours: number };

/**
 * Whether a text states a GSoC size: "175 hours", "350h", "90-hour", or the named sizes
 * ("medium-sized project", "Size: large"). A bare "medium" is not one: it is also a difficulty.
 */
export function projectSizeStatement(text: string): ProjectSizeStatement {
  const hours = [...text.matchAll(/\b(\d{2,4})\s*-?\s*(?:hours?|hrs?|h)\b/gi)].map((match) =>
    Number(match[1]),
  );
  if (hours.some((value) => GSOC_SIZES.includes(value))) return { kind: 'stated' };
  const named =
    /\b(?:small|medium|large)[- ](?:sized?[- ])?projects?\b/i.test(text) ||
    /\bsize\s*[:=]?\s*(?:small|medium|large)\b/i.test(text);
  if (named) return { kind: 'stated' };
  const other = hours[0];
  return other === undefined ? { kind: 'none' } : { kind: 'other', hours: other };
}

/** Levenshtein distance, for "did you mean" hints on mistyped parameter names (short strings only). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
