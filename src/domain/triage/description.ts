import { splitSignature } from './signature.ts';
import { words } from './text.ts';

/**
 * Whether the text describes conduct at all (Awb 9:4), or only says "ik wil een klacht
 * indienen, bel me". Counts the words left after salutations, sign-off, contact lines and the
 * stock phrases that announce a complaint without describing it.
 */
const MIN_DESCRIPTION_WORDS = 10;

const STOCK_PHRASES: readonly RegExp[] = [
  /\b(?:ik\s+)?(?:wil|wilde|zou|wou)\s+(?:graag\s+)?(?:een\s+)?klacht\s+(?:indienen|doen|melden|neerleggen)\b/gi,
  /\bhierbij\s+dien\s+ik\s+(?:een\s+)?klacht\s+in\b/gi,
  /\b(?:bel|belt)\s+(?:me|mij|u me|u mij)\s*(?:terug|maar|aub|a\.u\.b\.|alstublieft)?\b/gi,
  /\b(?:zie|see)\s+(?:de\s+)?(?:bijlage|attachment|attached)\b/gi,
  /\b(?:I\s+)?(?:want|would like)\s+to\s+(?:file|make|submit|lodge)\s+a\s+complaint\b/gi,
];
const CONTACT_LINE = /^\s*(?:(?:geachte|beste|hallo|hoi|dear|hi|hello)\b.*|.*@.*|.*\b\d{4}\s?[A-Z]{2}\b.*|[\d\s()+-]{8,}|(?:tel|telefoon|mobiel|adres|naam|e-?mail|postcode|woonplaats)\b.*)$/i;

export function lacksDescription(text: string): boolean {
  const { body } = splitSignature(text);
  const kept = body
    .split('\n')
    .filter((line) => !CONTACT_LINE.test(line))
    .join('\n');
  const withoutStock = STOCK_PHRASES.reduce((out, phrase) => out.replace(phrase, ' '), kept);
  return words(withoutStock).length < MIN_DESCRIPTION_WORDS;
}
