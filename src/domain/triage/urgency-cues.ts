/**
 * The cues of acute danger, per rule, read per sentence (PATTERNS) or per paragraph
 * (PARAGRAPH_PATTERNS). How they are weighed against time and denial is in urgency.ts.
 */
export const URGENCY_RULES = [
  'accumulated_signs', 'learned_words', 'suicide', 'threat_to_life', 'weapon', 'violence', 'sexual_abuse', 'fear_of_return', 'stalking', 'forced_marriage_or_honour', 'child_in_distress',
  'child_alone', 'missing_person', 'neglect_now', 'unresponsive', 'locked_in', 'secrecy', 'call_for_help', 'not_safe',
] as const;
export type UrgencyRule = (typeof URGENCY_RULES)[number];
/**
 * Situations described over a few sentences ("staat buiten op de galerij. Op blote voeten. Het
 * vriest."): read per paragraph, and urgent only when the paragraph says it is now.
 */
export const PARAGRAPH_PATTERNS: Readonly<Partial<Record<UrgencyRule, RegExp>>> = {
  neglect_now: /\b(?:buiten|op\s+(?:de\s+)?(?:galerij|straat|balkon|stoep)|outside|on\s+the\s+(?:balcony|street|doorstep))\b[\s\S]{0,160}\b(?:vriest|vriezen|ijskoud|blote\s+voeten|freezing|barefoot)\b/i,
  child_in_distress: /\b(?:gilt|gillen|gillend|schreeuwt|geschreeuwd|schreeuwen|krijst|krijsen|huilt|huilen|screaming|screams|crying|cries|yelling)\b[\s\S]{0,200}\b(?:kind|kinderen|jochie|jongetje|meisje|baby|kleintje|child|kid|boy|girl)\b|\b(?:kind|kinderen|jochie|jongetje|meisje|baby|kleintje|child|kid|boy|girl)\b[\s\S]{0,200}\b(?:gilt|gillen|schreeuwt|krijst|huilt|screaming|screams|crying|cries)\b/i,
  // Parents gone and the children left: "Sinds vrijdagavond heb ik die moeder niet meer gezien. De kleintjes zijn daar."
  child_alone: /\b(?:moeder|vader|ouders|mama|papa|mother|father|parents|mum|mom|dad)\b[^.!?\n]{0,40}\bniet\s+meer\s+gezien\b[\s\S]{0,300}\b(?:kleintjes|kinderen|baby|kids|jongen|meisje)\b|\bhaven'?t\s+seen\s+(?:the|their)\s+(?:mother|father|parents|mum|mom|dad)\b[\s\S]{0,300}\b(?:children|kids|baby|boy|girl)\b/i,
  unresponsive: /\b(?:baby|kleine|kindje)\b[\s\S]{0,200}\b(?:hoor\s+ik\s+(?:\w+\s+){0,3}(?:niks|niets)\s+meer|(?:is\s+het|het\s+is)\s+(?:nu\s+)?(?:heel\s+|dood)?stil|(?:it'?s|it\s+is)\s+(?:now\s+)?(?:very\s+|completely\s+)?(?:quiet|silent))\b|\b(?:word|wordt)\s+niet\s+(?:meer\s+)?wakker\b|\b(?:ligt|lag)\s+op\s+de\s+(?:\w*vloer|grond)\b[\s\S]{0,80}\b(?:zegt\s+niks|zegt\s+niets|reageert\s+niet|beweegt\s+niet)\b|\b(?:is\s+)?lying\s+on\s+the\s+floor\b[\s\S]{0,80}\b(?:not\s+(?:moving|answering|responding))\b|\b(?:werd|wordt|werden)\s+niet\s+(?:meer\s+)?wakker\b|\b(?:reageert|reageerde)\s+(?:bijna\s+|helemaal\s+)?niet\s+(?:meer\b|op\b)|\b(?:unresponsive|not\s+responding|won't\s+wake\s+up|wouldn't\s+wake\s+up|niet\s+wakker\s+te\s+krijgen|bewusteloos|unconscious)\b/i,
  stalking: /\b(?:foto'?s?|photos?|pictures?)\b[\s\S]{0,120}\b(?:mijn|m'n|ons|onze|my|our)\s+(?:eigen\s+|own\s+)?(?:voordeur|huis|raam|slaapkamer\w*|deur|auto|dochter|zoon|kinderen|kind|front\s+door|house|window|car|bedroom|daughter|son|children|kids)\b/i,
};

/** Cues that describe a situation, not an act: urgent only when the sentence says it is now. */
export const ONLY_WHEN_NOW: ReadonlySet<UrgencyRule> = new Set(['child_alone']);

/** Injuries as people and doctors describe them. */
export const INJURY = String.raw`bloedverlies|drukplekken|puntbloedinkjes|petechi\w*|bloed(?:de|t|e|en)?\s+(?:bij|uit|aan)|blauwe\s+plekken|blauw\s+en\s+(?:geel|groen)|bont\s+en\s+blauw|black\s+and\s+blue|striem|de\s+plekken|blauwe?\s+(?:plek|oog|heup|arm|been)|hoofdwond|wonden|hematoom|striemen|brandwonden|letsel|verwondingen|bloedde|bruises?|black\s+eye|swollen\s+\w+|marks\s+on|welts|burns|injuries|bleeding`;

/** Words that sit between the parts of a cue: at most a few, within one sentence. */
export const GAP = String.raw`[^.!?\n]{0,60}`;

export const PATTERNS: Readonly<Record<UrgencyRule, readonly RegExp[]>> = {
  // Decided over the whole message from WEAK_SIGNS, not per sentence.
  accumulated_signs: [],
  // Decided over the whole message by the learned safety net (urgency-model.ts).
  learned_words: [],
  suicide: [
    // Affairs put in order: "voor Fenna heb ik een brief geschreven, voor later", "hij weet waar de papieren liggen".
    /\bbrie(?:f|fje|ven)\s+(?:\S+\s+){0,2}geschreven\b[^.!?\n]{0,30}\bvoor\s+later\b|\b(?:heb|heeft)\s+(?:ik\s+)?voor\s+\S+\s+(?:een\s+)?brie(?:f|fje)\s+geschreven,?\s+voor\s+later\b|\bweet\s+waar\s+de\s+(?:papieren|paperassen|documenten|testament)\s+liggen\b|\bletters?\s+(?:for\s+\S+\s+)?(?:to\s+read\s+)?for\s+later\b|\bknows\s+where\s+the\s+papers\s+are\b/i,
    // Looked up how: "ik heb al opgezocht hoe het moet en niemand merkt het toch".
    /\b(?:opgezocht|uitgezocht|gegoogeld|gegoogled)\s+hoe\s+(?:het\s+moet|je\s+het\s+doet)\b(?!\s+(?:met|bij|voor|als|om)\b)|\b(?:looked\s+up|googled|researched)\s+how\s+to\s+do\s+it\b/i,
    /\b(?:zelfmoord|zelfdoding|suïcid\w*|suicid\w*|suicide)\b/i,
    /\b(?:een\s+)?eind(?:e)?\s+(?:aan\s+)?(?:mijn|m'n|zijn|haar|het)\s+leven\b|\ber\s+een\s+eind(?:e)?\s+aan\s+(?:maken|te\s+maken)\b/i,
    /\b(?:ik|hij|zij|ze)\s+(?:wil|wilt|willen)\s+(?:echt\s+)?(?:dood|niet\s+meer\s+(?:leven|verder|bestaan|wakker\s+worden))\b/i,
    /\bniet\s+meer\s+(?:willen\s+)?(?:leven|verder\s+leven|bestaan|wakker\s+worden)\b/i,
    /\b(?:zie|ziet|zien|zag)\s+(?:het|alles)\s+(?:echt\s+|helemaal\s+)?niet\s+meer\s+zitten\b|\bgeen\s+uitweg\s+meer\b/i,
    /\b(?:mezelf|mijzelf|zichzelf|m'zelf)\s+(?:iets\s+)?(?:aan\s+(?:te\s+)?doen|aandoen|van\s+kant|snijden|pijn\s+doen|beschadigen)\b/i,
    /\b(?:snijd|snij|sneed|snijdt)\s+(?:me|mij|mezelf|mijzelf|zichzelf|zich)\b|\bkrassen\s+in\s+(?:mijn|haar|zijn)\s+(?:arm|armen|been|benen)\b/i,
    new RegExp(String.raw`\b(?:pillen|tabletten|medicijnen|slaappillen|strips|strip\s+pillen)\b${GAP}\b(?:innemen|in\s+te\s+nemen|nemen|slikken|ingenomen|geslikt|klaar|klaargelegd|verzameld|opgespaard|gespaard|bewaard|weggehaald|gestolen|meegenomen|allemaal)\b`, 'i'),
    /\b(?:niemand|iedereen|jullie)\b[^.!?\n]{0,15}\b(?:meer\s+)?tot\s+last\b|\bno\s+longer\s+(?:be\s+)?a\s+burden\b|\bnot\s+(?:be\s+)?a\s+burden\b[^.!?\n]{0,25}\bany\s?more\b/i,
    new RegExp(String.raw`\b(?:alle|al\s+mijn|al\s+m'n)\s+(?:pillen|tabletten|medicijnen)\b`, 'i'),
    /\b(?:overdosis|overdose)\b/i,
    // An overdose said by what was taken: "de hele strip oxazepam genomen", "took all her sleeping pills".
    /\b(?:hele|volle|all\s+(?:of\s+)?(?:her|his|my|the)|a\s+whole|the\s+whole)\s+(?:strip|strips|doos|doosje|pot|potje|box|bottle|pack|packet)\b|\b(?:oxazepam|diazepam|temazepam|lorazepam|oxycodon\w*|tramadol|paracetamol|ibuprofen|insuline|slaappillen|slaaptabletten|antidepressiva|sleeping\s+pills|painkillers)\b[^.!?\n]{0,40}\b(?:genomen|ingenomen|geslikt|opgegeten|took|taken|swallowed)\b|\b(?:genomen|ingenomen|geslikt|took|taken|swallowed)\b[^.!?\n]{0,30}\b(?:oxazepam|diazepam|temazepam|lorazepam|oxycodon\w*|tramadol|paracetamol|slaappillen|slaaptabletten|sleeping\s+pills|painkillers)\b/i,
    // Giving things away: "zei dat zijn zus zijn playstation en zijn fiets mag hebben", "she can have my bike".
    /\b(?:zijn|haar|mijn|m'n)\s+\w+(?:\s+en\s+(?:zijn|haar|mijn|m'n)\s+\w+)?\s+(?:mag|mogen|kan|kunnen)\s+(?:\w+\s+)?hebben\b|\b(?:can|may)\s+have\s+(?:my|all\s+my)\s+\w+|\b(?:weggegeven|geeft\s+(?:al\s+)?zijn\s+spullen\s+weg|giving\s+away\s+(?:his|her|my)\s+(?:things|stuff)|gave\s+away\s+(?:his|her|my)\s+(?:things|stuff))\b|\b(?:het|alles)\s+(?:allemaal\s+)?niet\s+meer\s+hoeft\b/i,
    /\b(?:hoef|hoeft)\s+(?:ik|hij|zij|ze)\s+(?:er\s+)?niet\s+meer\s+(?:tegen\s+)?(?:te\s+)?vechten\b|\b(?:don't|won't)\s+have\s+to\s+fight\s+(?:it\s+)?any\s?more\b|\b(?:doosjes|dozen|strips|pakjes|boxes\s+of)\s+(?:paracetamol|pijnstillers|slaaptabletten|slaappillen|oxazepam|temazepam|painkillers|sleeping\s+pills)\b/i,
    /\beindelijk\s+(?:rust|rustig)\b|\brustig\s+(?:wordt\s+|worden\s+)?in\s+(?:mijn|zijn|haar)\s+hoofd\b|\b(?:finally|at\s+last)\s+(?:be\s+)?(?:at\s+peace|quiet)\b|\b(?:hoop|stapel|handvol|berg|bunch|handful|pile)\s+(?:van\s+)?(?:strips|pillen|tabletten|pills|tablets)\b/i,
    /\b(?:collect\w*|sav\w*|hoard\w*|stockpil\w*|verzamel\w*|spaar\w*|opgespaard)\b[^.!?\n]{0,40}\b(?:pills|tablets|pillen|tabletten|medicijnen|slaappillen)\b/i,
    /\b(?:zeg|vertel)\s+(?:tegen\s+)?\w+(?:\s+en\s+\w+)?\s+dat\s+(?:ik|papa|mama)\b[^.!?\n]{0,30}\b(?:hou|houd|houdt|best\s+(?:heb|heeft)\s+gedaan|spijt)\b|\btell\s+(?:my\s+\w+|them|\w+(?:\s+and\s+\w+)?)\s+(?:that\s+)?I\s+(?:love|tried|am\s+sorry|did\s+my\s+best)\b/i,
    /\ber\s+(?:gewoon\s+|echt\s+|dan\s+)?niet\s+meer\s+(?:ben|zijn|zou\s+zijn)\b|\bniet\s+meer\s+(?:hier\s+)?(?:zijn|ben)\s+(?:morgen|straks|dan)\b/i,
    /\bhoeft\s+(?:het\s+)?(?:voor\s+mij\s+|voor\s+mijzelf\s+)?(?:allemaal\s+|echt\s+|gewoon\s+|eigenlijk\s+)?niet\s+meer\b/i,
    /\bbeter\s+af\b[^.!?\n]{0,20}\bzonder\s+(?:mij|me)\b|\bbetter\s+off\s+without\s+me\b/i,
    /\b(?:touw|strop)\s+(?:gekocht|klaar|opgehangen)\b|\b(?:bought|got)\s+a\s+rope\b/i,
    /\b(?:afscheidsbrie[fv]\w*|(?:goodbye|farewell|suicide)\s+(?:letters?|notes?))\b|\b(?:brie[fv]\w*|letters?)\s+(?:geschreven|written)\s+(?:voor|aan|to|for)\b[^.!?\n]{0,60}\b(?:waarom|why|kitchen\s+table|keukentafel|afscheid|goodbye)\b|\bwritten\s+letters?\s+to\b/i,
    /\b(?:zorg|zorgen|vertel|zeg)\b[^.!?\n]{0,40}\bdat\s+het\s+niet\s+(?:hun|jouw|zijn|haar|jullie)\s+schuld\s+is\b|\b(?:make\s+sure|tell)\b[^.!?\n]{0,40}\b(?:it\s+(?:is|was)n't|it\s+(?:is|was)\s+not)\s+(?:their|your|his|her)\s+fault\b|\b(?:om|to)\s+(?:gedag|dag|vaarwel|goodbye)\s+(?:te\s+)?(?:zeggen|say)\b|\bbrieven\s+voor\s+\p{Lu}\w+\s+en\s+\p{Lu}\w+/iu,
    /\b(?:ben|zijn)\s+(?:ik|we|wij)\s+er\s+(?:gewoon\s+|echt\s+)?niet\s+meer\b|\bbrie(?:f|ven)\s+(?:geschreven\s+)?(?:voor|aan)\s+\p{Lu}\w+(?:,\s*\p{Lu}\w+)*\s+en\s+|\b(?:pillen|tabletten|slaaptabletten|slaappillen|medicijnen|pills|tablets|sleeping\s+pills)\b[^.!?\n]{0,40}\b(?:opgespaard|gespaard|verzameld|saved|collected|hoarded|stockpiled)\b|\b(?:genoeg|enough)\s+(?:voor\s+ons\s+(?:allebei|beiden|allemaal)|for\s+(?:both|all)\s+of\s+us)\b|\b(?:niet\s+wil|wil\s+niet|don't\s+want)\s+(?:dat\s+)?(?:onze|mijn|de|our|my|the)\s+(?:kinderen|kids|children|dochter|zoon)\s+(?:ons|mij|me|us)\s+(?:vinden|find)\b/iu,
    /\bniet\s+meer\s+aan(?:treffen|treft)\b|\b(?:mijn|m'n)\s+zaken\s+(?:inmiddels\s+)?geregeld\b|\bzaken\s+(?:inmiddels\s+)?geregeld\b|\b(?:kat|hond|katten|honden|huisdier\w*|poes)\s+(?:\w+\s+){0,2}(?:bij|naar)\s+(?:de\s+|mijn\s+)?\w+\s+(?:gebracht|ondergebracht)\b|\b(?:is|zijn)\s+bij\s+(?:mijn\s+)?\w+\s+ondergebracht\b|\bbrieven\s+voor\s+(?:de|mijn|onze)\s+kinderen\b|\bhoeven\s+(?:jullie|u)\s+(?:je|zich|u)\s+(?:over\s+mij\s+)?(?:ook\s+)?geen\s+zorgen\s+meer\b|\bwon'?t\s+have\s+to\s+worry\s+about\s+me\b/i,
    /\b(?:zaken|papieren|alles)\s+(?:op\s+orde\s+gebracht|geregeld\s+voor\s+als)\b|\b(?:affairs|things)\s+in\s+order\b/i,
    /\b(?:leven|life)\b[^.!?\n]{0,20}\b(?:geen|no)\s+(?:zin|point|meaning)\b|\bgeen\s+zin\s+meer\s+in\s+(?:het|mijn|dit)\s+leven\b|\bniet\s+meer\s+wakker\s+(?:word|worden|te\s+worden)\b|\b(?:niemand|nobody)\s+(?:zal|zou|would|will)\s+(?:me|mij)\s+(?:missen|miss)\b|\bafscheid\s+(?:genomen|nemen)\s+(?:van|of)\s+(?:mijn|m'n|de)\s+(?:kinderen|kids|familie|moeder|vader|children|family)\b|\bsaid\s+goodbye\s+to\s+(?:my|the)\b/i,
    /\b(?:won't|will\s+not|wont)\s+be\s+(?:here|around|alive)\b|\ber\s+(?:morgen\s+|straks\s+)?niet\s+meer\s+(?:zijn|ben|zal\s+zijn)\b/i,
    /\bI\s+can'?t\s+(?:do|take)\s+(?:this|it)\s+any\s?more\b|\bik\s+kan\s+(?:het\s+|dit\s+)?niet\s+meer\s*[.!]*\s*$/i,
    /\b(?:kill|hurt|harm|cut)(?:ing)?\s+(?:myself|herself|himself|themselves)\b|\bself[- ]harm\w*\b/i,
    /\b(?:end|ending|take|taking)\s+(?:it\s+all|my\s+(?:own\s+)?life|her\s+(?:own\s+)?life|his\s+(?:own\s+)?life)\b/i,
    /\b(?:want|wants|going)\s+to\s+die\b|\b(?:don't|do\s+not)\s+want\s+to\s+(?:live|be\s+here|wake\s+up)\b|\bno\s+reason\s+to\s+live\b/i,
    new RegExp(String.raw`\b(?:pills|tablets)\b${GAP}\b(?:take|taking|swallow|ready|tonight|all\s+of\s+them)\b|\b(?:take|swallow)\b${GAP}\b(?:pills|tablets)\b`, 'i'),
  ],
  threat_to_life: [
    // Second-language words for a threat to kill: "daar ze maken mij dood voor de schande".
    /\b(?:maken|maakt|gaan|gaat)\s+(?:\S+\s+){0,2}(?:mij|me|haar|hem|ons|jou|mijn\s+\w+)\s+dood\b|\b(?:mij|me|haar|ons)\s+dood\s*(?:maken|te\s+maken)\b/i,
    // "Het is vanavond afgelopen met dat gedoe", her phone taken so she "niemand meer gaat bellen"
    // (a teenager's own phone taken as a punishment is not this).
    /\b(?:vanavond|vannacht|straks|morgen|tonight)\s+(?:is\s+(?:het\s+)?)?afgelopen\s+(?:is\s+)?met\b|\bafgelopen\s+is\s+met\s+(?:dat|dit|jou|haar|hem|het)\b|\bniemand\s+meer\s+(?:gaat|zal|kan)\s+bellen\b|\bhaar\s+(?:telefoon|mobiel)\s+(?:\S+\s+){0,2}(?:ingenomen|afgepakt|afgenomen)\b|\b(?:took|has\s+taken)\s+her\s+phone\b/i,
    // Veiled threats: "dat hij mama morgen weg gaat doen", "oprotten voordat er ongelukken gebeuren".
    /\b(?:mama|papa|haar|hem|mij|me|jou|ons|de\s+kinderen|mijn\s+(?:vrouw|man|moeder|vader|dochter|zoon))\s+(?:\S+\s+){0,2}weg\s+(?:gaat\s+|zal\s+|wil\s+)?doen\b|\bvoordat\s+er\s+(?:ongelukken|ongelukjes|ongelukken\s+van\s+komen|iets\s+ergs)\s+(?:gebeuren|gebeurt)\b|\bbefore\s+(?:there\s+(?:is|are)\s+an?\s+accidents?|accidents\s+happen|someone\s+gets\s+hurt)\b|\bget\s+rid\s+of\s+(?:her|him|you|them|mum|mom|dad)\b/i,
    // Taking a child away for good: "dan ga ik met Tim ergens heen waar niemand ons meer lastigvalt, voor altijd".
    /\bergens\s+heen\s+(?:gaan|gaat|ga)\s+waar\s+niemand\b|\b(?:waar|where)\s+(?:niemand|nobody|no\s+one)\s+(?:ons|us)\s+(?:meer\s+|ever\s+)?(?:lastigvalt|vindt|kan\s+vinden|will\s+(?:ever\s+)?find|can\s+find|bothers)\b|\bsamen\b[^.!?\n]{0,60}\bvoor\s+altijd\s*[.!"”]/i,
    // Murder-suicide said as taking everyone along: "dat hij ons alle drie meeneemt", "neem jullie mee in mijn graf".
    /\b(?:ons|jullie|hen|haar\s+en\s+de\s+kinderen)\s+(?:allemaal|alle\s+(?:twee|drie|vier|vijf)|allebei|met\s+z'?n\s+\w+)\s+(?:mee(?:neemt|nemen|neem)|mee\s+(?:neemt|nemen|neem))\b|\b(?:neem|neemt|nemen)\s+(?:ik\s+|hij\s+|zij\s+)?(?:ons|jullie|hen)\s+(?:allemaal|alle\s+(?:twee|drie|vier|vijf)|allebei)\s+mee\b|\bmee\s+de\s+dood\s+in\b|\bmee\s+(?:in|naar)\s+(?:zijn|mijn|het|haar)\s+graf\b|\btake\s+(?:us|you|them)\s+all\s+(?:with\s+(?:him|me|her)|down\s+with\s+(?:him|me|her))\b|\btake\s+(?:us|you|them)\s+down\s+with\s+(?:him|me|her)\b/i,
    /\b(?:vermoord\w*|vermoorden|doodmaken|dood\s+(?:te\s+)?maken|doodsteken|neersteken|neerschieten|dood\s+(?:te\s+)?schieten|ombrengen|om\s+te\s+brengen|af\s+te\s+maken|afmaken|abmurksen)\b/i,
    /\b(?:ik|hij|zij|ze)\s+(?:maak|maakt)\s+(?:je|jou|jullie|u|haar|hem|ons|me|mij)\s+(?:af|dood|kapot)\b/i,
    /\b(?:je|jou|u|jullie|haar|hem|ons|mij|me|jullie\s+allemaal)\s+(?:maak|maakt|maken)\s+(?:ik|hij|zij|ze|we|wij)\s+(?:af|dood|kapot)\b/i,
    /\b(?:je|jij|u)\s+(?:gaat|bent)\s+(?:eraan|er\s+aan|dood)\b|\b(?:ik|hij)\s+(?:weet|vind|vindt)\s+(?:je|jou|haar|ons|mij|me)\s+(?:wel\s+)?(?:te\s+vinden|wel)\b|\b(?:het|dit)\s+(?:af\s*maken|afmaken)\b|\b(?:het|dit)\s+af\s+(?:gaat|zal|komt|gaan)\s+maken\b|\bmaakt?\s+(?:het|er)\s+(?:een\s+)?(?:af|einde\s+aan)\s+(?:met|voor)\s+(?:ons|mij|haar|jou)\b/i,
    /\bde\s+trap\b[^.!?\n]{0,30}\bmissen\b|\bmiss\s+the\s+stairs\b|\bop\s+(?:zijn|haar|mijn)\s+eigen\s+manier\b[^.!?\n]{0,30}\boplossen\b|\b(?:gaat|ga)\s+(?:het\s+)?(?:zelf|in\s+eigen\s+hand)\s+(?:oplossen|nemen)\b|\btake\s+matters\s+into\s+(?:his|her|my)\s+own\s+hands\b|\b(?:we\s+have|hebben\s+we)\s+time\s+together\b|\bonly\s+(?:the\s+)?two\s+of\s+us\b/i,
    /\blaatste\s+keer\s+(?:was\s+)?dat\s+(?:je|jij|ik|ze|zij)\s+(?:mij|me|hem|haar)\s+tegen\w*|\bthis\s+is\s+where\s+it\s+ends\b|\bfor\s+all\s+(?:three|four|two|five)\s+of\s+us\b|\bhier\s+(?:houdt\s+het\s+op|eindigt\s+het)\b|\b(?:hoef|hoeft)\s+(?:ik|je|jij|ze|zij)\s+niet\s+meer\s+thuis\s+te\s+komen\b/i,
    /\b(?:zul|zal)\s+je\s+wat\s+beleven\b|\bje\s+zult\s+wat\s+beleven\b|\b(?:dan\s+)?(?:gaan|gaat)\s+we\s+(?:allebei|alle\s+twee|samen\s+dood)\b|\bthen\s+we\s+(?:both|all)\s+go\b|\bhaal\s+(?:je|jij|ze|zij)\s+(?:\w+\s+)?(?:niet|nooit)\b|\b(?:vindt|vind|vinden)\s+(?:hij|ze|zij)\s+(?:me|mij|ons|haar)\s+overal\b|\b(?:me|mij|ons|haar)\s+overal\s+(?:vindt|vinden|zal\s+vinden|weet\s+te\s+vinden)\b/i,
    /\bwel\s+(?:zien|zie|ziet|zult\s+zien)\s+wat\s+er\s+(?:gebeurt|gaat\s+gebeuren|van\s+komt)\b|\bdan\s+(?:zul|zal)\s+je\s+(?:het\s+)?(?:merken|zien|voelen)\b|\bje\s+zult\s+het\s+(?:merken|voelen)\b|\b(?:you'll|you\s+will)\s+(?:see|find\s+out)\s+what\s+happens\b|\b(?:you'll|you\s+will)\s+(?:regret|pay\s+for)\s+(?:it|this)\b|\bdaar\s+(?:ga|zal)\s+je\s+spijt\s+van\s+krijgen\b/i,
    /\b(?:you're|you\s+are|you'll\s+be)\s+dead\b|\b(?:finish|end)\s+(?:it|this|you|her|me|us)\s+(?:for\s+good|once\s+and\s+for\s+all|tonight)\b|\bsaid\s+(?:he|she)\s+(?:would|will|'d)\s+finish\b|\b(?:find|get)\s+(?:you|me|her|us)\s+(?:wherever|no\s+matter)\b/i,
    /\b(?:is\s+het|het\s+is)\s+(?:dan\s+)?afgelopen\s+met\s+(?:haar|hem|jou|je|mij|me|ons|jullie)\b|\b(?:als|wanneer)\s+(?:ik|je|jij|ze|zij)\s+(?:wegga|weggaat|vertrek|vertrekt|wegloop|scheid\w*|het\s+(?:vertel|vertelt|zeg|zegt))\b[^.!?\n]{0,80}\b(?:iets\s+aan\w*|vermoord\w*|dood|afgelopen|pijn)|\bif\s+(?:I|you|she)\s+(?:leave|leaves|tell|tells)\b[^.!?\n]{0,80}\b(?:kill|hurt|harm|do\s+something)\b/i,
    /\bwat\s+er\s+ook\s+gebeurt\b|\bno\s+matter\s+what\b|\bwhatever\s+it\s+takes\b|\bwait\s+(?:till|until)\s+(?:tonight|later|i\s+get\s+home)\b|\bwacht\s+maar\s+tot\s+(?:vanavond|straks|ik\s+thuis)\b|\bfinish\s+it\s+for\s+(?:all\s+of\s+us|us|everyone)\b|\bhe'?ll\s+find\s+(?:her|me|us)\b/i,
    /\b(?:het|de)\s+(?:weekend|week|kerst|nacht|maand)\s+niet\s+(?:haal|haalt|halen|overleef|overleeft)\b|\bwon't\s+(?:make\s+it|survive)\s+(?:the|this|until|to)\b|\b(?:gaan|zullen|komen)\s+(?:het\s+)?rechtzetten\b/i,
    /\b(?:me|mij|haar|hem|ons|jou|je|de\s+kinderen|het\s+kind|de\s+baby)\s+iets\s+(?:zal|zou|gaat|gaan|zullen)\s+(?:aandoen|aan\s+doen)\b|\biets\s+(?:aandoen|aan\s+te\s+doen)\s+als\b|\b(?:will|would)\s+(?:hurt|harm|do\s+something\s+to)\s+(?:her|him|me|us|the\s+(?:kids|children|baby))\s+if\b/i,
    /\b(?:vrees|bang|angst)\s+(?:voor|om)\s+(?:mijn|ons|haar|zijn)\s+(?:eigen\s+)?leven\b|\b(?:fear|afraid|scared)\s+for\s+(?:my|our|her|his|their)\s+(?:life|lives|safety)\b/i,
    /\b(?:dreigt|dreigde|dreigden|dreigen|bedreigt|bedreigde|bedreigden|bedreigen|gedreigd|bedreigd)\b/i,
    /\b(?:doods)?bedreiging(?:en)?\s+(?:aan|tegen|richting|naar)\s+(?:mij|ons|haar|hem|mijn|de\s+kinderen)\b|\bdoodsbedreiging\w*\b/i,
    // "stab", not the Dutch "stabiel" (stable) that care reports use every day.
    /\b(?:kill|killed|killing|murder\w*|stab(?:s|bed|bing)?|shoot|shot\s+(?:me|her|him|us))\b/i,
    /\b(?:burn|burning|torch)\s+(?:down\s+)?(?:the|my|our|your|her)\s+(?:house|home|flat|apartment|place)\b|\bset\s+(?:fire\s+to|\w+\s+on\s+fire)\b|\bin\s+(?:brand|de\s+fik)\s+(?:steken|steekt|steek|stak|staken|zetten|zet|zette|gestoken|gezet)\b/i,
    /\b(?:he|she|they)\s*(?:will|would|is\s+going\s+to|are\s+going\s+to|'ll)\s+(?:hurt|kill|burn|stab|shoot|beat|come\s+for|get)\s+(?:me|us|her|him|the\s+(?:baby|kids|children)|my)\b/i,
    /\b(?:hij|zij|ze)\s+(?:gaat|zal|komt)\s+(?:me|mij|ons|haar|hem|de\s+kinderen|de\s+baby|mijn\s+\w+)\s+(?:pijn\s+doen|iets\s+aandoen|halen|pakken|te\s+grazen\s+nemen)\b/i,
    /\bthreaten(?:s|ed|ing)?\b|\bthreats?\s+(?:to|against)\s+(?:me|us|my|her|him|the)\b|\bdeath\s+threats?\b/i,
    // Taking the children away: "I won't see the kids again", "dat ik ze nooit meer zie", "hij heeft hun paspoorten".
    /\b(?:won't|will\s+not|will\s+never|never)\s+see\s+(?:the|my|our|her|his)\s+(?:kids|children|son|daughter|baby)\s+again\b|\b(?:de|mijn|onze|haar|zijn)\s+(?:kinderen|kids|zoon|dochter|baby|zoontje|dochtertje)\s+(?:nooit\s+)?(?:niet\s+)?meer\s+(?:zie|ziet|zien|terugzie|terugziet)\b|\b(?:zie|ziet)\s+(?:ik|je|jij|ze|zij)\s+(?:de|mijn|haar|je)\s+(?:kinderen|kids|zoon|dochter)\s+(?:nooit\s+)?(?:niet\s+)?meer\b|\b(?:neemt|pakt)\s+(?:hij|zij|ze)\s+(?:haar|mijn|de|je)\s+(?:kinderen|zoon|zoontje|dochter|dochtertje|baby)\s+af\b|\b(?:kids'?|children'?s?|kinderen)\s+(?:passports?|paspoorten)\b|\bpaspoorten\s+van\s+de\s+kinderen\b|\b(?:ik|je|jij|we|wij)\s+(?:ze|hen)\s+(?:dan\s+)?(?:nooit|niet)\s+meer\s+(?:zie|zien|terugzie|terugzien)\b|\b(?:heeft|houdt|hield|had|pakte|nam)\s+(?:hun|de)\s+paspoorten\b|\b(?:has|kept|keeps|took)\s+their\s+passports\b/i,
    // "You can't leave", "next time he won't let go": a threat that still stands.
    /\bje\s+(?:kan|kunt)\s+(?:niet|nooit)\s+weg\b|\byou\s+(?:can't|cannot|will\s+never)\s+(?:leave|get\s+away|escape)\b|\bnext\s+time\s+(?:he|she)\s+(?:won't|will\s+not)\s+(?:let\s+go|stop)\b|\bvolgende\s+keer\s+(?:laat\s+(?:hij|ze|zij)\s+niet\s+(?:meer\s+)?los|stopt\s+(?:hij|ze|zij)\s+niet)\b/i,
  ],
  weapon: [
    // A weapon never named, being made ready: "het ding uit de schuur gehaald en schoongemaakt, met een flesje olie".
    /\b(?:het|dat|zijn)\s+ding\b[^.!?\n]{0,80}\b(?:schoongemaakt|schoonmaakt|olie|geolied|ingevet|geladen)\b|\b(?:the|that|his)\s+thing\b[^.!?\n]{0,80}\b(?:cleaned|cleaning|oiled|oiling|loaded|loading)\b/i,
    /\b(?:keuken|brood|vlees|groente|fileer|hak|stanley|zak|vlinder|steek|slag|vuur|jacht|alarm|schiet)?(?:mes|messen|mesje|wapen|wapens|geweer|geweren|pistool|pistolen)\b|\b(?:bijl|honkbalknuppel|knuppel|revolver|schaar\s+(?:op|tegen))\b/i,
    /\b(?:knife|knives|gun|guns|handgun|shotgun|weapon|weapons|pistol|rifle|axe|baseball\s+bat|machete)\b|\b(?:uses?|used)\s+for\s+hunting\b|\bvoor\s+de\s+jacht\b|\bhunting\s+(?:stuff|gear|things|rifles?|knife|knives|equipment|weapons?)\b|\bjacht(?:spullen|geweer|geweren|wapens?|mes|uitrusting)\b/i,
  ],
  violence: [
    // The signs of strangling in a clinician's note: "petechiën in gelaat en oogwitten, drukplekken halsregio".
    /\b(?:petechi\w*|puntbloedinkjes)\b[^.!?\n]{0,80}\b(?:hals\w*|nek|keel|oogwit\w*|gelaat|face|neck|eyes?)\b|\bdrukplekken\s+(?:in\s+de\s+|op\s+de\s+|aan\s+de\s+)?(?:hals|nek|keel)\w*|\bpetechiae\b|\bpinpoint\s+(?:bleeding|haemorrhages?|hemorrhages?)\b|\b(?:marks|bruises)\s+on\s+(?:her|his)\s+(?:neck|throat)\b/i,
    // Strangling said as what was done to the neck: "mama's nek heeft vastgepakt tot ze heel stil was".
    /\b(?:nek|keel|hals)\s+(?:\S+\s+){0,2}(?:vastgepakt|vastgegrepen|dichtgeknepen|dichtgedrukt|dichtgeduwd)\b|\b(?:vastgepakt|dichtgeknepen|dichtgedrukt)\s+(?:\S+\s+){0,2}(?:nek|keel|hals)\b|\btot\s+(?:ze|zij|hij|ik)\s+(?:heel\s+)?stil\s+(?:was|werd)\b/i,
    /\b(?:slaat|sloeg|sloegen|slaan|geslagen|schopt|schopte|geschopt|wurgt|wurgde|gewurgd|wurgen|stompt|stompte|gestompt|mishandelt|mishandelde|mishandeld|aangevallen|in\s+elkaar\s+geslagen|verkracht\w*|aangerand)\b/i,
    /\b(?:keel\s+(?:dicht)?(?:geknepen|dichtknijpen|dichtgeknepen)|bij\s+(?:mijn|haar|zijn)\s+keel|(?:me|mij|haar|hem|ons|de\s+kinderen|mijn\s+\w+)\s+pijn\s+(?:gedaan|doet|doen|deed))\b/i,
    /\b(?:heeft|hebben|had)\s+(?:me|mij|haar|hem|ons|mijn\s+\w+)\s+(?:seksueel\s+)?misbruikt\b/i,
    /\b(?:heeft|hebben|had)\s+(?:me|mij|haar|hem|ons|het\s+kind|mama|papa|mijn\s+\w+|de\s+\w+)\s+(?:(?!niet\b|nooit\b)\S+\s+){0,5}(?:geduwd|gestompt|getrapt|gebeten)\b|\b(?:pushed|shoved|kicked|bit)\s+(?:me|her|him|us|the\s+(?:child|baby))\b/i,
    /\b(?:drukte|druk|drukt|kneep|knijpt|handen|hand|hands|squeez\w*|grabbed|pressed|held|holds|hield|houdt|pakte|greep)\b[^.!?\n]{0,30}\b(?:keel|nek|hals|throat|neck)\b|\b(?:went|goes|going)\s+(?:a\s+bit\s+)?(?:grey|gray|black|dark)\b|\b(?:werd|wordt)\s+(?:alles\s+)?(?:grijs|zwart)\b|\b(?:alles\s+zwart\s+werd|zwart\s+zag|saw\s+black|blacked\s+out|(?:het\s+)?bewustzijn\s+verlo\w+|lost\s+consciousness|zwart\s+voor\s+(?:mijn|m'n)\s+ogen|geen\s+lucht\s+(?:meer\s+)?(?:kreeg|krijgen)|(?:couldn't|could\s+not)\s+breathe|passed\s+out|buiten\s+bewustzijn)\b/i,
    /\b(?:mijn|m'n|haar|zijn)\s+hoofd\s+(?:tegen|op)\s+(?:de|het|een)\s+\w+\s+(?:geduwd|geslagen|gebonkt|gegooid|geramd|duwde|sloeg)\b|\b(?:schudt|schudde|geschud|shakes|shook|shaking)\b[^.!?\n]{0,40}\b(?:baby|broertje|zusje|kind|kleine|zoontje|dochtertje)\b|\b(?:baby|broertje|zusje|kleine)\b[^.!?\n]{0,40}\b(?:schudt|schudde|geschud|shakes|shook|shaking)\b|\bslammed\s+my\s+head\b/i,
    /\b(?:klap|klappen|stomp|stompen|schop|schoppen|trap|trappen|kopstoot|vuistslag|duw|duwen|por)\b[^.!?\n]{0,30}\b(?:gegeven|gekregen|gehad|verkocht|gegeven)\b|\b(?:gaf|geeft|gaven)\s+(?:me|mij|haar|hem|ons|het\s+kind|mijn\s+\w+)\s+(?:een\s+)?(?:klap|klappen|stomp|schop|trap|kopstoot|duw|por)\b|\b(?:met\s+(?:de|een)\s+riem|met\s+de\s+vuist)\b/i,
    /\b(?:hit|hits|hitting|beat|beats|beating|beaten|punch\w*|kick(?:s|ed|ing)|chok\w*|strangl\w*|attack\w*|assault\w*|rape[ds]?|raping|hurt(?:s|ing)?\s+(?:me|her|him|us|them|the\s+(?:kids|children|baby)|my\s+\w+))\b/i,
    /\b(?:is|are|wordt|worden)\s+(?:being\s+)?(?:abused|mishandeld|misbruikt)\b/i,
    // Burns the size of a cigarette's end on a child are never an accident to wait on.
    /\bsigaret\w*\b[^.!?\n]{0,40}\b(?:wond\w*|brand\w*|plek\w*)\b|\b(?:wond\w*|brandw\w*|plek\w*)\b[^.!?\n]{0,100}\bsigaret\w*|\bcigarette\s+burns?\b/i,
    /\b(?:gooit|gooide|smijt|smeet)\s+(?:met\s+)?(?:spullen|borden|stoelen|dingen|alles)\b|\bslaat\s+(?:alles|de\s+boel|het\s+huis)\s+(?:kapot|kort\s+en\s+klein)\b|\b(?:throwing|smashing|breaking)\s+(?:things|stuff|plates|furniture|everything)\b/i,
    /\b(?:dronken|drunk|stoned|high)\b[^.!?\n]{0,40}\b(?:agressie\w*|agressie[fv]\w*|aggressiv\w*|violent|woedend|schreeuwt|shouting|screaming|slaat|hits)|\b(?:agressie[fv]\w*|aggressive|violent)\b[^.!?\n]{0,40}\b(?:dronken|drunk|drinking|gedronken)\b/i,
    /\b(?:sloot|sluit)\s+(?:me|mij|haar|hem|het\s+kind|de\s+kinderen|ons)\s+op\b|\b(?:heeft|had)\s+(?:me|mij|haar|hem|het\s+kind|de\s+kinderen|ons)\s+opgesloten\b|\blocked\s+(?:me|her|him|the\s+(?:child|kids|children)|us)\s+(?:in|up)\b/i,
  ],
  sexual_abuse: [
    /\bdingen\s+(?:doen|moet\s+doen|laten\s+doen)\s+die\s+ik\s+niet\s+wil\b|\baan\s+(?:me|mij)\s+(?:zitten|zit|zat)\b|\b(?:ons|een)\s+geheim(?:pje)?\b[^.!?\n]{0,40}\b(?:vertel|zeg|mag|niet)\b|\b(?:makes?|made)\s+me\s+do\s+things\b|\btouch(?:es|ed|ing)?\s+me\b|\bour\s+(?:little\s+)?secret\b|\b(?:komt|kwam|comes?|came)\s+(?:\w+\s+)?(?:op|in|into|to)\s+(?:mijn|my)\s+(?:kamer|bed|room)\b/i,
    /\b(?:zorgen|make\s+sure)\s+(?:dat|that)\s+(?:hij|zij|ze|he|she)\s+(?:vannacht|vanavond|tonight|morgen)\s+niet\s+(?:komt|thuis|comes?)\b/i,
  ],
  fear_of_return: [
    /\b(?:vanavond|vannacht|straks|morgen|tonight)\s+(?:weer\s+)?terug\s?(?:komt|komen)\b|\bals\s+(?:hij|zij|ze)\s+(?:vanavond|vannacht|straks|morgen)\s+(?:weer|thuis)\b|\b(?:komt|is)\s+(?:rond|om|na)\s+[\w.:]+(?:\s+uur)?\s+(?:weer\s+)?thuis\b|\bwhen\s+(?:he|she)\s+(?:gets|comes)\s+(?:back|home)\s+(?:tonight|later)\b/i,
    /\b(?:stond|staat|stonden|wacht\w*)\b[^.!?\n]{0,40}\b(?:in\s+de\s+straat\s+van|bij|voor)\s+(?:mijn|m'n)\s+(?:werk|school|straat)\b|\bweten\s+(?:alle|mijn)\s+adressen\b/i,
    new RegExp(String.raw`\b(?:bang|doodsbang|angstig|angst|vrees|terrified|scared|afraid|frightened)\b${GAP}\b(?:terugkomt|terug\s+komt|komt\s+terug|weer\s+komt|terugkeert|langskomt|come[s]?\s+back|coming\s+back|return[s]?)\b`, 'i'),
    new RegExp(String.raw`\b(?:bang|doodsbang|angst|vrees|terrified|scared|afraid)\b${GAP}\b(?:iets\s+aan(?:doet|doen)|aandoet|wat\s+(?:hij|zij|ze)\s+(?:gaat\s+)?doe[nt]|what\s+(?:he|she)\s+(?:will|might|is\s+going\s+to)\s+do|hurt|harm)\b`, 'i'),
    /\b(?:staat|stond|stonden|stood|is|was|were)\s+(?:nu\s+|weer\s+|again\s+)?(?:beneden\s+|buiten\s+|hier\s+|downstairs\s+)?(?:voor|aan|bij|at|outside)\s+(?:de|mijn|m'n|onze|the|my|our)\s+(?:deur|voordeur|door|front\s+door|huis|house)\b/i,
    /\b(?:staat|stond|zit|zat|wacht|wachtte|parkeert|geparkeerd|loopt|liep|parked|sitting|waiting|standing|lurking)\b[^.!?\n]{0,30}\b(?:voor|bij|tegenover|outside|in\s+front\s+of|across\s+from)\s+(?:mijn|m'n|onze|ons|my|our)\s+(?:deur|voordeur|huis|woning|raam|flat|portiek|door|house|home|window|building)\b/i,
    /(?<!\b(?:niet|nooit|not|never|mag\s+niet|mustn't|must\s+not|doesn't|does\s+not)\s+)\b(?:weet|weten|knows?|found\s+out)\s+(?:\w+\s+){0,2}(?:waar\s+(?:ik|wij|we|je|jij|u|ze|zij|(?:mijn|haar|zijn|onze)\s+\w+)\s+(?:nu\s+)?(?:woon|woont|wonen|zit|zitten)|where\s+(?:I|we|you|she|(?:my|her|our)\s+\w+)\s+(?:now\s+)?(?:live|lives|am|are|is))\b/i,
    /\b(?:he|she|my\s+ex)\s+(?:has\s+)?(?:found|knows|got|has)\s+(?:out\s+)?(?:my|our|the)\s+new\s+address\b|\b(?:hij|zij|ze|mijn\s+ex)\s+(?:heeft|weet|kent|vond)\s+(?:\w+\s+){0,2}(?:mijn|ons|onze|het)\s+nieuwe\s+adres\b/i,
    /\b(?:achtervolgt|achtervolgd|stalkt|gestalkt|stalking|stalks|following\s+me|volgt\s+(?:me|mij))\b/i,
    /\b(?:hij|zij|ze|mijn\s+ex|mijn\s+man|he|she|my\s+ex)\s+(?:komt|komen|is\s+coming|will\s+come|'s\s+coming)\s+(?:vanavond|vannacht|straks|morgen|tonight|tomorrow|later)?\s*(?:terug|weer|thuis|langs|back|home|over)\b|\b(?:komt|coming)\s+(?:vanavond|vannacht|tonight)\b/i,
    /\b(?:hij|zij|ze|mijn\s+ex)\s+(?:sinds\s+\w+\s+)?(?:weer\s+)?vrij\s+(?:is|komt|zou\s+komen)\b|\b(?:reed|rijdt|rijden|reden|drives?|drove|driving)\b[^.!?\n]{0,40}\b(?:langs\s+(?:mijn|ons|onze|m'n)\s+(?:huis|woning|deur|school|werk)|past\s+(?:my|our)\s+(?:house|home|place|flat))\b|\b(?:app|tracker|gps|zendertje)\b[^.!?\n]{0,60}\b(?:ziet|weet|volgt|sees|knows|tracks)\s+(?:precies\s+)?(?:waar|where)\s+(?:ik|I)\b/i,
    /\b(?:komt|kwam)\s+(?:hij|zij|ze|mijn\s+\w+)\s+vrij\b|\b(?:vrij\s*(?:komt|gelaten|gekomen)|uit\s+de\s+gevangenis|(?:released|getting\s+out)\s+(?:from\s+prison|of\s+prison|tomorrow|today|this\s+week|next\s+week))\b/i,
    /\bbang\s+voor\s+(?:hem|haar|mijn\s+(?:ex|man|vriend|partner|vader|zoon|broer|schoonzoon))\b|\b(?:afraid|scared|terrified)\s+of\s+(?:him|her|my\s+(?:ex|husband|partner|father|son|brother|boyfriend))\b/i,
  ],
  stalking: [
    /\b(?:staat|stond|zit|wacht|geparkeerd|parked|waiting|sitting)\b[^.!?\n]{0,50}\b(?:tegenover|voor|bij|outside|across\s+from)\s+(?:de|the)\s+school\s+(?:van|of)\b/i,
    /\bfoto'?s?\s+van\s+(?:de|het)\s+(?:schooltas|fiets|jas|tas|school|slaapkamer)\s+van\s+\p{Lu}|\b(?:photo|picture)\s+of\s+\p{Lu}\w+'s\s+(?:school\s*bag|bike|coat|school|bedroom)\b|\bremt\s+af\s+bij\s+(?:ons|mijn)\s+raam\b/u,
    /\bfoto'?s?\s+(?:van|of)\s+(?:mijn|m'n|ons|onze|my|our)\s+(?:eigen\s+|own\s+)?(?:voordeur|huis|raam|slaapkamer\w*|deur|auto|kinderen|front\s+door|house|window|car|children|kids|bedroom)\b/i,
  ],
  forced_marriage_or_honour: [
    /\b(?:enkel\s+heen|enkele\s+reis|one[- ]way)\b/i,
    /["“']op\s+vakantie["”']|\bzogenaamd\s+op\s+vakantie\b|\b(?:so-called|supposed)\s+["“']?holiday\b|\bpaspoort\s+(?:ligt|zit)\s+(?:\w+\s+){0,3}(?:in\s+(?:de|zijn|haar)\s+(?:la|kluis|kast)|bij\s+mijn\s+(?:vader|moeder|oom|broer))\b|\bring\s+(?:laten\s+)?(?:passen|gepast)\b/i,
    /\b(?:uithuwelijk\w*|huwelijksdwang|gedwongen\s+(?:te\s+)?trouwen|moet\s+(?:ik\s+)?trouwen|forced\s+(?:to\s+)?marr\w*|marry\s+(?:me|her)\s+off|eerwraak|eergerelateerd\w*|honou?r[- ]?(?:based|related|killing))\b/i,
    /\b(?:naam|eer)\s+van\s+de\s+familie\b|\bfamilie[- ]?eer\b|\bfamily'?s?\s+(?:honou?r|name)\b|\bpaspoort\s+(?:heeft|hebben|is|afgepakt|afgenomen|ingenomen|verstopt)\b|\b(?:heeft|hebben)\s+(?:mijn|m'n)\s+paspoort\b|\b(?:took|taken|has|kept|hid)\s+my\s+passport\b|\bachter\s*laten\s+in\b|\bleft\s+behind\s+(?:in|abroad)\b/i,
  ],
  child_in_distress: [
    // A child shut out of the house: "ze hebben hem buitengezet, hij staat op zijn sokken op de galerij".
    /\bbuiten\s*gezet\b(?!\s+(?:van|bij)\s+(?:de|het|een)\s+(?:gesprek|overleg|les|klas|vergadering|zitting|dossier|besluit\w*|zaak))|\b(?:locked|shut|put)\s+(?:him|her|them|the\s+(?:child|kids|boy|girl))\s+out(?:side)?\b|\bop\s+(?:zijn|haar)\s+sokken\s+(?:buiten|op\s+de\s+galerij|op\s+straat)\b/i,
    new RegExp(String.raw`\b(?:hoor|hoort|horen|hoorde|hoorden|hear|hears|heard|hearing)\b${GAP}\b(?:gillen|gillend|gilt|gilde|schreeuwen|schreeuwt|schreeuwde|krijsen|krijst|huilen|huilt|huilde|gehuil|gegil|geschreeuw|klappen|bonken|scream\w*|yell\w*|cry\w*|shout\w*|bang\w*)\b`, 'i'),
    /["“'‘]\s*(?:stop|help|au|hou\s+op|laat\s+me|niet\s+doen|don't|please|mama|papa|mommy|daddy|no,?\s+no|nee,?\s+nee)\b[^"”'’\n]{0,30}["”'’]/i,
    /\b(?:gillen|gilt|schreeuwt|huilt|krijst|screaming|crying|yelling)\b[^.!?\n]{0,40}\b(?:nu|op\s+dit\s+moment|de\s+hele\s+(?:avond|nacht)|right\s+now|now|all\s+night)\b/i,
  ],
  child_alone: [
    /\b(?:kind|kinderen|baby|peuter|kleuter|kleine|kleintje|jongetje|meisje|zoontje|dochtertje|broertje|zusje|child|children|toddler|kids?)\b[^.!?\n]{0,40}\b(?:alleen(?:\s+(?:thuis|gelaten|achtergelaten)|\s*(?=[.!,]|$))|(?:left\s+)?alone\s+(?:at\s+home|in\s+the\s+house)|niemand\s+(?:thuis|bij))\b/i,
  ],
  missing_person: [
    /\b(?:is\s+)?sinds\s+(?:gister\w*|eergisteren|\w+dag\w*)\s+(?:niet\s+(?:meer\s+)?thuis(?:gekomen)?|weg|vermist|zoek)\b|\bniet\s+thuisgekomen\b|\b(?:is|wordt)\s+vermist\b|\b(?:hasn't|has\s+not|didn't|did\s+not)\s+come\s+home\b|\bmissing\s+since\b/i,
    /\b(?:niet|nog\s+niet)\s+(?:teruggebracht|terug\s+gebracht)\b|\bzou\b[^.!?\n]{0,60}\bworden\s+teruggebracht\b[^.!?\n]{0,40}\bniet\s+gekomen\b|\b(?:hasn't|has\s+not|didn't|did\s+not)\s+(?:brought|bring)\s+(?:him|her|them)\s+back\b/i,
  ],
  neglect_now: [
    /\bverwarming\s+(?:\w+\s+){0,2}(?:afgesloten|uitgezet|dichtgedraaid|dicht)\b|\bheating\s+(?:\w+\s+)?(?:turned\s+off|shut\s+off|cut\s+off)\b|\b(?:niet|niks|niets)\s+(?:te\s+hebben\s+|meer\s+)?gegeten\s+sinds\b|\bnot\s+eaten\s+since\b|\bgeen\s+(?:levensmiddelen|eten)\s+in\s+(?:de\s+woning|huis)\b|\binsuline\w*\b[^.!?\n]{0,60}\b(?:schuur|afgepakt|weggenomen|verstopt|niet\s+(?:gegeven|gekregen|meer))\b|\b(?:took|taken|hid|hidden)\s+(?:his|her|my)\s+insulin\b/i,
    /\b(?:baby|zuigeling|kindje|infant)\b[^.!?\n]{0,60}\b(?:geen\s+(?:eten|fles|flesjes|voeding|melk)|niet\s+(?:gegeten|gedronken|gevoed)|not\s+(?:been\s+)?fed|no\s+(?:milk|food|formula))\b|\b(?:poeder|flesvoeding|formula)\s+is\s+op\b/i,
    /\b(?:not|haven't|have\s+not|hasn't)\s+(?:had|eaten)\s+(?:a\s+proper\s+meal|anything|food)\b|\bgeen\s+(?:eten|maaltijd|warm\s+eten)\s+(?:gehad|gekregen)\b/i,
    /\b(?:sinds|since)\b[^.!?\n]{0,30}\bgeen\s+(?:fles|flesje|flesvoeding|voeding)\b|\bgeen\s+(?:fles|flesje)\s+(?:gehad|gekregen)\b|\bno\s+(?:bottle|feed)\s+since\b/i,
  ],
  // A situation over several sentences: read per paragraph (PARAGRAPH_PATTERNS).
  unresponsive: [],
  locked_in: [
    /\b(?:snoer|stekker|kabel)\b[^.!?\n]{0,40}\b(?:uit\s+de\s+muur|getrokken|doorgeknipt)\b|\b(?:rollator|rolstoel|looprek|wheelchair|walker)\b[^.!?\n]{0,40}\b(?:op\s+slot|weggezet|afgepakt|locked|taken)\b|\b(?:slaapkamerdeur|kamerdeur|deur)\s+op\s+slot\s+gedaan\b|\bop\s+de\s+knip\s+gedaan\b|\b(?:go|put)\s+in\s+the\s+cupboard\b|\bin\s+de\s+kast\s+(?:moet|moeten|gestopt|opgesloten)\b|\b(?:meeleest|leest\s+(?:alles\s+)?mee)\b(?!\s+en\s+(?:is\s+het\s+(?:er\s+)?(?:mee\s+)?eens|ondertekent|tekent\s+mee))|\b(?:take|takes|took|taken|has|kept|hid)\s+(?:our|her|their)\s+passports?\b|\bchair\s+under\s+the\s+(?:door\s+)?handle\b|\bstoel\s+onder\s+de\s+(?:deur)?klink\b/i,
    /\bsleutels\s+(?:\w+\s+)?(?:meegenomen|afgepakt|ingenomen|verstopt)\b|\b(?:took|taken|hid|hidden)\s+(?:the|my|our)\s+(?:car\s+|house\s+|front\s+door\s+)?keys\b/i,
    /\b(?:opsluit|opsluiten|opgesloten\s+(?:zit|wordt))\b|\b(?:turns?|turned|locks?|locked)\s+the\s+key\b|\bdoet\s+(?:mijn|de)\s+(?:kamer|slaapkamer)?deur\s+op\s+slot\b|\b(?:takes?|took|neemt|nam)\s+(?:the|my|de|mijn)\s+(?:telefoon|telephone|phone)\s+(?:mee|with\s+(?:her|him)|away|af)\b/i,
  ],
  secrecy: [
    /\basked\s+me\s+not\s+to\s+tell\s+anyone\b|\bvroeg\s+(?:me|mij)\s+(?:om\s+)?(?:het\s+)?(?:aan\s+)?niemand\s+te\s+vertellen\b|\bmy\s+turn\s+to\s+be\s+his\b/i,
    /\b(?:don'?t|do\s+not)\s+(?:e-?mail|call|text|contact|tell|phone)\s+(?:or\s+(?:e-?mail|call|text)\s+)?(?:my\s+)?(?:mom|mum|dad|mother|father|parents|husband|wife)\b|\bniet\s+(?:mailen|bellen|appen|schrijven)\s+(?:naar|aan)\s+(?:mijn\s+)?(?:moeder|vader|ouders|man|vrouw)\b/i,
    /\bniet\s+(?:terug)?(?:bellen|mailen|appen|schrijven|sturen)\s+(?:op|naar)\s+(?:mijn|m'n|dit|ons|huis)\b|\bniet\s+naar\s+(?:huis|mijn\s+huis)\s+(?:bellen|schrijven|sturen)\b|(?<!\b(?:het|over\s+het|dat)\s+)\bniet\s+terug(?:bellen|mailen)\b|\b(?:don't|do\s+not)\s+(?:call|phone|text|ring)\s+(?:me\s+)?(?:at\s+)?(?:home|this\s+number|my\s+(?:number|phone))\b|\b(?:checkt|checken|controleert|controleren|leest|lezen)\s+(?:\S+\s+){0,3}(?:mijn\s+|m'n\s+)?(?:telefoon|mail|e-?mail|privémail|privé-mail|berichten|whatsapp|app(?:je)?s)\b|\b(?:kan|kon)\s+(?:nu\s+)?niet\s+(?:bellen|praten)\b[^.!?\n]{0,30}\b(?:hij|zij|ze)\s+(?:zit|is|staat)\s+(?:naast|bij|hier)\b|\b(?:can't|cannot)\s+(?:call|talk)\b[^.!?\n]{0,30}\b(?:he|she)\s+(?:is|'s)\s+(?:sitting\s+)?(?:next\s+to|right\s+here|here)\b|\bchecks?\s+my\s+(?:phone|e-?mails?|messages)\b/i,
  ],
  call_for_help: [
    /\b(?:zit|ben)\s+(?:nu\s+)?(?:op|in)\s+(?:de|het)\s+(?:wc|toilet|badkamer)\b|\b(?:op|bij)\s+(?:de|het)\s+(?:brug|spoor|dak)\b|\bon\s+the\s+(?:bridge|roof|railway|tracks|ledge)\b/i,
    /\bhelp\s*!|\b(?:help|hulp)\s+(?:me|mij|ons|us)\s*(?:[!]|[.]?\s*$|\s+(?:alstublieft|alsjeblieft|aub|a\.u\.b\.|please|now|nu|snel|quickly)\b)|\b(?:help|hulp)\s+(?:alstublieft|alsjeblieft|aub|a\.u\.b\.|please)\b|\bplease\s+help\b|\bsomeone\s+help\b/i,
    /^\s*(?:help|hulp|sos|nood|noodgeval|dringend|urgent|spoed)\s*[!.]*\s*$/im,
    /\bkom\s+(?:alsjeblieft|alstublieft|aub|snel|nu)\b|\bplease\s+come\b|(?<!geen\s)\b(?:heb|hebben)\s+(?:net\s+|zojuist\s+)?112\s+gebeld\b|\b(?:I|we)\s+(?:have\s+|just\s+)?called\s+112\b/i,
    /\b(?:kast|kledingkast|bureau|stoel|bed|ladekast)\w*\s+(?:ervoor|voor\s+de\s+deur)\s+(?:geschoven|gezet)\b|\b(?:wardrobe|chair|desk|dresser)\s+against\s+(?:the|my)\s+door\b|\bbarricad\w*|\bklink\s+van\s+(?:mijn|de)\s+(?:\w+)?deur\b|\btrying\s+(?:the|my)\s+(?:door\s+)?handle\b/i,
    /\b(?:ik|wij|we)\s+(?:heb|hebben)\s+(?:nu|dringend|direct|meteen)\s+hulp\s+nodig\b|\b(?:I|we)\s+need\s+help\s+(?:now|right\s+now|urgently|immediately|tonight)\b/i,
    /\b(?:verstopt|verstop\s+(?:me|mij|ons)|opgesloten|zit\s+(?:nu\s+)?in\s+de\s+(?:badkamer|wc|kast)|hiding|locked\s+(?:myself|ourselves|us|me)\s+in)\b/i,
    /\b(?:durf|durft|durfde|durven|kan|kunnen|wil|wilt|wilde|wou)\s+(?:vannacht\s+|vanavond\s+|vandaag\s+)?niet\s+(?:meer\s+)?(?:naar\s+huis|thuis\s+(?:te\s+)?slapen)\b|\b(?:can't|cannot|don't\s+dare\s+to|doesn't\s+want\s+to|does\s+not\s+want\s+to|didn't\s+want\s+to|don'?t\s+want\s+to|do\s+not\s+want\s+to|(?:is|am)\s+(?:scared|afraid|terrified)\s+to)\s+go\s+home\b|\bterrified\s+to\s+go\s+home\b/i,
  ],
  not_safe: [
    /\bzorgen\s+(?:over|om)\s+de\s+veiligheid\b[^.!?\n]{0,80}\b(?:vannacht|vanavond|nu|vandaag|tonight|now|today)\b|\bconcerns?\s+(?:for|about)\s+(?:the\s+)?safety\b[^.!?\n]{0,80}\b(?:tonight|now|today)\b|\bveilig(?:e|heid)\b[^.!?\n]{0,30}\b(?:vannacht|vanavond)\b[^.!?\n]{0,30}\bniet\s+(?:gegarandeerd|gewaarborgd)\b/i,
    /\bacu(?:ut|te)\s+(?:onveilig\w*|zorgen|gevaar|bedreigd\w*)\b|\bonveilige\s+(?:thuis)?situatie\b[^.!?\n]{0,40}\b(?:nu|vannacht|vanavond|vandaag|now|tonight)\b|\b(?:uit|uitte)\s+zich\s+(?:suïcidaal|suicidaal|doodswens)\b|\b(?:suïcidegedachten|doodswens|suicidal\s+(?:thoughts|ideation))\b|\b(?:expresses|expressed|voicing)\s+suicidal\b/i,
    /\b(?:mishandeling|geweld|bedreiging|onveilig\w*|abuse|violence|threat\w*)\b[^\n.!?]{0,40}\b(?:acuut|spoed|urgent|dringend)\b|\b(?:acuut|spoed|urgent|dringend)\b[^\n.!?]{0,40}\b(?:mishandeling|geweld|bedreiging|onveilig\w*|abuse|violence|threat\w*)\b/i,
    new RegExp(String.raw`\b(?:${INJURY})\b[^.!?\n]{0,60}\b(?:nu|vandaag|gisteren|vanochtend|nog|heeft|had|today|yesterday|this\s+morning|fresh|new)\b|\b(?:nu|vandaag|gisteren|gisteravond|vanochtend|today|yesterday|this\s+morning|last\s+night)\b[^.!?\n]{0,60}\b(?:${INJURY})\b`, 'i'),
    /\b(?:psychotisch|psychose|psychotic|manic|manisch)\b[^.!?\n]{0,60}\b(?:agressie\w*|agressief|dreig\w*|aggressive|threaten\w*|violent|mes|knife|nu|now|vannacht|tonight)\b/i,
    /\b(?:ik|wij|we|mijn\s+\w+|de\s+kinderen|het\s+kind|zij|ze|hij)\s+(?:ben|zijn|is|voel|voelen|voelt)\s+(?:me\s+|ons\s+|zich\s+)?(?:hier\s+|thuis\s+|nu\s+)?(?:niet\s+(?:meer\s+)?veilig|onveilig|in\s+(?:acuut\s+|groot\s+|direct\s+)?gevaar|in\s+levensgevaar)\b/i,
    /\blevensgevaar\b|\bacuut\s+gevaar\b(?<!geen\s+acuut\s+gevaar)/i,
    /\b(?:I|we|she|he|they|the\s+(?:kids|children))\s+(?:am|are|is|'m|'re|feel|feels)\s+(?:not\s+safe|unsafe|in\s+danger)\b/i,
  ],
};
