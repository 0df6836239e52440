/**
 * What a short piece of wikitext (an entry's title, a heading) reads like once MediaWiki has rendered it,
 * close enough to find it in the rendered page: links become their label, quotes and tags disappear,
 * entities are decoded, white space is collapsed. Templates inside titles are rare; they are dropped.
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function wikitextToPlainText(wikitext: string): string {
  let text = wikitext.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  // Innermost templates first, a bounded number of rounds: titles nest shallowly.
  for (let round = 0; round < 5 && text.includes('{{'); round++) text = text.replace(/\{\{[^{}]*\}\}/g, '');
  text = text
    .replace(/\[\[(?:[^\]|]*\|)?([^\]]*)\]\]/g, '$1')
    .replace(/\[(?:https?:|mailto:|\/\/)[^\s\]]*\s*([^\]]*)\]/g, '$1')
    .replace(/'{2,}/g, '')
    .replace(/<\/?[a-z][^>]*>/gi, '');
  return normalizeSpace(decodeEntities(text));
}
