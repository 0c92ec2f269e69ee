import { INJURY } from './urgency-cues.ts';
import { joinWrappedLines, splitSentences } from './text.ts';
import type { ContentKind } from './triage-result.ts';

/**
 * What a person wrote: a complaint about the service, a compliment, an idea, a question, or a
 * report of someone's unsafe situation. Each kind is scored from its signals (weights below) and
 * the decision follows explicit thresholds, keeping the signals as reasons:
 *
 * - acute danger: a complaint when the writer also complains about us, a question when the
 *   writer mainly asks something (URGENT_QUESTION_SCORE), else a report;
 * - a complaint needs COMPLAINT_THRESHOLD: one strong signal (a complaint stated, criticism of
 *   how we acted, strong dissatisfaction) or two weak ones (the bare word "klacht" in a
 *   statement). A stronger report of someone else's situation without a complaint stated wins;
 * - otherwise the best of report, question, idea and compliment with at least one signal;
 * - no signal, or only a weak complaint signal: `needsReview`. The officer decides; the sender
 *   gets a neutral receipt, never a request for details or a thanks that may be wrong.
 *
 * Questions count only as questions: "Hoe dien ik een klacht in?" asks about complaints, so
 * complaint signals are read from statements only (rhetorical indignation aside).
 */
interface Signal {
  id: string;
  pattern: RegExp;
  weight: number;
}

const signal = (id: string, weight: number, pattern: RegExp): Signal => ({ id, weight, pattern });

const COMPLAINT_THRESHOLD = 2;
/** A question said outright, or asked twice, outweighs the report that danger implies. */
const URGENT_QUESTION_SCORE = 4;

export const KIND_SIGNALS = {
  complaint: [
    signal('complaint_stated', 2, /\b(?:ik|wij|we)\s+(?:wil(?:len)?|ga|gaan|zou|wou|wilde)?\s*(?:graag\s+|hierbij\s+)?(?:een\s+)?(?:formele\s+|officiële\s+)?klacht\s+(?:indienen|in\s+dienen|doen|neerleggen|melden)\b|\bdien\s+(?:ik|wij|we)\s+(?:hierbij\s+)?(?:een\s+)?(?:formele\s+)?klacht\s+in\b|\b(?:ik|wij|we)\s+(?:heb|hebben)\s+(?:een\s+)?(?:ernstige\s+|formele\s+)?klacht\b|\bmijn\s+klacht\s+(?:is|gaat|betreft)\b|\b(?:dit|deze\s+mail|deze\s+e-?mail)\s+is\s+een\s+klacht\b|\bklacht\s+(?:over|tegen|betreffende|m\.?b\.?t\.?)\s+(?:de|het|een|uw|jullie|mevrouw|meneer|de\s+heer|veilig|medewerk|mijn)\b/i),
    signal('complaint_stated', 2, /\bI'm\s+writing\s+to\s+(?:formally\s+)?complain\b|\b(?:I|we)\s+(?:also\s+|therefore\s+|really\s+)?(?:would\s+like\s+to|want\s+to|wish\s+to|hereby|am\s+writing\s+to)\s+(?:formally\s+|also\s+)?(?:complain|(?:make|file|lodge|submit|raise)\s+a\s+(?:formal\s+)?complaint)\b|\b(?:this\s+is\s+a|my)\s+(?:formal\s+)?complaint\b|\bcomplaint\s+(?:about|against|regarding)\s+(?:the|your|a|my|Veilig|Mrs|Mr|Ms|one)\b|\bI\s+(?:formally\s+)?complain\b/i),
    signal('complaint_stated', 2, /\bklacht\b[^.!?\n]{0,30}\b(?:indienen|in\s+te\s+dienen|in\s+behandeling)\b|\b(?:dien|dient|dienen)\b[^.!?\n]{0,40}\bklacht\w*\b[^.!?\n]{0,20}\bin\b|\b(?:wil|wilde|willen)\s+(?:ik|wij|we)\b[^.!?\n]{0,20}\bklacht\b/i),
    signal('wants_to_complain', 2, /\b(?:wil|willen|ga|gaan)\s+(?:ik|wij|we)?\s*(?:hierover\s+|daarover\s+)?(?:klagen|beklag\s+doen)\b|\bklaag\b|\bbeklag\b/i),
    signal('dissatisfied', 2, /\bik\s+word\s+(?:echt\s+|helemaal\s+)?gek\s+van\s+(?:jullie|u)\b|\bvan\s+het\s+kastje\s+naar\s+de\s+muur\b|\b(?:ik|wij|we)\s+vind(?:en)?\s+het\s+(?:echt\s+|heel\s+|erg\s+)?(?:slecht|onbestaanbaar|kwalijk|triest|schandalig)\s+dat\b|\bzo\s+behandel\s+je\s+(?:iemand|mensen|ouders)\s+niet\b|\bschending\s+van\s+(?:mijn|onze)\s+privacy\b|\b(?:ontevreden|inbreuk|niet\s+tevreden|teleurgesteld|woedend|verontwaardigd|onacceptabel|onaanvaardbaar|schandalig|respectloos|onprofessioneel|onbeschoft|ongepast|kwalijk|belachelijk|schandelijk|diep\s+gekwetst|in\s+de\s+steek\s+gelaten)\b/i),
    signal('dissatisfied', 2, /\b(?:dissatisfied|unhappy\s+with|not\s+happy\s+with|disappointed|unacceptable|unprofessional|rude|disrespectful|outrageous|appalled|let\s+down)\b/i),
    signal('disputes_report', 2, /\b(?:onterecht|ten\s+onrechte|onjuist\w*|klopt\s+(?:helemaal\s+|echt\s+)?niet|kloppen\s+niet|niet\s+klopt|niet\s+kloppen|fouten\s+in|feitelijk\s+onjuist|niet\s+waar|onwaarheden|gelogen|liegt|oneerlijk|niet\s+eerlijk|niet\s+correct|niet\s+juist)\b/i),
    signal('disputes_report', 2, /\b(?:wrongly|incorrect(?:ly)?|untrue|not\s+true|inaccurate|false\s+(?:information|statements?|accusations?)|unfair(?:ly)?|based\s+(?:entirely|only|solely)\s+on)\b/i),
    signal('neglected_by_us', 2, /\b(?:niet\s+(?:serieus\s+genomen|gehoord|teruggebeld|gebeld|gereageerd|geluisterd|uitgenodigd)|(?:(?:ik|wij|we)\s+(?:ben|zijn|werd|werden)|(?:mij|me|ons))\s+(?:\w+\s+){0,2}niet\s+(?:geïnformeerd|op\s+de\s+hoogte\s+gesteld)|nooit\s+(?:teruggebeld|gebeld|gereageerd|iets\s+(?:gehoord|vernomen)|gesproken|antwoord)|geen\s+(?:reactie|antwoord)\s+(?:gekregen|ontvangen|gehad)|niemand\s+(?:heeft|belt|reageert|neemt|luistert)|zonder\s+(?:mij|ons|de\s+ouders)\s+(?:dat\s+)?(?:te\s+)?(?:vertellen|informeren|laten\s+weten|in\s+te\s+lichten|iets\s+te\s+zeggen|te\s+horen|toestemming))\b/i),
    signal('neglected_by_us', 2, /\b(?:never\s+(?:called|contacted|heard\s+back|replied|responded|interviewed|spoke)|nobody\s+(?:called|contacted|listened|replied|responded|interviewed)|no\s+one\s+(?:called|contacted|listened|replied)|not\s+(?:listened\s+to|taken\s+seriously|informed|contacted)|without\s+(?:telling|informing|asking|contacting)\s+(?:me|us)|(?:got|received|had)\s+no\s+(?:response|reply|answer))\b/i),
    signal('how_we_acted', 2, /\bzonder\s+dat\s+(?:ik|wij|we|de\s+ouders|mijn\s+\w+)\b[^.!?\n]{0,40}\b(?:wist|wisten|werd|werden|geïnformeerd|toestemming|gevraagd|wisten)\b|\b(?:nog\s+steeds|tot\s+op\s+heden|tot\s+nu\s+toe|al\s+(?:\d+|twee|drie|vier|vijf|zes|een\s+paar)\s+(?:weken|dagen|maanden))\b[^.!?\n]{0,40}\b(?:geen|niets|niks|niet)\b|\bniemand\b[^.!?\n]{0,30}\b(?:heeft|hebben|belt|reageert|luistert|gewaarschuwd|gesproken)\b|\b(?:is|zijn|werd|werden)\s+(?:niet\s+nagekomen|afgezegd|niet\s+gebeurd)\b|\bdat\s+is\s+(?:er\s+)?(?:nooit|niet)\s+(?:gebeurd|gekomen)\b|\ber\s+is\s+(?:niks|niets)\s+(?:gedaan|gebeurd|mee\s+gedaan)\b|\b(?:heeft|hebben)\s+(?:dat|het)\s+toch\s+(?:gedaan|gedeeld|doorgegeven|verteld)\b/i),
    signal('how_we_acted', 2, /\b(?:ging|gaat|verliep|liep)\s+(?:echt\s+|helemaal\s+|totaal\s+)?niet\s+goed\b|\b(?:uur|kwartier)\s+te\s+laat\b|\bzonder\s+(?:iets\s+)?(?:te\s+)?(?:laten\s+weten|melden|bellen|af\s+te\s+bellen)\b|\b(?:best|erg|heel|echt|zo)\s+boos\b|\bboos\s+(?:over|om|op)\b/i),
    signal('how_we_acted', 2, /\b(?:gekwetst|onbeleefd|kortaf|onvergeeflijk|arrogant|neerbuigend|intimiderend|onbegrijpelijk|vernederd|vernederend)\b|\bik\s+ben\s+het\s+zat\b|\bzo\s+(?:ga\s+je|wil\s+ik)\s+(?:toch\s+)?niet\b|\bvol\s+(?:met\s+)?fouten\b|\brechtgezet\b|\b(?:beweert|beweren)\b|\bin\s+behandeling\s+(?:te\s+)?nemen\b/i),
    signal('demands_remedy', 2, /\b(?:ik|wij|we)\s+(?:wil|willen|verwacht|verwachten|eis|eisen)\s+(?:wel\s+|graag\s+)?dat\b[^.!?\n]{0,80}\b(?:verwijderd|aangepast|gecorrigeerd|besproken|rechtgezet|uitlegt|uitleg|excuses|weggehaald|gewist|anders|geluisterd|uitgezocht|uitzoekt|onderzocht|onderzoekt|serieus|aangesproken|gesproken)\b|\b(?:ik|wij)\s+verzoek(?:en)?\s+u\b[^.!?\n]{0,60}\b(?:klacht|excuses|bespreken|aan\s+te\s+passen|te\s+verwijderen|te\s+corrigeren|recht\s*te\s+zetten|andere\s+medewerker)\b|\b(?:ik|wij|we)\s+verwacht(?:en)?\s+(?:wel\s+)?dat\b|\bhoe\s+u\s+ervoor\s+zorgt\s+dat\s+dit\s+niet\b|\b(?:dat|zodat)\s+(?:dit|het)\s+niet\s+(?:nog\s+eens|meer|opnieuw)\s+(?:gebeurt|voorkomt)\b|\bI\s+(?:want|expect|demand|ask)\s+(?:that\s+)?(?:this|it|my|the)\b[^.!?\n]{0,60}\b(?:removed|corrected|deleted|discussed|apologi[sz]\w*)\b|\b(?:never|not)\s+happens?\s+again\b|\b(?:would\s+appreciate|expect|deserve)\s+an\s+apology\b/i),
    signal('how_we_acted', 2, /\b(?:behandeld|treated)\s+(?:alsof|as\s+if|like)\b|\b(?:werd|was)\s+(?:\w+\s+){0,2}(?:onderbroken|interrupted)\b|\bvertrouw\s+(?:jullie|u|veilig\s+thuis)\s+(?:nu\s+)?(?:echt\s+)?niet\s+meer\b|\bsnap\s+(?:echt\s+)?niet\s+waarom\b|\bdat\s+vind\s+ik\s+(?:echt\s+)?niet\s+(?:goed|oké|ok|normaal|kunnen)\b|\bmisverstand\b|\bquick\s+complaint\b|\bwithout\s+(?:my|our)\s+(?:consent|permission)\b|\bzonder\s+(?:mijn|onze)\s+toestemming\b|\bgeen\s+tolk\b|\bno\s+interpreter\b/i),
    signal('how_we_acted', 2, /\b(?:had|hadden)\s+(?:echt\s+|nooit\s+|gewoon\s+)?(?:nooit|niet)\s+(?:mogen|moeten)\s+gebeuren\b|\bshould\s+(?:never|not)\s+have\s+happened\b|\b(?:kan|kon)\s+(?:echt\s+|gewoon\s+|toch\s+|écht\s+)?niet\s*[.!]|\b(?:daar|er)\s+is\s+(?:niets|niks)\s+mee\s+gedaan\b|\bhoor\s+(?:ik|je)\s+(?:helemaal\s+)?niet\s+te\s+(?:lezen|krijgen|weten|zien)\b|\b(?:naar|aan)\s+(?:het\s+)?(?:verkeerde|oude)\s+(?:adres|persoon|ouder)\b|\bwrong\s+(?:address|person|family)\b|\b(?:adres|gegevens|naam|verslag|rapport|dossier|informatie)\b[^.!?\n]{0,50}\b(?:aan|naar|met)\s+(?:mijn|de|zijn|haar)\s+(?:ex|ex-\w+|werkgever|buren|familie)\b|\bzonder\s+dat\s+iemand\b|\b(?:aankaarten|aan\s+de\s+kaak\s+stellen)\b|\braise\s+(?:a|an|my)\s+(?:concern|issue)\b/i),
    signal('how_we_acted', 2, /\bmade\s+(?:it|things|everything)\s+(?:so\s+much\s+|even\s+|much\s+|a\s+lot\s+)?worse\b|\bpromised\b[^.!?\n]{0,80}\b(?:and\s+then|but\s+then|but)\b|\b(?:her|his|your|their)\s+fault\b|\bwas\s+supposed\s+to\s+help\b|\bnever\s+(?:asked|consulted|informed|told|involved|listened)\b|\b(?:(?:nog\s+)?erger|slechter)\s+gemaakt\b|\bbeloofd\w*\b[^.!?\n]{0,80}\b(?:maar|toch)\b|\bschuld\s+van\s+(?:haar|hem|jullie|die\s+medewerk\w*)\b|\bnooit\s+(?:iets\s+)?(?:gevraagd|betrokken|verteld|geïnformeerd)\b/i),
    signal('how_we_acted', 2, /\b(?:I\s+(?:would\s+like|want|expect|demand)|we\s+(?:would\s+like|want|expect))\s+an\s+apology\b|\bstill\s+(?:no|not|haven't|have\s+not|hasn't|has\s+not)\b|\b(?:nobody|no\s+one)\b[^.!?\n]{0,30}\b(?:has|have|ever|bothered)\b|\bas\s+if\s+it\s+were\b|\bhumiliat\w*\b|\bembarrass\w*\b|\bcorrect\s+the\s+(?:information|report|record)\b|\bwas\s+(?:cancelled|canceled)\b|\bhung\s+up\b/i),
    signal('refused_or_ignored', 2, /\b(?:werd|is|was|zijn|werden|were)\s+(?:ook\s+|also\s+|gewoon\s+|simply\s+)?(?:geweigerd|afgewezen|genegeerd|refused|denied|ignored|rejected)\b/i),
    signal('disagrees', 2, /\b(?:niet\s+eens\s+met|(?:het|dat|dit)\s+(?:\w+\s+){0,2}niet\s+mee\s+eens|het\s+oneens\s+met|bezwaar\s+tegen|(?:I|we)\s+(?:strongly\s+)?(?:disagree|object)\s+(?:with|to)|do\s+not\s+agree\s+with)\b/i),
    signal('complaint_word', 1, /\bklacht\w*\b|\bcomplaint\b|\bcomplain\w*\b/i),
  ],
  compliment: [
    signal('compliment_word', 2, /\bcomplimenten?\b|\bcompliments?\b|\bpluim\b/i),
    signal('wants_to_thank', 2, /\b(?:wil|willen|wou|wilde|graag)\b[^.!?\n]{0,40}\b(?:bedanken|danken)\b|\b(?:want(?:ed)?|would\s+like)\s+to\s+(?:say\s+)?thank\b|\b(?:ontzettend|heel|erg|enorm|hartelijk|super|zeer|veel)\s+(?:bedankt|dank)\b|\bthank\s+you\s+(?:so|very)\s+much\b/i),
    signal('praise', 2, /\b(?:jullie|u)\s+(?:hebben|heeft)\s+het\s+(?:echt\s+|heel\s+|toch\s+)?goed\s+gedaan\b|\b(?:oprechte|grote|hartelijke)\s+dank\b|\bdank\s+(?:uit\s*)?(?:spreken|betuigen)\b|\b(?:veel|grote?|mijn|onze)\s+waardering\s+(?:voor|heb|hebben)\b|\b(?:heel|erg|zo|ontzettend|enorm|echt)\s+dankbaar\b|\bdankbaar\s+(?:voor|dat)\b|\b(?:zo|heel|erg)\s+goed\s+(?:naar\s+(?:me|mij|ons)\s+)?geluisterd\b|\b(?:heeft|hebben)\s+(?:me|mij|ons)\s+(?:heel\s+|erg\s+|zo\s+|echt\s+)?(?:goed\s+)?geholpen\b|\b(?:fijn|prettig|goed)e?\s+(?:contact|gesprek|gesprekken|samenwerking)\s+(?:met|gehad)\b/i),
    signal('praise', 2, /\b(?:heel|erg|ontzettend|super|enorm|zeer|zo)\s+(?:blij|tevreden|dankbaar)\s+(?:ben\s+|zijn\s+|was\s+|waren\s+)?(?:met|over|voor)\b|\b(?:fijn|goed|geweldig|super|top|prima|warm)\s+(?:geholpen|opgevangen|begeleid)\b|\b(?:grateful|very\s+pleased\s+with|great\s+help|so\s+helpful|really\s+helped|made\s+a\s+(?:real\s+|big\s+)?difference|wonderful|amazing)\b/i),
    signal('thanks', 1, /\b(?:bedankt|dank\s+(?:u|je|jullie)\s+wel|dankjewel|dankuwel|dank\s+voor|thank\s+you|thanks)\b/i),
  ],
  idea: [
    signal('idea_word', 2, /\b(?:idee|ideeën|suggestie\w*|tip|tips|verbeterpunt\w*|voorstel)\b|\b(?:suggestion\w*|idea|ideas)\b/i),
    signal('would_help_if', 2, /\bzou\s+het\s+niet\s+(?:mogelijk|handig|fijn|beter)\s+zijn\b|\bwat\s+ik\s+(?:echt\s+|wel\s+)?mis\b|\bik\s+mis\s+(?:een|de|het)\b|\bzet\s+(?:er\s+)?(?:nou\s+)?(?:gewoon\s+)?(?:een|de)\b|\bhet\s+zou\s+(?:zo\s+)?(?:veel\s+)?(?:schelen|helpen)\b|\bzou\s+(?:ook\s+)?(?:al\s+)?(?:helpen|schelen)\b|\bwould\s+it\s+(?:not\s+)?be\s+possible\s+to\b|\b(?:could|can|would)\s+you\s+(?:please\s+)?(?:add|offer|make|create|consider|introduce)\b|\bwould\s+(?:also\s+)?help\s+(?:a\s+lot|enormously)\b|\bwhy\s+(?:is\s+there\s+no|don't\s+you\s+(?:have|offer))\b|\bjullie\s+zouden\s+(?:eens|beter|misschien|ook)\b|\b(?:mijn|ons)\s+(?:advies|suggestie)\b|\b(?:zou\s+het\s+(?:fijn|handig|goed|mooi|prettig)\s+zijn\s+als|misschien\s+kunnen\s+jullie|wat\s+als\s+jullie|het\s+zou\s+helpen\s+als|kunnen\s+jullie\s+niet|it\s+would\s+(?:help|be\s+(?:nice|great|helpful|good))\s+if|you\s+could\s+consider|why\s+not\s+(?:offer|add|make))\b/i),
  ],
  question: [
    signal('question_stated', 2, /\b(?:ik\s+heb\s+(?:een|twee|drie|nog\s+een|een\s+paar)\s+vra(?:ag|gen)|mijn\s+vra(?:ag|gen)\s+(?:is|zijn)|vraag\s+over|vraagje|ik\s+(?:wil|zou)\s+(?:graag\s+)?(?:willen\s+)?weten|graag\s+(?:zou\s+ik\s+)?(?:willen\s+)?weten|kunt\s+u\s+mij\s+(?:vertellen|laten\s+weten|uitleggen|informeren)|I\s+have\s+(?:a|two|some|a\s+few)\s+questions?|I(?:'d|\s+would)\s+like\s+to\s+know|could\s+you\s+(?:tell|let)\s+me|question\s+about)\b/i),
    // A request under the GDPR (inzage, a copy of the file) asks for something; it complains of nothing.
    signal('data_request', 2, /\b(?:inzageverzoek|verzoek\s+(?:om|tot)\s+inzage|inzage\s+(?:in|te\s+geven)|(?:artikel|art\.)\s*1[5-7]\s+(?:van\s+de\s+)?(?:AVG|Algemene\s+verordening)|subject\s+access\s+request|(?:article|art\.)\s*15\s+(?:of\s+the\s+)?GDPR)\b/i),
    signal('asks', 1, /\bkunt\s+u\s+(?:mij|me|ons)\s+(?:\w+\s+){0,4}(?:bellen|terugbellen|mailen|laten\s+weten|vertellen)\b|\b(?:hoe\s+(?:kan|moet|lang|werkt|gaat)|waar\s+kan|is\s+het\s+mogelijk|mag\s+ik|kan\s+ik|moet\s+ik|how\s+(?:can|do|long|does)|where\s+can|is\s+it\s+possible|can\s+I|may\s+I|do\s+I\s+need)\b/i),
  ],
  report: [
    signal('report_stated', 2, /\b(?:ik|wij|we)\s+(?:wil|willen|zou|wou)\s+(?:graag\s+)?(?:een\s+)?(?:melding|zorgmelding)\s+(?:doen|maken)\b|\b(?:wil|willen)\b[^.!?\n]{0,20}\bmelden\s+dat\b|\b(?:I|we)\s+(?:want|would\s+like)\s+to\s+report\b/i),
    signal('report_stated', 2, /\b(?:wil|moet|kon|kan|zou|mag)\b[^.!?\n]{0,30}\bmelden\b|\bwaar\s+ik\s+(?:dit|dat|het)\s+(?:moet|kan)\s+melden\b/i),
    signal('worried_about_someone', 2, /\b(?:ik|wij|we)\s+(?:maak|maken)\s+(?:me|mij|ons)\s+(?:\w+\s+){0,3}zorgen\b|\b(?:me|mij|ons)\s+zorgen\s+(?:over|om)\s+maak\b|\bzorgen\s+over\s+maak\b|\b(?:I'm|I\s+am|we\s+are|we're)\s+(?:very\s+|really\s+|a\s+bit\s+)?(?:worried|concerned)\s+about\b/i),
    signal('someone_else_harmed', 2, /\b(?:wordt|worden)\s+(?:\w+\s+)?(?:geslagen|mishandeld|misbruikt|verwaarloosd)\b|\b(?:slaat|schopt|mishandelt|bedreigt)\s+(?:zijn|haar|de)\b|\b(?:is|are)\s+(?:being\s+)?(?:beaten|abused|neglected|hit)\b/i),
    signal('hears_or_sees', 2, /\bik\s+(?:hoor|zie|hoorde|zag)\s+(?:\w+\s+){0,5}(?:schreeuwen|gillen|huilen|slaan|vechten)\b|\b(?:I|we)\s+(?:hear|heard|see|saw)\s+(?:\w+\s+){0,5}(?:screaming|crying|shouting|fighting)\b/i),
    signal('professional_report', 2, /\b(?:hierbij\s+)?(?:meld|melden)\s+(?:ik|wij|we)\b|\bzorgmelding\b|\b(?:breng|brengen)\s+(?:ik|wij|we)\s+u\s+op\s+de\s+hoogte\b|\bter\s+informatie\b|\bin\s+(?:mijn|onze)\s+hoedanigheid\s+(?:van|als)\b|\bI\s+am\s+writing\s+to\s+(?:report|notify|inform\s+you)\b|\b(?:I|we)\s+(?:wish|want|need)\s+to\s+(?:notify|inform)\s+you\b/i),
    signal('professional_report', 1, /\b(?:cliënte?|patiënte?|betrokkene|our\s+(?:client|patient))\b/i),
    // What the writer saw on or around someone: injuries (urgency's words) and neglect.
    signal('signs_of_harm', 1, new RegExp(String.raw`\b(?:${INJURY})\b|\b(?:verwaarloos\w*|neglect\w*|alleen\s+thuis|home\s+alone|honger\w*|hungry|ondervoed\w*|littekens?|scars?)\b`, 'i')),
    signal('third_party', 1, /\b(?:buurman|buurvrouw|buren|buurjongen|buurmeisje|buurkind\w*|leerling|pupil|neighbou?rs?|(?:mijn|onze)\s+(?:student|leerling|cliënt|client))\b/i),
  ],
} as const satisfies Record<ContentKind, readonly Signal[]>;

/** Sign-off thanks: "Thanks, John" is no compliment (a subject "Bedankt!" is). */
const SIGN_OFF_THANKS = /^\s*(?:thanks|thank\s+you|bedankt|dank\s+u(?:\s+wel)?)\s*[,!.]?\s*$/gim;

/** Phrases that use a kind's words without meaning it ("geen klacht", "alvast bedankt", disclaimers). */
const NEUTRALISE: readonly RegExp[] = [
  /\b(?:geen|not\s+a|no|niet\s+als)\s+(?:klacht|complaint)\b/gi,
  /\b(?:geen|no)\s+(?:idee|idea)\b/gi,
  /\bgeen\s+bezwaar\b|\bno\s+objection\b/gi,
  /\b(?:alvast|bij\s+voorbaat)\s+(?:bedankt|dank)\b|\bthanks?\s+in\s+advance\b|\bthank\s+you\s+in\s+advance\b/gi,
  /\bklachten?(?:formulier|regeling|procedure|functionaris|commissie|route)\w*\b|\bcomplaints?\s+(?:procedure|process|officer|committee|form|department|route|regulations?)\b/gi,
  /\bno\s+(?:response|reply|answer)\s+(?:is\s+)?needed\b|\b(?:hoeft|hoeven)\s+(?:niet\s+)?(?:te\s+)?(?:antwoorden|reageren)\b/gi,
  // Signature disclaimers: "Indien u dit bericht onterecht heeft ontvangen ...".
  /(?<![^.!?\n])[^.!?\n]*\b(?:indien|als)\s+u\s+(?:dit|deze)\s+(?:e-?mail|bericht)\s+(?:onterecht|ten\s+onrechte|per\s+abuis|abusievelijk)[^.!?\n]*[.!?]?/gi,
  /(?<![^.!?\n])[^.!?\n]*\b(?:dit|deze)\s+(?:e-?mail|bericht)\s+is\s+(?:uitsluitend|alleen)\s+bestemd[^.!?\n]*[.!?]?/gi,
  /(?<![^.!?\n])[^.!?\n]*\bif\s+you\s+(?:have\s+)?received\s+this\s+(?:e-?mail|message)\s+in\s+error[^.!?\n]*[.!?]?/gi,
  /(?<![^.!?\n])[^.!?\n]*\b(?:this|the\s+information\s+in\s+this)\s+(?:e-?mail|message)\s+(?:and\s+any\s+attachments?\s+)?(?:is|are|may\s+be)\s+(?:confidential|intended\s+(?:only|solely))[^.!?\n]*[.!?]?/gi,
  // Hypotheticals: "if I want to make a complaint", "ik overweeg een klacht in te dienen".
  /\b(?:if|whether|of)\s+(?:I|ik|we|wij)\s+(?:want|wil|should|moet|zou|een\s+klacht)\b[^.!?\n]*/gi,
  /\b(?:overweeg|overweegt|overwegen|overwoog|twijfel|twijfelt|denk\s+erover|denkt\s+erover|considering|thinking\s+about|not\s+sure\s+(?:if|whether))\b[^.!?\n]*/gi,
  /\b(?:als|wanneer|indien|in\s+case)\s+(?:zij|hij|ik|we|wij|u|je|iemand|she|he|someone)\s+(?:een\s+)?(?:klacht|complaint|wil|wilt|wants|would)\b[^.!?\n]*/gi,
  SIGN_OFF_THANKS,
  // "Achteraf bleek het een misverstand en heb ik dus geen klacht meer": a complaint taken back.
  /(?<![^.!?\n])[^.!?\n]*\bgeen\s+klacht\s+meer\b[^.!?\n]*/gi,
  // Indignation asks no question: "waarom mag dat zomaar?" complains.
];

const COMPLAINT_FORM = /\bklachtenformulier\b|\bcomplaints?\s+form\b|\b(?:ingevulde?|bijgevoegde?)\s+formulier\b/i;

/** Rhetorical indignation counts as complaint even though it ends in a question mark. */
/** Complaint signals that name complaints without describing one. */
const WEAK_COMPLAINT_SIGNALS: ReadonlySet<string> = new Set(['complaint:complaint_word', 'complaint:subject', 'complaint:document_attached']);

/** A subject that names what the message is: "Klacht", "Bedankt!", "Vraag over ...", "Zorgen om ...". */
const SUBJECT_SIGNALS: Readonly<Record<ContentKind, RegExp>> = {
  complaint: /\b(?:klacht|complaint|bezwaar)\b|\b(?:niemand|nobody|no\s+one)\s+(?:reageert|antwoordt|belt|answers|replies|responds|calls)\b|\bgeen\s+(?:reactie|antwoord)\b|\bno\s+(?:response|reply|answer)\b/i,
  compliment: /\b(?:bedankt|bedankje|dank|dankjewel|compliment\w*|thank\s+you|thanks)\b/i,
  idea: /\b(?:idee|suggestie|tip|verbeter\w*|suggestion|idea)\b/i,
  question: /\b(?:vraag|vraagje|vragen|question|questions|informatie\s+over|info\s+over)\b/i,
  report: /\b(?:zorgen\s+(?:om|over)|zorgmelding|melding\s+(?:over|van)|worried\s+about|concern(?:s|ed)?\s+about)\b/i,
};

const INDIGNATION = signal('indignation', 2, /\b(?:is\s+(?:het|dit|dat)\s+(?:nou\s+|echt\s+)?normaal\s+dat|vinden\s+jullie\s+(?:het|dit|dat)\s+normaal|is\s+(?:this|it)\s+(?:really\s+)?(?:normal|acceptable)\s+(?:that|to)|wie\s+heeft\s+(?:jullie|u)\s+(?:daar|daarvoor|hiervoor)\s+(?:\w+\s+)?toestemming)\b|\bwaarom\b[^?\n]{0,80}\b(?:zomaar|nooit|niet\s+eens|zonder)\b|\bhoe\s+(?:kan|kunnen|durft|durven)\s+(?:jullie|u|het|een\s+medewerker|uw\s+medewerker)\b|\bhow\s+(?:can|could|dare)\s+(?:you|your|they)\b/i);

export interface KindDecision {
  kind: ContentKind;
  rule: string;
  /** The evidence was weak or conflicting: an officer decides; the sender gets a neutral receipt. */
  needsReview: boolean;
  /** Signals found, as `kind:signal` ids (never text). */
  signals: string[];
}

type Scores = Record<ContentKind, number>;

/**
 * `urgent` turns a message without a complaint into a report: someone in danger who writes to
 * this mailbox reports a situation, whatever words they use. `hasDocument`: a form or letter
 * attached to a short message is how some complainants send their complaint.
 */
export function classifyContent(text: string, subject: string, urgent: boolean, hasDocument = false, calendarInvite = false): KindDecision {
  // A meeting invitation's text is the calendar's, not a message to classify: an officer looks.
  if (calendarInvite && !urgent) return { kind: 'question', rule: 'calendar_invitation', needsReview: true, signals: ['question:calendar_invitation'] };
  const neutral = NEUTRALISE.reduce((out, pattern) => out.replace(pattern, ' '), `${subject}\n${text}`);
  const all = splitSentences(joinWrappedLines(neutral));
  const statements = all.filter((sentence) => !isQuestion(sentence));
  const questions = all.length - statements.length;
  const signals: string[] = [];
  const score = (kind: ContentKind, within: readonly string[]) => {
    let total = 0;
    for (const entry of KIND_SIGNALS[kind]) {
      if (within.some((sentence) => entry.pattern.test(sentence))) {
        total += entry.weight;
        signals.push(`${kind}:${entry.id}`);
      }
    }
    return total;
  };
  const scores: Scores = {
    complaint: score('complaint', statements),
    compliment: score('compliment', all),
    idea: score('idea', all),
    question: score('question', all) + Math.min(questions, 2),
    report: score('report', all),
  };
  if (all.some((sentence) => INDIGNATION.pattern.test(sentence))) {
    scores.complaint += INDIGNATION.weight;
    signals.push('complaint:indignation');
  }
  if (questions > 0) signals.push('question:question_mark');
  const cleanSubject = NEUTRALISE.filter((pattern) => pattern !== SIGN_OFF_THANKS).reduce((out, pattern) => out.replace(pattern, ' '), subject);
  for (const kind of Object.keys(SUBJECT_SIGNALS) as ContentKind[]) {
    if (SUBJECT_SIGNALS[kind].test(cleanSubject) && !(kind === 'complaint' && /\?\s*$/.test(cleanSubject))) {
      scores[kind] += 2;
      signals.push(`${kind}:subject`);
    }
  }
  if (hasDocument) {
    // A filled-in complaint form sent as an attachment is a complaint, however short the mail.
    const form = COMPLAINT_FORM.test(`${subject}\n${text}`);
    scores.complaint += form ? 2 : 1;
    signals.push(form ? 'complaint:complaint_form_attached' : 'complaint:document_attached');
  }
  const decide = (kind: ContentKind, rule: string, needsReview = false): KindDecision => ({ kind, rule, needsReview, signals });

  const general = decideByScores(scores, signals);
  if (!urgent) return { ...general, signals };
  // Someone in danger who mainly asks something ("mag ik vanavond naar mijn zus?") asks a question.
  if (general.kind === 'question' && !general.needsReview && scores.question >= URGENT_QUESTION_SCORE && scores.report < scores.question) {
    return decide('question', 'urgent_question');
  }
  return scores.complaint >= COMPLAINT_THRESHOLD && scores.complaint > scores.report ? decide('complaint', 'urgent_complaint') : decide('report', 'urgent_without_complaint');
}

/** The kind of a message without acute danger, from its scores and the signals found. */
function decideByScores(scores: Scores, signals: readonly string[]): Omit<KindDecision, 'signals'> {
  const decide = (kind: ContentKind, rule: string, needsReview = false) => ({ kind, rule, needsReview });
  const stated = signals.includes('complaint:complaint_stated');
  // A complaint stated or described outweighs the rest; only the word or a subject does not.
  const described = signals.some((id) => id.startsWith('complaint:') && !WEAK_COMPLAINT_SIGNALS.has(id));
  // On a tie, a proposal or a report says more than a question mark does.
  const others: ContentKind[] = ['report', 'idea', 'question', 'compliment'];
  const best = others.reduce((top, kind) => (scores[kind] > scores[top] ? kind : top), others[0] as ContentKind);
  // Thanks said twice over (a subject "Een bedankje" and praise) with one critical aside is a compliment.
  if (scores.compliment >= 2 * COMPLAINT_THRESHOLD && scores.compliment > scores.complaint && !stated) return decide('compliment', 'compliment_outweighs_complaint');
  if (scores.complaint >= COMPLAINT_THRESHOLD && (described || scores.complaint >= scores[best])) {
    if (scores.report > scores.complaint && !stated) return decide('report', 'report_outweighs_complaint');
    return decide('complaint', 'complaint_signals');
  }
  if (scores[best] >= 1 && scores[best] > scores.complaint) return decide(best, `${best}_signals`);
  return decide('complaint', scores.complaint > 0 ? 'weak_complaint_evidence' : 'no_evidence', true);
}

/** A question mark, or a question's word order without one ("mag ik als kind ook zelf een klacht indienen"). */
const QUESTION_START = /^\s*(?:(?:hallo|hoi|beste\s+\w+|vraag)[,:]?\s+)*(?:hoe\s+(?:kan|kun|moet|mag)\s+(?:ik|je|u|we|wij)\b|how\s+(?:can|do|should)\s+(?:I|we)\b|(?:mag|kan|kun|kunt|moet|hoe|wanneer|hoelang|heb|hebben|zijn|is\s+het|can|could|may|how|when|do|does|is\s+it|are\s+there|should)\s+(?:ik|je|jij|u|we|wij|er|het|I|you|we|it|there|long|lang)\b)/i;

function isQuestion(sentence: string): boolean {
  return /\?\s*$/.test(sentence) || QUESTION_START.test(sentence);
}

