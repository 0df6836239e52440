import type { Person } from './schema';

/**
 * Mentions: "@Name" of a collaborator, where Name is a collaborator's display name as written
 * (case aside; names may have spaces: "@Lars Kurth"). Only names of the collaborators given count, so
 * an e-mail address or "@home" mentions nobody. The longest name wins ("@Ann Lee" over "@Ann").
 */
export interface Mention {
  start: number;
  end: number;
  person: Person;
}

const WORD = /[\p{L}\p{N}_]/u;

export function findMentions(text: string, collaborators: readonly Person[]): Mention[] {
  const byLength = [...collaborators]
    .filter((person) => person.name.trim() !== '')
    .sort((a, b) => b.name.length - a.name.length);
  const found: Mention[] = [];
  const lower = text.toLowerCase();
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    if (at > 0 && WORD.test(text[at - 1]!)) continue; // part of an address: ann@example.org
    const person = byLength.find((candidate) => {
      const name = candidate.name.toLowerCase();
      const after = text[at + 1 + name.length];
      return lower.startsWith(name, at + 1) && (after === undefined || !WORD.test(after));
    });
    if (person) {
      found.push({ start: at, end: at + 1 + person.name.length, person });
      at += person.name.length;
    }
  }
  return found;
}

/** The ids of the collaborators a text mentions, each once, in order of first mention. */
export function mentionedIds(text: string, collaborators: readonly Person[]): string[] {
  return [...new Set(findMentions(text, collaborators).map((mention) => mention.person.id))];
}
