import type { Language } from '../reply-types.ts';
import { words } from './text.ts';

/** Dutch unless clearly English: replies go out in Dutch by default. */
const DUTCH = new Set([
  'de', 'het', 'een', 'en', 'ik', 'je', 'jij', 'u', 'uw', 'mijn', 'niet', 'is', 'van', 'dat', 'die', 'op', 'met',
  'voor', 'zijn', 'er', 'maar', 'ook', 'heb', 'heeft', 'hebben', 'wij', 'we', 'jullie', 'naar', 'bij', 'om', 'geen',
  'wordt', 'werd', 'over', 'dit', 'deze', 'nog', 'wel', 'kan', 'wil', 'graag', 'groet', 'klacht', 'omdat', 'toen',
  'ze', 'hij', 'zij', 'hem', 'haar', 'ons', 'onze', 'zou', 'moet', 'alleen', 'echt', 'nooit', 'gaat', 'mij', 'me',
]);
const ENGLISH = new Set([
  'the', 'and', 'i', 'you', 'your', 'my', 'not', 'is', 'of', 'that', 'on', 'with', 'for', 'are', 'have', 'has',
  'but', 'also', 'we', 'our', 'to', 'at', 'no', 'this', 'was', 'were', 'would', 'should', 'can', 'want', 'please',
  'regards', 'complaint', 'because', 'when', 'he', 'she', 'him', 'her', 'us', 'they', 'from', 'about', 'been',
  'did', "don't", "i'm", 'am', 'it', 'be', 'will', 'never', 'only', 'really', 'me',
]);

export function detectLanguage(text: string): Language {
  let dutch = 0;
  let english = 0;
  for (const word of words(text)) {
    if (DUTCH.has(word)) dutch += 1;
    if (ENGLISH.has(word)) english += 1;
  }
  return english > dutch * 1.5 && english >= 3 ? 'en' : 'nl';
}
