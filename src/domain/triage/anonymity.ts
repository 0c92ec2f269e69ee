import { matchesAny } from './text.ts';

/**
 * The sender asks to stay anonymous or withholds their name on purpose. A complaint *about* an
 * anonymous report ("de anonieme melding over ons gezin") is not anonymous, so only phrases
 * about the sender's own name or identity count.
 */
const ANONYMOUS: readonly RegExp[] = [
  /\b(?:ik|wij|we)\s+(?:wil|willen|wens|blijf|blijven|zou|zouden)\s+(?:graag\s+|liever\s+|het liefst\s+|wel\s+)?anoniem\b(?!e)(?!\s+(?:gedaan|gemeld|gedane|is|was)\b)/i,
  /\b(?:ik|wij|we)\s+(?:wil|willen|ga|gaan|zou|doe|doen|stuur|sturen|schrijf|dien|meld)\s+(?:dit|deze\s+\w+|het|mijn\s+\w+|graag)?\s*anoniem\b(?!e)/i,
  /\banoniem\s+(?:blijven|houden|indienen|klagen|te blijven|te houden)\b/i,
  /\b(?:graag|liever|bij voorkeur|het liefst)\s+anoniem\b(?!e)/i,
  /\b(?:mijn|m'n|onze)\s+naam(?:\s+en\s+(?:adres|gegevens|telefoonnummer))?\s+(?:wil|geef|noem|zeg|laat|houd|hou|vermeld)\s+ik\s+(?:liever\s+)?(?:niet|achterwege|weg|voor mezelf|voor mijzelf)/i,
  /\b(?:ik\s+)?(?:wil|ga|kan)\s+(?:mijn|m'n)\s+naam\s+(?:liever\s+)?niet\s+(?:noemen|geven|zeggen|vermelden|doorgeven)/i,
  /\bzonder\s+(?:mijn|m'n)\s+naam\s+(?:te\s+)?(?:noemen|vermelden|geven)/i,
  /\b(?:remain|stay|be kept|keep this|keep it|keep me|wish to be|want to be|prefer to be|prefer to remain)\s+anonymous\b/i,
  /\bI(?:'m| am)\s+(?:writing|sending this|reporting this)\s+anonymously\b/i,
  /\b(?:I\s+)?(?:will not|won't|do not want to|don't want to|prefer not to)\s+(?:give|share|state|disclose)\s+my\s+name\b/i,
];

export function asksAnonymity(text: string): boolean {
  return matchesAny(text, ANONYMOUS);
}
