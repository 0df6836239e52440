import type { Field, SiteProfile } from '../../../lib/model/profile';
import type { Prng } from './prng';

/** Random edits a mentor could make, each one valid for its field (so a merge of them must validate). */

const WORDS = [
  'Xen',
  'toolstack',
  'libxl',
  'paging',
  'ARM',
  'QEMU',
  'patch',
  'Rust',
  'ä',
  'größe',
  '—',
  'x86',
];

const pad = (n: number): string => String(n).padStart(2, '0');

function words(prng: Prng, min: number): string {
  const count = min + prng.int(4);
  return Array.from({ length: count }, () => prng.pick(WORDS)).join(' ');
}

function editText(prng: Prng, text: string): string {
  let at = prng.int(text.length + 1);
  if (at > 0 && at < text.length && /[\ud800-\udbff]/.test(text.charAt(at - 1))) at--;
  const roll = prng.next();
  if (roll < 0.45) return text.slice(0, at) + prng.pick(['a', 'e', ' ', 'x', '\n']) + text.slice(at);
  if (roll < 0.65)
    return `${text.slice(0, at)} ${words(prng, 1)}${prng.chance(0.3) ? '\n* item' : ''}${text.slice(at)}`;
  const end = Math.min(text.length, at + 1 + prng.int(10));
  const cut = end < text.length && /[\udc00-\udfff]/.test(text.charAt(end)) ? end + 1 : end;
  return text.slice(0, at) + (roll < 0.9 ? '' : words(prng, 1)) + text.slice(cut);
}

export function randomValue(prng: Prng, profile: SiteProfile, field: Field, current: string): string {
  switch (field.kind) {
    case 'wikitext':
      return editText(prng, current);
    case 'date':
      return `${2010 + prng.int(15)}-${pad(1 + prng.int(12))}-${pad(1 + prng.int(28))}`;
    case 'yesno':
    case 'choice':
      return prng.pick(field.suggestedValues.length > 0 ? field.suggestedValues : ['Yes', 'No']);
    case 'line':
      return field.param === profile.titleParam || field.need === 'required'
        ? `Idea ${words(prng, 1)}`
        : prng.chance(0.2)
          ? ''
          : words(prng, 1);
  }
}
