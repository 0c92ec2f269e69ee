import { joinWrappedLines, matchesAny, splitSentences } from './text.ts';

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
  /\b(?:I\s+)?(?:will not|won't|do not want to|don't want to|prefer not to|(?:I'd|I would) rather not)\s+(?:give|share|state|disclose|use)\s+my\s+name\b/i,
  /\b(?:wil|willen)\s+(?:\w+\s+)?niet\s+dat\s+(?:mijn|m'n|onze)\s+naam\b|\bniet\s+(?:mijn|m'n)\s+naam\s+(?:in|op)\b|\b(?:mijn|m'n)\s+naam\s+niet\s+(?:in|op)\s+(?:het|de|uw|jullie)\s+(?:systeem|dossier|registratie|administratie)\b/i,
  /\b(?:hoeft|hoeven)\s+(?:niet|geen)\s+te\s+weten\s+wie\s+ik\s+ben\b|\b(?:blijf|blijven)\s+(?:graag\s+|liever\s+)?buiten\s+beeld\b|\bbuiten\s+beeld\s+(?:blijven|houden)\b|\b(?:ik\s+)?noem\s+(?:dus\s+|daarom\s+|liever\s+|bewust\s+)?geen\s+naam\b|\b(?:dus|daarom|bewust)\s+zonder\s+(?:mijn\s+)?naam\b|\b(?:don't|do not)\s+(?:need|have)\s+to\s+know\s+who\s+I\s+am\b/i,
  // "Ik noem mijn naam liever niet", "niet op mijn naam", "mijn naam en adres krijgen jullie niet", "behandel dit maar anoniem", "kan ik hier anoniem een klacht doen".
  /\b(?:noem|geef|zeg|vermeld)\s+(?:ik\s+)?(?:mijn|m'n)\s+naam\s+(?:liever\s+|dus\s+|bewust\s+|hier\s+)?niet\b|\b(?:liever|wil\s+(?:ik\s+)?(?:liever\s+)?)niet\s+(?:dat\s+(?:het|dit)\s+)?op\s+(?:mijn|m'n)\s+naam\b|\b(?:mijn|m'n)\s+naam\b[^.!?\n]{0,20}\b(?:krijgen|hoeven)\s+(?:jullie|u)\s+niet\b|\b(?:behandel|doe|neem)\s+(?:dit|het|deze\s+klacht)\s+(?:maar\s+|graag\s+)?anoniem\b|\b(?:kan|mag)\s+(?:ik\s+)?(?:hier\s+|dit\s+|het\s+)?(?:ook\s+)?anoniem\b|\b(?:can|may)\s+I\s+(?:do\s+this|complain|report\s+this)\s+anonymously\b/i,
  /\b(?:don't|do not)\s+(?:try to\s+)?(?:find out|look up)\s+who\s+I\s+am\b|\bniet\s+(?:proberen\s+)?(?:uit\s+te\s+zoeken|te\s+achterhalen)\s+wie\s+ik\s+ben\b/i,
];

/** A subject that says so: "Klacht, maar anoniem", "Anonymous complaint", "(anoniem)". */
const ANONYMOUS_SUBJECT = /^(?:(?:re|fw|fwd|aw)\s*:\s*)*(?:anonie?m(?:e)?\s+(?:klacht|complaint)|anonymous\s+complaint|(?:klacht|complaint)\b[^\p{L}]*(?:maar\s+|but\s+)?(?:anoniem|anonymous)\b(?!e)|.*\((?:anoniem|anonymous)\))\s*$/iu;

/**
 * Someone else asked for anonymity ("Zij heeft gevraagd anoniem te blijven"): a sentence with a
 * third person as its subject and no first person in it is about them, not the writer.
 */
const THIRD_PERSON = /\b(?:zij|hij|ze|de\s+melder|melder|mijn\s+(?:buurvrouw|buurman|moeder|vader|zus|broer|cliënt|client)|she|he|my\s+(?:neighbou?r|mother|father|client))\b/i;
const FIRST_PERSON = /\b(?:ik|wij|we|mijn|m'n|mij|me|my|us|our)\b|\bI\b/i;

/** Anonymity refused: "ik wil (nadrukkelijk) niet anoniem blijven", "anoniem hoeft niet", "I don't need to stay anonymous". */
const REFUSES_ANONYMITY = /\b(?:n[ií]et|geen|nee)\s+(?:\w+\s+)?anoniem\b|\banoniem\w*\s+(?:hoeft|hoeven|is)\s+niet\b|\bnot\s+(?:\w+\s+)?anonymous\b|\b(?:don't|do\s+not|no\s+need\s+to)\s+(?:need\s+to\s+|want\s+to\s+)?(?:be|stay|remain)\s+anonymous\b/i;

export function asksAnonymity(text: string, subject = ''): boolean {
  if (ANONYMOUS_SUBJECT.test(subject.trim())) return true;
  return splitSentences(joinWrappedLines(text)).some(
    (sentence) => matchesAny(sentence, ANONYMOUS) && !REFUSES_ANONYMITY.test(sentence) && !(THIRD_PERSON.test(sentence) && !FIRST_PERSON.test(sentence.replace(THIRD_PERSON, ' '))),
  );
}
