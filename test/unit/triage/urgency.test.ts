import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectUrgency } from '../../../src/domain/triage/urgency.ts';

const urgent = (text: string) => detectUrgency(text, 2026).urgent;
/** The rules alone, without the learned safety net (retrained as the dev set grows): for what a rule dismisses. */
const byRules = (text: string) => detectUrgency(text, 2026).rules.some((rule) => rule !== 'learned_words');

test('violence now, threats to life and suicide are urgent', () => {
  for (const text of [
    'mijn man slaat me nu weer, ik zit opgesloten in de badkamer',
    'Gisteravond heeft hij gedreigd mij te vermoorden als ik de kinderen niet meegeef.',
    'Hij staat nu voor de deur en zegt dat hij ons gaat vermoorden.',
    'Ik ben bang dat hij de kinderen iets aandoet.',
    'ik zie het niet meer zitten. ik wil er een eind aan maken.',
    'My neighbour is hitting his wife right now.',
    'He threatened to kill me this morning.',
    'I want to end my life.',
    'Mijn dochter wordt nog steeds geslagen door haar stiefvader.',
  ]) {
    assert.equal(urgent(text), true, text);
  }
});

test('past violence, denied allegations and stated safety are not urgent', () => {
  for (const text of [
    'In 2024 is er bij ons thuis huiselijk geweld geweest. Daar is toen hulp voor gekomen.',
    'Volgens jullie rapport sla ik mijn kinderen elke dag. Dat is niet waar.',
    'Last year my former partner threatened to kill me, and Veilig Thuis helped me then.',
    'Er is geen acuut gevaar, maar ik wil wel dat er iemand belt.',
    'Jaren geleden dreigde hij mij te vermoorden.',
    'Ik ben boos dat de medewerker mijn dossier niet heeft gelezen.',
  ]) {
    assert.equal(urgent(text), false, text);
  }
});

test('the rules that fired are named', () => {
  assert.deepEqual(detectUrgency('Help me! Hij slaat me nu.', 2026).rules.filter((rule) => rule !== 'learned_words').sort(), ['call_for_help', 'violence']);
});

test('the three danger messages the first triage missed are urgent (issue 8, in our own words)', () => {
  for (const text of [
    'Mijn ex stond vannacht weer bij mij aan de deur, met een mes in zijn hand. Ik ben zo bang dat hij terugkomt.',
    'Ik heb de pillen hier liggen en vanavond neem ik ze allemaal in. Sorry.',
    'Naast ons gilt een kind steeds "stop, stop" en ik hoor harde klappen. Het gebeurt nu.',
    "I have the pills and I'm going to take them tonight.",
  ]) {
    assert.equal(urgent(text), true, text);
  }
});

test('danger in any tense counts unless the same sentence puts it clearly in the past', () => {
  assert.equal(urgent('Gisteren heeft hij mij gewurgd.'), true);
  assert.equal(urgent('Vorig jaar heeft hij mij gewurgd.'), false);
  assert.equal(urgent('Vorig jaar sloeg hij mij en gisteren deed hij het weer.'), true, 'a recent marker outweighs the past');
  assert.equal(urgent('In 2023 stond hij met een mes voor de deur.'), false);
  assert.equal(urgent('HELP'), true, 'a bare call for help');
  assert.equal(urgent('Kunt u mij helpen met mijn dossier?'), false);
  assert.equal(urgent('Can you help me understand the procedure?'), false);
});

test('figures of speech and casework measures are not danger', () => {
  for (const text of [
    'Dit slaat helemaal nergens op.',
    'Ik voelde me aangevallen door de medewerker.',
    'De medewerker dreigde met een uithuisplaatsing als ik niet meewerkte.',
    'The waiting is killing me.',
    'Ik ben doodmoe van al die gesprekken.',
    'De buurvrouw laat haar kinderen vaak de hele avond alleen thuis.',
  ]) {
    assert.equal(urgent(text), false, text);
  }
});

test('more ways people say they are in danger (our own phrasings)', () => {
  for (const text of [
    'Hij heeft een jachtgeweer in de schuur en zei gisteren dat hij het gaat gebruiken.',
    'Hij is dronken en wordt steeds agressiever.',
    'Mijn vader gooit met borden en de kleintjes zitten boven.',
    'Ik ben bang voor mijn leven.',
    'Hij komt vannacht terug, dat heeft hij geappt.',
    'Morgen komt hij vrij en hij zei dat hij het af gaat maken.',
    'Het leven heeft voor mij geen zin meer.',
    'Ik heb vanavond afscheid genomen van mijn kinderen.',
    'Ik hoor het kind naast ons al de hele avond gillen.',
    'Het meisje riep "papa niet doen!" en toen werd het stil.',
    'He locked the kids in their room and left.',
    "I'm scared of my husband, he said I'm dead if I tell anyone.",
  ]) {
    assert.equal(urgent(text), true, text);
  }
});

test('indirect danger: a threat of what will happen tonight, no longer being a burden, someone parked outside', () => {
  for (const text of [
    'Hij zei dat ik vanavond wel zie wat er gebeurt met kinderen die praten.',
    'Ze zei dat ze na vanavond niemand meer tot last is.',
    'Sinds een uur staat zijn auto tegenover mijn huis en hij zit erin.',
    "You'll see what happens when you talk to them again.",
  ]) {
    assert.equal(urgent(text), true, text);
  }
});

test('a staff member at the door, a report that says so, an echo of an allegation, and an offer of help are not danger', () => {
  for (const text of [
    'Op 6 oktober stond er ineens iemand van Veilig Thuis aan de deur.',
    'Zij heeft in haar verslag gezet dat ik mijn dochter heb geslagen.',
    'Er was een melding dat mijn moeder "opgesloten" zou zitten. Opgesloten!',
    'I hope you can help me or point me to the right people.',
  ]) {
    assert.equal(urgent(text), false, text);
  }
  assert.equal(urgent('Volgens het rapport sla ik mijn kinderen. Help!'), true, 'a cry for help is no echo');
});

test('danger described without alarm words (our own phrasings of what batch-05 taught)', () => {
  for (const text of [
    'Hij hield zijn handen om mijn nek tot ik geen lucht meer kreeg. Vanavond is hij er weer.',
    'Mijn vader heeft mijn paspoort en over twee weken moet ik daar trouwen.',
    'Mijn broers zeiden dat ik het weekend niet haal.',
    'De vriend van mama komt op mijn kamer als zij werkt. Kan iemand zorgen dat hij vannacht niet komt?',
    'Ik heb al weken slaappillen opgespaard.',
    'Zeg tegen Daan dat papa van hem houdt.',
    'She locks me in: she turns the key when she goes out and takes the phone with her.',
    'Niet terugbellen op dit nummer, hij kijkt mee.',
    'Mijn zus reageert niet meer en de baby heeft sinds gisteren geen fles gehad.',
    'Het jongetje staat nu buiten op de galerij.\nOp blote voeten, het vriest.',
    'Vannacht weer een foto gekregen.\nHet was mijn voordeur, van dichtbij.',
  ]) {
    assert.equal(urgent(text), true, text);
  }
});

test('figures of speech, research questions, the distant past and safety regained are not danger', () => {
  for (const text of [
    'Ik zou hem wel kunnen vermoorden, die man van de klantenservice.',
    'I could honestly strangle whoever designed this phone menu.',
    'This is going to kill me, all this paperwork.',
    'Registreert u wurging als aparte categorie?',
    'In de jaren 90 sloeg mijn vader ons.',
    'Deze zomer stond hij elke avond bij mijn huis. Sinds het straatverbod voel ik me weer veilig.',
    'In het verslag staat dat ik suïcidale uitspraken heb gedaan; ik ben nooit van plan geweest mezelf iets aan te doen.',
  ]) {
    assert.equal(urgent(text), false, text);
  }
});

test('danger in a professional\'s words', () => {
  for (const text of [
    'Er is sprake van een acuut onveilige thuissituatie.',
    'Cliënt uit zich suïcidaal en heeft een plan.',
    'Het meisje had vanochtend striemen op haar armen en wil niet naar huis.',
    'Hij heeft gezegd dat hij haar iets zal aandoen als ze weggaat.',
    'The child had fresh bruises and said she does not want to go home tonight.',
    'Haar zoon is psychotisch en dreigt met een mes.',
  ]) {
    assert.equal(urgent(text), true, text);
  }
});

test('what batch-07 taught, in our own words', () => {
  for (const text of [
    'HET KIND NAAST ONS GILT "NIET DOEN PAPA".\nHET IS NU 23:10.',
    'She came in today with a black eye. He texted: wait till tonight.',
    'Hij heeft gisteravond het vleesmes naast zijn bord gelegd.',
    'De baby huilt al sinds zaterdag.\nHet huilen wordt vandaag steeds zachter.',
    'Hij stuurt vanavond dat het vannacht eindelijk rustig wordt in zijn hoofd.',
    'please dont email or call my mom',
    'Mama werd niet wakker.\nGisteravond, en de kleine heeft sinds vanochtend geen fles gehad.',
  ]) {
    assert.equal(urgent(text), true, text);
  }
  for (const text of [
    'Mogen wij als school eerst met ouders praten als een leerling vertelt dat hij thuis geslagen wordt?',
    'Onze verzonnen casus: een meisje vertelt dat papa een mes pakte.',
    'Het was een foto van zijn airsoftgeweer.',
    'I did not threaten her.',
    'The bruise was from a fall at daycare.',
  ]) {
    assert.equal(urgent(text), false, text);
  }
});

test('several soft signs together are urgent even when no single cue matches', () => {
  assert.equal(urgent('Ik weet niet wat ik moet doen. Hij is weer dronken.'), true);
  assert.equal(urgent('We zijn bang. Vanavond komt zijn broer langs.'), true);
  assert.equal(urgent('We zijn bang dat de brief te laat komt.'), false, 'fear alone is not enough');
  assert.equal(urgent('Ik weet niet wat ik moet doen met dit formulier.'), false, 'not knowing what to do with a form is no danger');
  // Three signs say by themselves that it is now and the writer is helpless.
  assert.equal(urgent('Ik weet echt niet meer wat ik moet doen.'), true);
  assert.equal(urgent('Ik typ dit stiekem op de wc.'), true);
  assert.ok(detectUrgency('Ik weet niet wat ik moet doen. Hij is weer dronken.', 2026).rules.includes('accumulated_signs'));
});

test('what batch-09 taught, in our own words', () => {
  for (const text of [
    'Ze kocht drie doosjes paracetamol en zei dat ze er na het weekend niet meer tegen hoeft te vechten.',
    'Papa heeft mama weer geduwd en ze bloedde bij haar hoofd.',
    'Hij zei dat als hij vanavond terug komt het afgelopen is met haar.',
    'Ze zei dat als ik wegga ze mij iets aandoet.',
  ]) {
    assert.equal(urgent(text), true, text);
  }
  assert.equal(urgent('De moeder zei lachend "ik vermoord ze nog eens hè" toen de kinderen met verf knoeiden.'), false);
  assert.equal(urgent('Dat heeft me jaren achtervolgd.'), false);
});

test('what batch-10 and batch-11 taught, in our own words', () => {
  for (const text of [
    'Hij heeft de paspoorten van de kinderen uit de kast gehaald en zegt dat ik ze nooit meer zie.',
    'He told me that if I talk to anyone I will never see my daughter again.',
    'Mijn zus heeft vanmiddag de hele strip slaappillen genomen en ze slaapt nu heel diep.',
    'Mijn dochter zei dat haar broertje haar laptop en haar fiets mag hebben.',
    'He held me by the neck last week and says next time he will not let go.',
    'De kleine zit sinds donderdagavond alleen thuis met haar broertje.',
    'My ex has found our new address and his car is outside.',
    'Zijn jachtgeweer ligt op tafel en hij zegt niks meer.',
    'Vanochtend lag er op mijn auto een foto van mijn eigen dochter bij het schoolhek.',
  ]) {
    assert.equal(urgent(text), true, text);
  }
  for (const text of [
    'In de film die we in de klas keken wordt een meisje door haar broers bedreigd.',
    'Mijn jachtgeweren liggen in een wapenkluis, ik heb al twintig jaar een jachtakte.',
    'I could strangle the next person who sends me a letter in Dutch.',
    'Idee: een gastles over eergerelateerd geweld voor de bovenbouw.',
    'Twee jaar geleden wilde ik niet meer leven. Het gaat nu echt goed met mij.',
  ]) {
    assert.equal(byRules(text), false, text);
  }
});

test('what batch-12 and batch-14 taught, in our own words', () => {
  for (const text of [
    'Hij heeft mijn hoofd tegen de kastdeur geduwd en mijn armen zijn blauw en geel.',
    'Opa zegt dat als hij nog een keer belt, hij wat zal beleven. Dan zul je wat beleven, zei hij.',
    'Ik heb haar slaappillen de laatste maanden opgespaard, het is genoeg voor ons allebei.',
    'Na de kerst ben ik er niet meer, de brieven voor Sam en Noor liggen klaar.',
    'Ze stuurde een foto van de kinderen in de auto bij het water: this is where it ends.',
    'Ik heb mijn kledingkast voor de deur geschoven, hij staat op de gang.',
    'De kleine heeft ronde wondjes op haar arm, precies zo groot als een sigaret.',
    'Mijn vriend heeft me gisteren zo van de trap geduwd.',
  ]) {
    assert.equal(urgent(text), true, text);
  }
  for (const text of [
    'The waiting is killing us, honestly.',
    'Op pagina 4 staat: "vader heeft een vuurwapen in de schuur". Dat is een spijkerpistool.',
    'Drie weken geleden was ik bang dat ik de baby iets zou aandoen. Het gaat nu echt goed met mij.',
    'We hoorden harde dreunen en de baby huilde een uur. Er was niets aan de hand: een kast viel om.',
    'Er is op dit moment geen acute situatie, maar ik heb twee vragen.',
  ]) {
    assert.equal(urgent(text), false, text);
  }
});

test('"stabiel" is no stabbing (a bug batch-16 found: care reports say a situation is stable)', () => {
  assert.equal(urgent('De situatie van de leerling is inmiddels in handen van het wijkteam en is stabiel.'), false);
  assert.equal(urgent('He stabbed the door and said I am next.'), true);
});

test('what batch-15 taught, in our own words', () => {
  for (const text of [
    'Mijn nichtje is sinds gisteravond niet thuisgekomen en haar telefoon staat uit.',
    'Mijn dochter zou vanavond worden teruggebracht, maar haar vader is niet gekomen en neemt niet op.',
    'Hij heeft de verwarming dichtgedraaid en opa heeft niet gegeten sinds zondag.',
    'Mijn broer heeft de insuline van mama in de schuur gezet.',
    'Ik heb mijn zaken geregeld en de hond is bij de buren ondergebracht.',
    'Hij heeft tickets gekocht, enkel heen, en mijn paspoort meegenomen.',
    'Hij zei dat oma de trap wel eens zou kunnen missen.',
  ]) {
    assert.equal(urgent(text), true, text);
  }
  assert.equal(urgent('In het verslag wordt de deurbel die op advies is geplaatst aangemerkt als "opsluiten".'), false);
  assert.equal(urgent('Dat was omdat mijn vader toen mijn moeder had geslagen.'), false);
});

test('what batch-18 taught: heated words, policy terms and quoted allegations are no danger', () => {
  for (const text of [
    'In juni zat ik drie weken voor mijn werk in Noorwegen.',
    'The worker asked my 6-year-old whether daddy ever hits her.',
    'In het verslag staat: "Moeder sluit hem op." "Zoon vertelt dat moeder hem met een riem slaat."',
    'Wanneer beschouwt Veilig Thuis een situatie als "acuut onveilig"?',
    'Wij schatten de situatie niet als acuut onveilig in.',
    'Ook loverboyproblematiek en eergerelateerd geweld komen in de training aan bod.',
  ]) {
    assert.equal(urgent(text), false, text);
  }
  assert.equal(urgent('Hij stond vanochtend weer voor mijn werk te wachten.'), true);
});

test('"it is over" is read narrowly: a trapped, a fine-for-now or a solved-something writer still gets help', () => {
  // Review of session 3's own additions: each of these once dismissed the danger that followed.
  assert.equal(urgent('Ik zit vast in de badkamer. Hij staat voor de deur met een mes.'), true);
  assert.equal(urgent("I'm fine. He has a knife and says he will use it."), true);
  assert.equal(urgent('Het is stil. Hij heeft haar geslagen.'), true);
  assert.equal(urgent('Dat is opgelost. Hij heeft een mes in de la gelegd en zegt dat ik wel zie.'), true);
  assert.equal(urgent('Hij zit inmiddels vast. Vorig jaar sloeg hij me.'), false);
});

test('fiction, training and figures of speech are read narrowly too (review of session 3)', () => {
  for (const text of [
    'Roman slaat me elke avond en ik durf niet naar huis.',
    'Hij sloeg me gisteren, een hele serie klappen.',
    'Na zijn training sloeg hij me met de riem.',
    'Hij heeft een film van mij gemaakt en dreigt die te verspreiden.',
    'Hij zei: ik vermoord de eerste die de deur opendoet.',
  ]) {
    assert.equal(urgent(text), true, text);
  }
  assert.equal(urgent('In de film die we keken wordt een meisje bedreigd.'), false);
  assert.equal(urgent('I swear I will strangle the next person who sends me a letter in Dutch.'), false);
});

test('arson threats in every verb form (batch-19: "hij steekt ons huis in de fik met ons erin")', () => {
  assert.equal(urgent('Hij zei dat hij ons huis in de fik steekt met ons erin.'), true);
  assert.equal(urgent('Hij zegt dat hij de flat in brand steekt als ik niet terugkom.'), true);
});

test('what batches 20, 24 and 25 taught: denials, lawful weapons, a time that is over and figures of speech are no danger', () => {
  for (const text of [
    'Neither of us has ever hit our kids and nobody had even suggested that.',
    'Niemand in dit huis is ooit met een wapen bedreigd en dat zal ook nooit gebeuren.',
    'My ex-husband told the officer that he had not been threatened.',
    'Ineens ben ik iemand die dreigt.',
    'Ik verzoek u te schrijven dat het om legale en veilig opgeborgen jachtwapens gaat.',
    'I was holding a bread knife because I was cutting bread.',
    'On the night of 16 August 2025 my husband put his hands around my throat.',
    'Mijn ex heeft mij jarenlang geslagen en bedreigd. Hij zit nog vast tot in 2027.',
    'Reading it was like being punched in the stomach, and this whole custody thing is killing me.',
    'Now my parents know everything and i literally want to die of embarrassment.',
    'Daarna voelde ik me echt aangevallen.',
    'Ik kreeg te horen dat ik bij acuut gevaar 112 moest bellen.',
    'Ik klaag over het niet terugbellen en over het feit dat ik al 3 maanden niks hoor.',
    'Honestly, I could kill that caseworker.',
  ]) {
    assert.equal(byRules(text), false, text);
  }
  // The same words with the danger now stay urgent.
  assert.equal(byRules('Hij heeft me net bedreigd met een mes en hij komt vanavond terug.'), true);
  assert.equal(byRules('He has his hands around her throat right now, I can hear her.'), true);
  assert.equal(byRules('Bel me niet terug op dit nummer, hij leest mijn telefoon.'), true);
});

test('what batches 26 to 28 taught: a month well before receipt is past, denied suicidal thoughts, a letter that says so', () => {
  // Received 4 November: "eind september" is over a month back; a month ago can still be now.
  assert.equal(detectUrgency('De leerling vertelde eind september dat er thuis geweld is en dat hij een klap heeft gekregen.', 2026, '', 11).urgent, false);
  assert.equal(detectUrgency('In oktober heeft hij haar geslagen.', 2026, '', 11).urgent, true);
  assert.equal(detectUrgency('Eind september heeft hij haar geslagen en vannacht weer.', 2026, '', 11).urgent, true);
  assert.equal(detectUrgency('Eind september heeft hij haar geslagen.', 2026).urgent, true, 'without a receipt month nothing is assumed');
  assert.equal(urgent('Ze heeft geen suïcidale gedachten en geen gedachten om de kinderen iets aan te doen.'), false);
  assert.equal(urgent('Nu staat in een brief van jullie dat zij heeft "toegegeven" dat ze mijn broertje heeft geslagen.'), false);
  // A letter from someone else that says it is a threat, not our report (review).
  assert.equal(urgent('Er staat in de brief van hem dat hij me komt halen en vermoordt.'), true);
  assert.equal(urgent('Ze heeft suïcidale gedachten en zegt dat ze het vanavond doet.'), true);
});

test('what batch-29 taught: a threat to take everyone along is a threat to life; a dated day months back is past', () => {
  assert.equal(urgent('Nog iets: hij heeft gisteravond ge-appt dat als de kinderen zaterdag niet bij hem zijn, hij "ons alle drie meeneemt".'), true);
  assert.equal(urgent('He texted that he will take us all with him if I leave.'), true);
  assert.equal(detectUrgency('Op zondag 3 mei 2026 zag ik dat mijn overbuurman zijn vrouw in haar gezicht sloeg.', 2026, '', 11).urgent, false);
  assert.equal(detectUrgency('Op 20 november sloeg hij haar in haar gezicht.', 2026, '', 11).urgent, true);
  assert.equal(urgent('This is slowly killing me.'), false);
  assert.equal(urgent('Mijn kinderen zijn nu bang dat ze uit huis worden gehaald.'), false);
  assert.equal(urgent('Ik neem de kinderen morgen mee naar de speeltuin.'), false);
});

test('what batch-30 taught: no acute worries said outright, a threat made earlier, a summer months back', () => {
  for (const text of [
    'Voor de volledigheid: op dit moment zijn er geen acute zorgen.',
    'Ik heb geen aanwijzingen dat ze geslagen wordt of dat er nu iets acuuts aan de hand is.',
    'Ons adres is juist bewust geheim gehouden, omdat vader eerder heeft gedreigd.',
  ]) {
    assert.equal(urgent(text), false, text);
  }
  assert.equal(detectUrgency('Haar man heeft haar in de zomer een paar keer geslagen.', 2026, '', 11).urgent, false);
  assert.equal(detectUrgency('Haar man heeft haar in de zomer een paar keer geslagen.', 2026, '', 9).urgent, true, 'in September the summer is just over');
  assert.equal(urgent('Hij heeft eerder gedreigd en staat nu voor de deur.'), true);
});

test('a month that may be the coming one keeps a threat urgent (review of session 4\'s own past-month rule)', () => {
  assert.equal(detectUrgency('Hij komt op 3 januari vrij en heeft gezegd dat hij me dan vermoordt.', 2026, '', 11).urgent, true);
  assert.equal(detectUrgency('In februari komt hij vrij en dan maakt hij me af, zegt hij.', 2026, '', 11).urgent, true);
  assert.equal(detectUrgency('In mei heeft hij haar geslagen.', 2026, '', 11).urgent, false);
});

test('taking someone along is a threat only with everyone named; no indication is read narrowly (review)', () => {
  assert.equal(urgent('Hij neemt ons mee naar de dierentuin.'), false);
  assert.equal(urgent('He will take us all with him, he said.'), true);
  assert.equal(urgent('Ik heb geen aanwijzing dat hij weg is, hij staat nog met een mes voor de deur.'), true);
});

test('a knife for bread or a lawful gun is no danger only when the sentence says so (review)', () => {
  assert.equal(urgent('He grabbed the knife I was cutting bread with and held it to my throat.'), true);
  assert.equal(urgent('Hij pakte zijn jachtwapen en richtte het op mij.'), true);
  assert.equal(urgent('I was holding a bread knife because I was cutting bread.'), false);
});

test('denials and ironies are read narrowly, so danger in the same words still counts (review of session 4)', () => {
  assert.equal(urgent('Neither of us is safe, he has a gun.'), true);
  assert.equal(urgent('Niemand gelooft me ooit, hij slaat me elke dag.'), true);
  assert.equal(urgent('Nobody ever helps me, he beats me every night.'), true);
  assert.equal(urgent('Nu ben ik iemand die elke dag bang is dat hij terugkomt.'), true);
  assert.equal(urgent('Mijn toenmalige partner heeft gezegd dat hij me vermoordt als ik de kinderen niet breng.'), true);
});

test('"tonight" alone is no danger; tonight with danger still is (batch-31)', () => {
  for (const text of ['U kunt mij vanavond na zeven uur bellen.', 'I will send the scan tonight.', 'Ik lag er vannacht wakker van.', 'Ik stuur de stukken straks na.']) {
    assert.equal(urgent(text), false, text);
  }
  assert.equal(urgent('Hij komt vanavond en ik ben zo bang.'), true);
  assert.equal(urgent('Vannacht doe ik het, ik heb de pillen al.'), true);
  assert.equal(urgent('Straks is mijn vader thuis en hij heeft gezegd dat hij me slaat.'), true);
});

test('a story told in the past continues the past; a time of its own breaks it (batch-33)', () => {
  assert.equal(byRules('From 2014 to 2019 I was married to a man who hurt me. He locked me in the bathroom for a whole night.'), false);
  assert.equal(byRules('Vorig jaar heeft hij me geslagen. Zaterdag sloeg hij me met een riem.'), true);
  assert.equal(byRules('In 2023 he broke my arm. Last night he held my throat.'), true);
  assert.equal(byRules('He locked me in the bathroom for a whole night.'), true, 'no past said before: it counts');
});

test('taking the children abroad: "dat ik ze nooit meer zie", their passports (batch-33)', () => {
  assert.equal(byRules('Zaterdag moet ik de kinderen weer meegeven, terwijl hij zei dat hij ze meeneemt naar zijn familie en dat ik ze dan nooit meer zie.'), true);
  assert.equal(byRules('Hij heeft hun paspoorten nog.'), true);
});

test('what was reported, denied or felt is read as such, a threat reported still counts (batch-32)', () => {
  assert.equal(byRules('We hadden die week ruzie en ik heb een deur dichtgesmeten, dat is alles, er is niemand geslagen.'), false);
  assert.equal(byRules('Ik voelde me niet geholpen maar bedreigd.'), false);
  assert.equal(byRules('Die zin achtervolgt me nog steeds.'), false);
  assert.equal(byRules('Mijn zoon had op school gezegd dat "papa mama pijn doet".'), false);
  assert.equal(byRules('Op 6 november heb ik gemeld dat mijn zus thuis wordt bedreigd.'), true);
  assert.equal(byRules('Mijn zoon had gisteren op school gezegd dat "papa mama pijn doet".'), true);
});

test('the Dutch perfect after an old story still counts: it tells what just happened as often as what is over (review)', () => {
  assert.equal(byRules('Vorig jaar heb ik een klacht ingediend. Hij heeft me geslagen en de kinderen zijn bang.'), true);
});

test('once, when we were married, when I was pregnant, "geslagen werd": told as over (batch-37)', () => {
  for (const text of [
    'Hij heeft mij een keer met een mes in de keuken klem gezet, daar heb ik aangifte van gedaan.',
    'Ik ben 30 jaar getrouwd geweest met een man die mij sloeg.',
    'Hij heeft me tegen de koelkast geduwd toen ik zwanger was van Mats.',
    'Er gebeurde acht weken niets met een melding over een kind dat thuis geslagen werd.',
    'Toen ik dat las kon ik die mevrouw wel vermoorden.',
  ]) assert.equal(byRules(text), false, text);
  assert.equal(byRules('Hij heeft me vannacht een keer met een mes klem gezet.'), true);
  assert.equal(byRules('Hij zei dat hij haar wel kon vermoorden.'), true);
});

test('a child shut out in the cold and a parent who will disappear with a child are urgent (batch-36)', () => {
  assert.equal(byRules('Ze hebben hem buitengezet, hij staat sinds half 8 op zijn sokken op de galerij en ze doen niet open.'), true);
  assert.equal(byRules('Ze zei dat ze hem vandaag komt halen en dan samen met Tim ergens heen gaat waar niemand ons meer lastigvalt, voor altijd.'), true);
  assert.equal(byRules('Als moeder voel ik me compleet buitengesloten.'), false);
  assert.equal(byRules('Ik werd buiten gezet bij het gesprek over mijn eigen kinderen.'), false);
});

test('what our staff did called threatening, a denial, a co-reader: no danger (batch-38)', () => {
  for (const text of ['Maar ik heb niemand bedreigd en ik ben niet opgestaan.', 'Dat is dreigen vind ik.', 'En dreigen met "niet meewerken" terwijl ZIJ de afspraak afzegde.', 'Mijn vrouw leest mee en is het eens.']) {
    assert.equal(byRules(text), false, text);
  }
  assert.equal(byRules('Ik kan niet veel schrijven, hij leest mee.'), true);
  assert.equal(byRules('Hij dreigt dat hij me iets aandoet als ik niet meewerk.'), true);
});

test('a weapon made ready without its name, and a suicide looked up, are urgent (dev messages the rules alone missed)', () => {
  assert.equal(byRules('Gisteravond heeft hij het ding uit de schuur gehaald en het aan de keukentafel schoongemaakt, met een doek en een flesje olie.'), true);
  assert.equal(byRules('Ik heb al opgezocht hoe het moet en het is eigenlijk best makkelijk.'), true);
  assert.equal(byRules('Ik heb opgezocht hoe het moet met een klacht indienen.'), false);
  assert.equal(byRules('Hij heeft het ding van de buren gerepareerd.'), false);
});

test('two ordinary soft signs are not enough, three are; fear with tonight still is (session 5)', () => {
  assert.equal(byRules('Ik was bang en heb de politie gebeld.'), false, 'fear and the police');
  assert.equal(byRules('Ik was bang, hij was dronken en ik heb de politie gebeld.'), true, 'fear, drink and the police');
  assert.equal(byRules('We zijn bang. Vanavond komt zijn broer langs.'), true, 'fear with tonight');
});

test('strangling told as the neck held "tot ze heel stil was", veiled threats, a helpless "we" (batch-40)', () => {
  assert.equal(byRules('Vanmiddag vertelde het jongetje dat papa gisteravond mama\'s nek heeft vastgepakt "tot ze heel stil was".'), true);
  assert.equal(byRules('Papa zei dat hij mama morgen weg gaat doen.'), true);
  assert.equal(byRules('Hij zei dat ik moest oprotten voordat er ongelukken gebeuren.'), true);
  assert.equal(byRules('We gaan de oude bank weg doen.'), false);
  assert.equal(byRules('Wij weten niet wat we moeten doen.'), true, 'helplessness counts alone, said by "we" as by "ik"');
  assert.equal(byRules('Wij weten niet wat we moeten doen met dit formulier.'), false);
});

test('said quietly: "vanavond afgelopen met dat gedoe", her phone taken, letters "voor later" (batch-41)', () => {
  assert.equal(byRules('Hij heeft gezegd dat het vanavond afgelopen is met dat gedoe en dat zij deze keer niemand meer gaat bellen.'), true);
  assert.equal(byRules('Haar telefoon heeft hij ingenomen.'), true);
  assert.equal(byRules('Mijn broer weet waar de papieren liggen. Voor Fenna heb ik een brief geschreven, voor later.'), true);
  assert.equal(byRules('Ik heb een maand huisarrest en mijn telefoon is afgepakt.'), false, 'a teenager punished');
});

test('quoted, habitual-past and figurative threats in complaints (batch-42)', () => {
  for (const text of [
    'Jullie vermoorden mij met die bureaucratie.',
    'Ik zweer het, ik maak jullie kapot.',
    'Hij zei altijd dat hij me zou vermoorden als ik het iemand vertelde.',
    'The report correctly quotes what my ex-husband said: "I\'ll kill you before you reach the airport."',
  ]) assert.equal(byRules(text), false, text);
  assert.equal(byRules('Hij zei altijd dat hij me zou vermoorden, en gisteren zei hij het weer.'), true);
});

test('the signs of strangling in a clinician\'s note are danger without a time word (batch-15, left out)', () => {
  assert.equal(byRules('Bevindingen: petechiën in gelaat en beide oogwitten, drukplekken halsregio beiderzijds, stem hees.'), true);
  assert.equal(byRules('On examination there were petechiae around her eyes.'), true);
  assert.equal(byRules('Het kind had petechiën op de benen door de koorts.'), false, 'not at the face or neck');
});

test('a threat to kill in second-language Dutch (batch-42, left out): "daar ze maken mij dood voor de schande"', () => {
  assert.equal(byRules('Hij zegt nu hij brengt mij en de baby deze week naar zijn familie en daar ze maken mij dood voor de schande.'), true);
  assert.equal(byRules('Die wachtrij maakt het alleen maar erger.'), false);
});
