/**
 * Places a complainant of Veilig Thuis Hollands Midden may live in, to recognise a city written
 * in lower case or without punctuation ("kanaalweg 30 leiden"), where capitals cannot tell a city
 * from the next word. Capitalised cities need no list (see addresses.ts). The region's
 * municipalities and their larger villages, and the country's largest cities.
 */
const PLACES = [
  'Alphen aan den Rijn', 'Aarlanderveen', 'Benthuizen', 'Hazerswoude-Dorp', 'Hazerswoude-Rijndijk', 'Koudekerk aan den Rijn', 'Zwammerdam',
  'Bodegraven', 'Nieuwerbrug', 'Reeuwijk', 'Gouda', 'Waddinxveen', 'Boskoop', 'Katwijk', 'Rijnsburg', 'Valkenburg',
  'Kaag', 'Leimuiden', 'Roelofarendsveen', 'Oude Wetering', 'Rijpwetering', 'Woubrugge', 'Hoogmade', 'Leiden',
  'Leiderdorp', 'Lisse', 'Hillegom', 'Noordwijk', 'Noordwijkerhout', 'De Zilk', 'Nieuwkoop', 'Nieuwveen', 'Ter Aar',
  'Zevenhoven', 'Oegstgeest', 'Sassenheim', 'Voorhout', 'Warmond', 'Voorschoten', 'Zoeterwoude', 'Schoonhoven',
  'Bergambacht', 'Stolwijk', 'Haastrecht', 'Ouderkerk aan den IJssel', 'Krimpen aan den IJssel', 'Gouderak', 'Moordrecht',
  'Nieuwerkerk aan den IJssel', 'Zuidplas', 'Wassenaar', 'Amsterdam', 'Rotterdam', 'Den Haag', "'s-Gravenhage",
  'Utrecht', 'Haarlem', 'Zoetermeer', 'Delft', 'Woerden', 'Alphen',
] as const;

const BY_LOWER = new Map(PLACES.map((place) => [place.toLowerCase(), place]));
const MAX_WORDS = Math.max(...PLACES.map((place) => place.split(' ').length));

/** The longest known place at the start of `words` (any case), with how many words it takes. */
export function placeAt(words: readonly string[]): { place: string; words: number } | null {
  for (let length = Math.min(MAX_WORDS, words.length); length >= 1; length -= 1) {
    const place = BY_LOWER.get(words.slice(0, length).join(' ').toLowerCase().replace(/[,.;:!?)]+$/, ''));
    if (place !== undefined) return { place, words: length };
  }
  return null;
}
