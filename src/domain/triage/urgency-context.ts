/**
 * What places a danger cue outside the present: denial and allegation, the clearly past, what is
 * happening now or again, figures of speech, and the writer saying it is over. Read by urgency.ts.
 */
import { MONTH_NAMES, SEASON_NAMES, WEEKDAY_NAMES } from './dates.ts';

/** Sentences that say the danger is denied, or only alleged by Veilig Thuis or someone else. */
export const DENIED_OR_ALLEGED: readonly RegExp[] = [
  /\bgeen\s+aanwijzing(?:en)?\s+(?:voor|dat)\b[^.!?\n]{0,60}\b(?:geweld|geslagen|mishandel\w*|gevaar|acuu?t\w*|onveilig\w*|misbruik\w*|verwaarloos\w*)\b|\bgeen\b[^.!?\n]{0,50}\b(?:acuut|acute|direct|directe|onmiddellijk\w*)\s+(?:gevaar|nood|risico|onveilig\w*|suïcida\w*|suicida\w*|situatie|noodsituatie|zorgen?|dreiging)\b|\bno\s+(?:signs?\s+of\s+)?(?:immediate|acute)\s+(?:danger|risk)\b|\b(?:niemand|nobody|no\s+one)\s+(?:is|was|werd)\s+(?:geslagen|gewond|mishandeld|in\s+gevaar|hurt|hit|injured|in\s+danger)\b|\b(?:is|was|werd)\s+niemand\s+(?:geslagen|gewond|mishandeld)\b|\b(?:heb|hebben|had)\s+(?:ik\s+|wij\s+|we\s+)?(?:nooit\s+)?niemand\s+(?:bedreigd|geslagen|aangeraakt|pijn\s+gedaan)\b|\bniemand\s+(?:slaat|sloeg|schopt|bedreigt)\b|\bnobody\s+(?:hits|hit|beats|threatens)\b|\b(?:afwegingskader|meldcode|protocol|definitie|onderscheid\s+tussen)\b|\b(?:medewerk\w*|rapport|verslag|jullie|u|veilig\s+thuis)\b[^.!?\n]{0,20}\b(?:schrijft|schreef|stelt|stelde|concludeert|concludeerde)\s+dat\b|\b(?:melding|report)\s+(?:dat|that)\b|\bfollowing\s+(?:an?|the)\s+(?:\w+\s+)?report\b|\bniet\s+acuut\b|\b(?:no|not\s+in)\s+(?:immediate\s+|acute\s+)?danger\b/i,
  /\b(?:ik|wij|we)\s+(?:heb|hebben|had|hadden)\s+(?:\w+\s+){0,2}niet\b[^.!?\n]{0,25}\b(?:geslagen|geschopt|geduwd|mishandeld|bedreigd|gedreigd|aangeraakt)\b|\bI\s+(?:did\s+not|didn't|never)\s+(?:hit|push|kick|threaten|touch|hurt)\b/i,
  /\b(?:nooit|never)\b[^.!?\n]{0,30}\b(?:geslagen|geschopt|mishandeld|bedreigd|gedreigd|aangeraakt|slaan|sla|sloeg|hit|hurt|beaten|threatened|touched|laid\s+a\s+(?:hand|finger))\b|\bniet\s+waar\b|\bnot\s+true\b|\bgeen\s+sprake\s+(?:van|is)\b|\bklopt\s+(?:helemaal\s+)?niet\b(?!\s+meer\b)|\bonzin\b|\bgelogen\b/i,
  /\bniet\s+(?:geslagen|mishandeld|bedreigd|gedreigd|geschopt|gewurgd|gedaan)\b|\bgeen\s+(?:geweld|klap|klappen|wapen|mes)\b|\bno\s+(?:violence|weapon|threat)\b/i,
  /\bvolgens\s+(?:jullie|veilig\s+thuis|het\s+rapport|het\s+verslag|de\s+medewerker|uw\s+medewerker|de\s+melder|de\s+school|de\s+melding)\b|\bten\s+onrechte\b|\bonterecht\w*\b|\bbeschuldig\w*\b|\bverweten\b|\baccus\w*\b|\ballegation\w*\b|\balleged\w*\b|\bwrongly\b|\bfalsely\b/i,
  /\b(?:in|uit)\s+(?:het|jullie|uw|dat|haar|zijn|hun|dit)\s+(?:\w+\s+)?(?:rapport|verslag|dossier|rapportage|brief|melding)\b|\bgeen\s+(?:letsel|blauwe\s+plekken|verwondingen|sporen)\b|\bniet\s+gezegd\s+dat\b|\bno\s+(?:injuries|marks|bruises)\b|\bdid(?:n't|\s+not)\s+say\s+(?:that|he|she)\b|\b(?:gezet|geschreven|opgeschreven|genoteerd|vermeld|beweerd)\s+dat\b|\bmelding\s+(?:was|kwam)\s+(?:dat|omdat)\b|\bzou(?:den)?\s+(?:worden|zitten|zijn)\b|\bwritten\s+that\b|\b(?:the|your)\s+report\s+(?:says|claims|states)\b|\b(?:the|your|het|uw|jullie)\s+(?:report|rapport|verslag)\s+(?:\w+\s+)?(?:quotes|citeert|describes|beschrijft)\b|\b(?:it|het)\s+(?:also\s+|ook\s+)?(?:\w+ly\s+|correct\s+)?(?:describes|beschrijft)\s+(?:that|dat)\b|\bstaat\s+(?:er|het)\s+(?:toch\s+|nog\s+steeds\s+|gewoon\s+)?(?:in|erin)\b|\bstaat\s+het\s+erin\b|\balsof\b|\bas\s+if\s+I\b/i,
  /\b(?:tegen\s+(?:mij|ons)\s+gebruikt|used\s+against\s+(?:me|us))\b|\bstaat\s+in\s+(?:uw|jullie|het|dat|die)\s+(?:verslag|rapport|dossier)\b|\bstaat\s+in\s+(?:een|de|uw|jullie)\s+brief\s+(?:van\s+(?:jullie|u|veilig\s+thuis)|die\s+(?:ik|wij|we)\s+(?:van\s+(?:jullie|u)\s+)?(?:kreeg|kregen|ontving|ontvingen))\b/i,
  // "Niemand in dit huis is ooit met een wapen bedreigd", "he had not been threatened", "neither of us has ever hit".
  /\bneither\s+of\s+us\s+(?:has|have|had)\s+(?:ever\s+)?(?:hit|hurt|beaten|touched|threatened|harmed)\b|\bgeen\s+van\s+(?:ons|beiden)\s+(?:twee\s+)?(?:heeft|hebben)\s+(?:ooit\s+)?(?:\w+\s+){0,3}(?:geslagen|bedreigd|mishandeld|aangeraakt)\b|\bniemand\b[^.!?\n]{0,40}\b(?:is|werd|wordt)\s+(?:ooit|nooit)\b[^.!?\n]{0,30}\b(?:bedreigd|geslagen|mishandeld|aangeraakt)\b|\b(?:had|has|have|was|were)\s+(?:not|never)\s+been\s+(?:threatened|hit|beaten|attacked|hurt|harmed)\b|\bnobody\b[^.!?\n]{0,40}\b(?:was|has\s+been|got)\s+ever\s+(?:hit|hurt|threatened|beaten)\b/i,
  // A complaint about how a report labels the writer: "Ineens ben ik iemand die dreigt".
  /\b(?:ben|word|werd)\s+ik\s+(?:ineens|opeens|zomaar|plotseling)\s+(?:iemand|een\s+(?:vader|moeder|man|vrouw|ouder))\s+die\b|\b(?:ineens|opeens|zomaar|plotseling)\s+(?:ben|word|werd)\s+ik\s+(?:iemand|een\s+(?:vader|moeder|man|vrouw|ouder))\s+die\b|\bsuddenly\s+I(?:'m|\s+am)\s+(?:someone|a\s+(?:father|mother|man|woman|parent))\s+who\b/i,
  // Fiction, teaching and lawful weapons: "in de film", "in the novel", "een gastles over", "jachtakte".
  /\b(?:tv-?serie|dramaserie|televisieserie|netflixserie|(?:in\s+)?de\s+serie|tv\s+series|the\s+series)\b|\b(?:literatuur|literature)\b|\b(?:lesbrief|gastles|lesmateriaal|lespakket|voorlichting\w*|workshop|lesson\s+(?:plan|material)|teaching\s+material)\b|\b(?:in\s+de\s+(?:film|roman)|de\s+film|speelfilm|een\s+film\s+(?:over|gekeken|gezien)|the\s+(?:film|movie|novel)|a\s+(?:film|movie|novel)\s+(?:about|I)|novel|fiction|fictie|toneelstuk|documentaire|documentary|boek\s+(?:dat|van|over)|the\s+book)\b|\b(?:legale\s+(?:jacht)?(?:wapens|geweren)|veilig\s+opgeborgen\s+(?:jacht)?(?:wapens|geweren)|legal\s+(?:guns|firearms|rifles)|because\s+I\s+was\s+cutting\s+(?:bread|vegetables|onions)|omdat\s+ik\s+(?:\w+\s+){0,3}(?:aan\s+het\s+snijden\s+was|sneed))\b|\b(?:jachtakte|jachtvergunning|wapenvergunning|wapenkluis|schietvereniging|sportschutter|hunting\s+licen[cs]e|gun\s+(?:licen[cs]e|safe|club)|shooting\s+club)\b/i,
  /\b(?:als|wanneer|indien|stel\s+dat)\s+(?:een|iemand|de|ons|onze|het)\b[^.!?\n]{0,30}\b(?:vertelt|zegt|meldt|aangeeft)\b|\b(?:if|when|suppose)\s+(?:a|an|someone|the|our)\s+\w+\s+(?:tells|says|discloses|reports)\b/i,
  /\b(?:volgens\s+(?:de\s+politie|buurtbewoners|omwonenden|het\s+om|getuigen)|buurtbewoners|omwonenden|according\s+to\s+(?:police|neighbou?rs|witnesses))\b/i,
  /\bdid(?:n't|\s+not)\s+(?:threaten|hit|hurt|touch|harm)\b|\b(?:heb|had)\s+(?:haar|hem|niemand|ze)\s+niet\s+(?:bedreigd|geslagen|aangeraakt)\b/i,
  /\b(?:verzonnen|fictieve?|fictional|hypothetical|hypothetische)\b|\bcasus\b|\bcase\s+study\b|\b(?:research|onderzoeker|study|studie|scriptie|thesis|afstudeer\w*|opdracht|assignment)\b/i,
  /\b(?:de\s+zin|de\s+passage|het\s+stuk|the\s+(?:sentence|passage|paragraph))\s+(?:over|about)\b|\b(?:from|after)\s+a\s+fall\s+(?:at|in|on)\b|\b(?:van|door)\s+een\s+val\s+(?:op|bij|in)\b/i,
  /\b(?:aanmerkt|aangemerkt|bestempelt|bestempeld|omschrijft|omschreven|beschrijft|beschreven|described|labelled|labeled|called)\s+als\s+["“']|\b(?:described|labelled|labeled)\s+as\s+["“']|\bstaat\s*:\s*["“]|\bpagina\s+\d+\s+staat\b|\b(?:nooit|never)\s+(?:een\s+|a\s+)?(?:wapen|vuurwapen|weapon|gun|firearm)\b|\bgeen\s+moment\b[^.!?\n]{0,40}\bin\s+gevaar\b|\bstaat\s+(?:er\s+)?(?:over\s+(?:mij|ons|hem|haar)\s+)?dat\b|\bdaarin\s+staat\b|\b(?:asked|asks)\s+(?:me\s+|us\s+)?about\b|\b(?:vroeg|vroegen|vraagt)\s+(?:me\s+|mij\s+|ons\s+)?naar\b|\b(?:nooit|niet)\s+van\s+plan\b|\bnever\s+(?:intended|planned|wanted)\s+to\b/i,
  /\b(?:registreert|registreren|registers?|registered\s+as|cijfers|figures|statistie\w*|statistics|categor\w*)\b/i,
  /\b(?:de\s+)?(?:buren|school|iemand|buurvrouw|buurman|huisarts|politie|mijn\s+ex|een\s+buurvrouw|een\s+buurman|de\s+juf|de\s+meester)\s+(?:heeft|hebben)\s+(?:een\s+)?(?:melding|zorgmelding)\s+(?:gedaan|gemaakt)\b|\b(?:neighbours?|neighbors?|the\s+school|someone)\s+(?:has\s+|have\s+)?(?:made\s+a\s+report|reported\s+us)\b/i,
  /\b(?:vroeg|vroegen|vraagt|vragen|gevraagd|asked|asks)\s+(?:\S+\s+){0,3}(?:of|whether|if)\b/i,
  // Words about kinds of violence, not an event: training, policy, "vormen van geweld", a term in quotes.
  /\b(?:soorten|vormen\s+van\s+(?:huiselijk\s+)?geweld|scholing|(?:een|de|onze|jullie)\s+training\s+(?:over|voor|signaleren)|\w+problematiek|risicotaxatie|risk\s+assessment)\b|\b(?:beschouwt|beschouwen|considers?|regards?)\b[^.!?\n]{0,40}\b(?:als|as)\s+["“']|\bniet\s+als\s+acuut\b/i,
  /\b(?:niet|nooit)\s+(?:meer\s+)?bang\b|\b(?:not|no\s+longer|never)\s+(?:afraid|scared)\b|\bniet\s+(?:suïcidaal|suicidaal)\b|\bnot\s+suicidal\b|\bgeen\s+(?:zelfmoord|suïcid|suicid)\w*\b|\bno\s+suicidal\b|\b(?:ga|zal)\s+mezelf\s+niets\s+aan\s*doen\b|\b(?:won't|will\s+not)\s+(?:hurt|harm|kill)\s+myself\b/i,
  /\b(?:zou|zouden)\s+(?:ik|wij|we|mijn\s+\w+|hij|zij)\b[^.!?\n]{0,50}\b(?:hebben|zijn)\b/i,
];

/** Clearly past: a year before receipt, last year, years ago (and IN_MONTH below). */
export const PAST: readonly RegExp[] = [
  /\bvorig(?:e)?\s+jaar\b|\b(?:jaren|jaar|een\s+jaar|twee\s+jaar|drie\s+jaar|\d+\s+jaar)\s+geleden\b|\blang\s+geleden\b|\bvroeger\b|\bdestijds\b|\btoen\s+ik\s+(?:klein|jong|kind)\s+was\b|\bals\s+kind\b|\bin\s+die\s+(?:tijd|periode)\b|\btoentertijd\b/i,
  /\bin\s+(?:het|de)\s+(?:voorjaar|zomer|lente)\s+van\b|\bin\s+de\s+jaren\s+(?:\d0|negentig|tachtig|zeventig|zestig)\b|\bin\s+the\s+(?:19\d0s|nineties|eighties|seventies)\b|\bopgegroeid\b|\bgrew\s+up\b|\b(?:deze|afgelopen|vorige)\s+(?:zomer|lente|voorjaar)\b|\b(?:afgelopen|vorige)\s+(?:herfst|winter)\b|\blast\s+(?:summer|spring|winter|autumn)\b|\bthis\s+(?:summer|spring)\b|\bmelding\s+(?:\S+\s+){0,3}gedaan\b|\bmade\s+a\s+report\b/i,
  /\b(?:twee|drie|vier|vijf|zes|zeven|acht|\d+)\s+(?:weken|maanden)\s+geleden\b|\b(?:two|three|four|five|six|seven|eight|\d+)\s+(?:weeks|months)\s+ago\b|\bin\s+\w+\s+van\s+dit\s+jaar\b/i,
  /\b(?:had|hadden)\s+(?:\S+\s+){0,4}(?:geslagen|geschopt|mishandeld|bedreigd|gedreigd|geduwd|gewurgd|opgesloten)\b|\b(?:had|hadden)\s+(?:\S+\s+){0,4}(?:gezegd|verteld|gemeld)\s+dat\b/i,
  // "heeft mij jarenlang geslagen", "eerder heeft gedreigd": a time that is over. (Not "my then-husband":
  // an ex is who threatens now.)
  /\b(?:zei|zeiden|dreigde|dreigden|sloeg|sloegen)\s+(?:\S+\s+){0,2}altijd\b|\bused\s+to\s+(?:hit|beat|threaten|say|tell)\b|\b(?:heeft|hebben|had)\s+(?:\S+\s+){0,3}(?:een\s+keer|één\s+keer|eens)\b|\b(?:getrouwd|samen)\s+geweest\b|\btoen\s+(?:ik|zij|ze|we|wij)\s+(?:nog\s+)?(?:zwanger|getrouwd|samen)\s+(?:was|waren)\b|\bwhen\s+(?:I|she|we)\s+(?:was|were)\s+(?:still\s+)?(?:pregnant|married|together)\b|\b(?:geslagen|mishandeld|bedreigd|geschopt)\s+werd(?:en)?\b|\beerder\s+(?:heeft|had|hebben|hadden)\b|\b(?:has|had|have)\s+previously\b|\b(?:heeft|hebben|had)\s+(?:\S+\s+){0,2}jarenlang\b/i,
  /\blast\s+year\b|\byears?\s+ago\b|\blong\s+ago\b|\bin\s+the\s+past\b|\bat\s+(?:that|the)\s+time\b|\bback\s+then\b|\bbefore\s+the\s+divorce\b|\bv[óo]{1,2}r\s+de\s+scheiding\b|\bwhen\s+I\s+was\s+(?:a\s+child|young|little)\b/i,
];
export const PAST_YEAR = /\b(?:in|sinds|since|tot|until|van|from|of|on|op)\s+(?:\d{1,2}(?:st|nd|rd|th|e)?\s+)?(?:(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|may|june|july|august|october)\s+)?(20\d{2}|19\d{2})\b/gi;

/** Says it is happening now or again, which outweighs a mention of the past in the same sentence. */
export const RECENT = /\b(?:sinds|since)\s+(?:gisteren\w*|eergisteren|yesterday|last\s+night|(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)(?:avond|ochtend|middag|nacht|morgen)?|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:night|evening|morning))?)\b|\b(?:nu|vandaag|vannacht|vanavond|gisteren|gisteravond|gisternacht|vanochtend|vanmorgen|vanmiddag|weer|opnieuw|nog\s+steeds|nog\s+altijd|deze\s+week|straks|morgen|elke\s+dag|iedere\s+dag|now|today|tonight|yesterday|last\s+night|this\s+(?:morning|evening|week)|again|still|every\s+day)\b/i;

/**
 * Phrases that use a cue's words without danger: figures of speech and the casework measures a
 * complaint is often about ("dreigde met een uithuisplaatsing"). Removed before the cues are read.
 */
export const FIGURATIVE: readonly RegExp[] = [
  /\b(?:slaat|sloeg|slaan)\s+(?:helemaal\s+)?nergens\s+op\b|\balarm\s+(?:slaan|geslagen|sloeg)\b|\bde\s+plank\s+(?:mis|volledig\s+mis)\s+(?:slaan|geslagen|sloeg|slaat)\b|\bop\s+hol\s+geslagen\b|\bmet\s+stomheid\s+geslagen\b/gi,
  /\b(?:voel|voelde|voelen|voelden|voelt)\s+(?:ik\s+|we\s+|wij\s+|zij\s+|hij\s+)?(?:me|mij|ons|zich)\s+(?:[^.!?\n]{0,30}\s)?(?:bedreigd|aangevallen|overvallen|opgesloten)\b/gi,
  // "I want to die of embarrassment", "ik schaam me dood": shame, not a wish to die.
  /\b(?:die|died|dying)\s+of\s+(?:embarrassment|shame)\b|\b(?:schaam|schaamde|schamen)\s+(?:me|mij|ons|zich)\s+(?:\w+\s+)?dood\b|\bdood\s+van\s+(?:schaamte|schaamde)\b/gi,
  // Our own advice quoted back: "bij acuut gevaar moest ik 112 bellen".
  /\bbij\s+acuut\s+gevaar\b[^.!?\n]{0,40}\b112\b|\bin\s+(?:an?\s+|case\s+of\s+)?(?:emergency|acute\s+danger)\b[^.!?\n]{0,30}\b(?:call|ring|dial)\s+112\b/gi,
  /\b(?:felt|feel|feels|feeling)\s+(?:very\s+|so\s+|quite\s+)?(?:threatened|attacked|trapped)\b/gi,
  /\b(?:dreig\w*|bedreig\w*|gedreigd|threat\w*)\b[^.!?\n]{0,60}\b(?:uithuisplaatsing|uit\s+huis\s+(?:te\s+)?(?:plaatsen|halen|geplaatst)|ots|ondertoezichtstelling|raad\s+voor\s+de\s+kinderbescherming|rechter|rechtbank|maatregel|melding|dossier|jeugdbescherming|advocaat|take\s+(?:my|the|our)\s+(?:kids|children)|into\s+care|court|lawyer)\b|\bdreig\w*\s+met\s+[\"“'‘]?niet\s+(?:mee\s*werken|meewerkend)\b|\b(?:dat|dit)\s+is\s+(?:toch\s+|gewoon\s+|echt\s+)?(?:dreigen|bedreigend|intimiderend)\b/gi,
  /\b(?:iemand|een\s+medewerk\w*|medewerk\w*|hulpverlener|wijkagent|de\s+politie|jullie\s+\w+|someone|a\s+(?:caseworker|social\s+worker|worker))\b[^.!?\n]{0,30}\b(?:van\s+(?:veilig\s+thuis|jullie|hecht)\s+)?(?:aan|voor|at)\s+(?:de|the|mijn|my)\s+(?:deur|door)\b/gi,
  /\b(?:airsoft|speelgoed|nep|water|toy|plastic)\s*-?\s*(?:geweer|geweren|pistool|pistolen|wapen|wapens|gun|guns|pistol|rifle|weapon|mes)\w*\b/gi,
  /\b(?:ik\s+)?(?:zou|kon|kan)\s+(?:ik\s+)?(?:hem|haar|ze|die\s+\w+|jullie)\s+wel\s+(?:kunnen\s+)?(?:vermoorden|wurgen|schieten|killen|slaan)\b|\bI\s+could\s+(?:honestly\s+|really\s+|just\s+|have\s+)?(?:kill|strangle|murder|strangled|killed)\b|\b(?:this|that|it|the\s+\w+)\s+(?:is\s+going\s+to|will|would)\s+kill\s+me\b/gi,
  /\b(?:lachend|grappend|als\s+grap|voor\s+de\s+grap|jokingly|as\s+a\s+joke|laughing)\b[^.!?\n]{0,60}\b(?:vermoord|dood|kill)\w*\b[^.!?\n]{0,30}|\b(?:vermoord|kill)\w*\b[^.!?\n]{0,40}\b(?:nog\s+eens\s+hè|lol|haha|grapje)\b/gi,
  /\b(?:heeft|hebben|had)\s+(?:me|mij|ons)\s+(?:nog\s+)?(?:jaren|lang|maanden)\s+achtervolgd\b|\bachtervolgd\s+(?:me|mij)\s+nog\s+steeds\s+in\b/gi,
  /\b(?:vuist|hand|handen)\s+op\s+(?:de\s+)?tafel\s+(?:sloeg|slaat|geslagen|slaan|gebonkt|bonkte)\b|\bop\s+(?:de\s+)?tafel\s+(?:sloeg|slaat|geslagen|slaan)\b|\b(?:banged|slammed|hit)\s+(?:on\s+)?the\s+table\b/gi,
  /\b(?:like|als)\s+(?:being\s+|a\s+|een\s+)?(?:punched|kicked|slapped|punch|stomp|klap|trap)\b(?:\s+(?:in|op|tegen)\s+(?:the|my|mijn|de)\s+\w+)?|\b(?:this|it|that|thing|situation)\s+is\s+(?:slowly\s+|literally\s+|really\s+)?killing\s+me\b|\bbang\s+(?:dat|om)\s+(?:ze|hij|zij|we|wij|ik|de\s+kinderen)\s+uit\s+huis\s+(?:worden|wordt|word|te\s+worden)\s+(?:gehaald|geplaatst)\b|\b(?:afraid|scared)\s+(?:they|we|I)\s+will\s+be\s+taken\s+(?:away|into\s+care)\b/gi,
  /\b(?:heart|panic|asthma)\s+attack\b|\b(?:hart|paniek|astma)aanval\b/gi,
  /\b(?:dit|dat|het|die\s+(?:melding|zin|woorden|gedachte|herinnering)|deze\s+(?:zin|woorden|gedachte)|dat\s+(?:dossier|woord|beeld|rapport|verslag))\b[^.!?\n]{0,30}\b(?:achtervolgt|achtervolgen|blijft\s+achtervolgen)\b|\b(?:this|it)\s+(?:will\s+)?(?:haunts?|follows?)\s+(?:them|me|us|her|him)\b/gi,
  /\b(?:is|are|was|were)\s+killing\s+(?:me|us)\b|\bkill\s+(?:for|two\s+birds)\b|\bdood\s*(?:moe|op|ziek)\b/gi,
  // The writer's own figure of speech only; "hij zei: ik vermoord de eerste die ..." stays a threat.
  /\bI\s+(?:swear\s+)?(?:I\s+)?(?:will|'ll|could|might)\s+(?:kill|strangle|murder|throttle)\s+the\s+next\s+(?:\w+\s+)?(?:person|one|who)\b[^.!?\n]*/gi,
  // Anger at us, not danger: "jullie vermoorden mij met die bureaucratie", "ik maak jullie kapot".
  /\bvermoord\w*\s+(?:mij|me|ons)\s+met\s+(?:die|deze|jullie|al\s+die|dat|dit|uw)\b|\b(?:you(?:'re|\s+are)\s+)?killing\s+me\s+with\s+(?:your|this|that|all)\b|\b(?:ik|wij|we)\s+(?:maak|maken)\s+jullie\s+kapot\b/gi,
];

/** "Toen", "daarna", "then": the sentence happened when the one before it did. */
/**
 * A story told in the past tense: after a sentence placed in the past, the next one narrated in
 * the past tense ("He locked me in the bathroom", "Een keer sloeg hij", "she cut my hand") with no
 * time of its own continues that past. Any time of its own (a weekday, "net", "last week", a
 * number; not "a whole night", which says how long) breaks the chain, so "Zaterdag sloeg hij me"
 * after an old story still counts. Not the Dutch perfect ("hij heeft me geslagen"), which tells
 * what just happened as often as what is over.
 */
export const NARRATED_PAST = /\b(?:I|he|she|they|we|it|my\s+(?:husband|ex|ex-husband|partner|father|stepfather|boyfriend))\s+(?:\w+ly\s+|once\s+|also\s+|even\s+|never\s+|always\s+)?(?:was|were|had|did|held|hit|cut|broke|took|threw|beat|kept|told|said|came|went|left|made|got|stood|ran|put|\w+ed)\b|\b(?:hij|zij|ze|ik|we|wij)\s+(?:\S+\s+){0,2}(?:sloeg|sloegen|schopte|duwde|greep|trok|gooide|sleurde|kneep|hield|sloot|dreigde|was|waren|had|hadden|zei|kwam|ging|stond)\b/i;
export const OWN_TIME = new RegExp(String.raw`\d|\b(?:${WEEKDAY_NAMES}|${MONTH_NAMES}|net|zojuist|just|recent\w*|onlangs|laatst|lately|vandaag|gisteren\w*|today|yesterday|week\w*|weekend|morgen|tonight|straks|soon|binnenkort|nu|now|weer|again|nog|still|sinds|since|afgelopen|past|last|vorige|next|volgende|komende|coming)\b`, 'i');
export const CONTINUES_TIME = /\b(?:toen|daarna|daarop|vervolgens|die\s+(?:avond|nacht|dag)|then|afterwards|that\s+(?:night|evening|day)|at\s+the\s+time)\b/i;

/** A research or study request: cases described are not happening to the writer now. */
export const STUDY_SUBJECT = /\b(?:research|onderzoeksverzoek|scriptie|thesis|survey|enquête|afstudeer\w*|data\s+request|questionnaire|vragenlijst)\b/i;

/** The writer says it is over: "ik ben nu veilig", "sinds het straatverbod is het rustig", "we are safe now". */
export const SAFE_NOW = /\bgeen\s+aanwijzing(?:en)?\s+dat\b[^.!?\n]{0,40}\b(?:acuut\s+)?gevaar\b|\bno\s+(?:sign|indication)s?\s+(?:that\s+)?[^.!?\n]{0,40}\b(?:is|are)\s+in\s+(?:acute\s+|immediate\s+)?danger\b|\bhet\s+(?:nu\s+|inmiddels\s+|weer\s+)+(?:echt\s+|weer\s+|veel\s+)?(?:goed|beter)\s+gaat\b|\ber\s+was\s+(?:gelukkig\s+)?niets\s+aan\s+de\s+hand\b|\b(?:it|there)\s+was\s+nothing\s+wrong\b|\b(?:dat|het)\s+is\s+(?:gelukkig|inmiddels)\s+opgelost\b|\b(?:it|that)\s+(?:has\s+been|was|is)\s+(?:resolved|sorted)\b|\b(?:she|he)(?:'s|\s+is)\s+doing\s+(?:well|fine|better)\b|\b(?:he|she)\s+(?:was|has\s+been)\s+convicted\b|\b(?:are|am)\s+(?:completely\s+|totally\s+|perfectly\s+|all\s+)?(?:fine|safe|okay|ok|well)\s+now\b|\bthings\s+(?:at\s+home\s+)?are\s+(?:calm|fine|good)\b|\bhet\s+gaat\s+al\s+(?:jaren|lang|een\s+tijd|maanden)\s+goed\b|\ben\s+(?:is|zijn)\s+(?:nu\s+|inmiddels\s+)?veilig\b|\b(?:verblijft|zit)\s+(?:sindsdien\s+|nu\s+|inmiddels\s+)?in\s+(?:detentie|de\s+gevangenis|voorarrest|hechtenis)\b|\b(?:hij|zij|mijn\s+ex|de\s+dader|mijn\s+(?:vader|man|vriend))\s+zit\s+(?:nu\s+|inmiddels\s+|nog\s+)?vast\b|\bzit\s+nog\s+vast\s+tot\b|\ben\s+ik\s+zijn\s+(?:nu\s+|inmiddels\s+)?veilig\b|\b(?:is|are)\s+(?:now\s+)?(?:in\s+(?:custody|prison|jail)|behind\s+bars)\b|\b(?:ik\s+)?(?:denk|geloof)\s+niet\s+dat\s+(?:ze|zij|hij|het\s+kind|de\s+kinderen)\s+in\s+(?:acuut\s+)?gevaar\b|\bI\s+(?:don't|do\s+not)\s+think\s+(?:she|he|they|the\s+child)\s+(?:is|are)\s+in\s+(?:any\s+)?danger\b|\bnothing\s+(?:dramatic|serious)\s+(?:has\s+)?happened\b|\ber\s+is\s+(?:nog\s+)?niets\s+(?:dramatisch|ernstigs)\s+gebeurd\b|\b(?:it's|it\s+is)\s+not\s+an\s+emergency\b|\bhet\s+is\s+geen\s+(?:noodgeval|spoed)\b|\b(?:I|we)\s+(?:now\s+)?live\s+somewhere\s+else\b|\b(?:ik|wij|we)\s+(?:woon|wonen)\s+(?:nu\s+|inmiddels\s+)(?:ergens\s+anders|elders)\b|\b(?:I'm|I\s+am)\s+(?:okay|ok|fine)\s+now\b|\bhet\s+gaat\s+(?:nu\s+|inmiddels\s+)?(?:echt\s+|weer\s+|veel\s+)?(?:goed|beter)\s+met\s+(?:mij|me|ons)\b|\bhet\s+gaat\s+nu\s+(?:echt\s+|weer\s+|veel\s+)?(?:goed|beter)\b|\b(?:I'm|I\s+am|we're|we\s+are)\s+(?:doing\s+)?(?:well|fine|okay|much\s+better)\s+now\b|\b(?:ik\s+ben|we\s+zijn|wij\s+zijn)\s+(?:nu\s+|inmiddels\s+)?(?:veilig|in\s+veiligheid)\b|\b(?:voel|voelen)\s+(?:me|mij|ons)\s+(?:weer\s+|nu\s+|inmiddels\s+)?veilig\b|\bfeel\s+safe\s+(?:again|now)\b|\b(?:is\s+het|het\s+is)\s+(?:nu\s+|inmiddels\s+)?(?:rustig|veilig|voorbij)\b|\b(?:I\s+am|I'm|we\s+are|we're)\s+(?:now\s+)?(?:safe|in\s+a\s+safe\s+place)\b|\b(?:it's|it\s+is)\s+(?:over|calm|quiet)\s+now\b/i;

/**
 * A month named as when it happened ("in september", "eind januari", "op 3 mei", "in early March"), without a
 * year or with the receipt's; urgency.ts counts it as past only when it lies two to six months
 * before the receipt month (a month ago can still be now, for someone in danger, and a month
 * further back may be the coming one: "op 3 januari" written in November).
 */
export const IN_MONTH = new RegExp(String.raw`\b(?:(?:in|eind|einde|begin|half|medio|early|late|end\s+of|in\s+(?:early|late|mid))|(?:op\s+|on\s+)?(?:(?:${WEEKDAY_NAMES})\s+)?\d{1,2}(?:e|ste|de|st|nd|rd|th)?)\s+(${MONTH_NAMES})\b(?:\s+(20\d{2}))?`, 'gi');

/** A season named as when it happened ("in de zomer", "in the summer"): past, like IN_MONTH, when it ended two to six months before receipt. */
export const IN_SEASON = new RegExp(String.raw`\b(?:in\s+de|in\s+the|deze|this)\s+(${SEASON_NAMES})\b`, 'gi');

