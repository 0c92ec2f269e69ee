import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyContent } from '../../../src/domain/triage/kind.ts';

const kind = (text: string, subject = '', urgent = false) => classifyContent(text, subject, urgent).kind;

test('complaints, in Dutch and English', () => {
  assert.equal(kind('Ik ben ontevreden over het contact met Veilig Thuis.'), 'complaint');
  assert.equal(kind('Het verslag klopt niet en ik ben niet gehoord.'), 'complaint');
  assert.equal(kind('I am not happy with the way I was treated.'), 'complaint');
});

test('a message without any signal needs review: best guess complaint, but no request for details', () => {
  const decision = classifyContent('Zie bijlage.', 'Formulier', false);
  assert.deepEqual([decision.kind, decision.rule, decision.needsReview], ['complaint', 'no_evidence', true]);
  const weak = classifyContent('Het gaat over mijn klacht.', '', false);
  assert.deepEqual([weak.kind, weak.rule, weak.needsReview], ['complaint', 'weak_complaint_evidence', true]);
});

test('a filled-in complaint form attached is a complaint', () => {
  assert.equal(classifyContent('In de bijlage mijn ingevulde klachtenformulier.', 'Klachtenformulier', false, true).needsReview, false);
});

test('procedure questions are questions, also without a question mark; hypotheticals complain about nothing', () => {
  assert.equal(kind('hallo mag ik als kind ook zelf een klacht indienen of moet dat via mijn ouders.'), 'question');
  assert.equal(kind('How long does it take? I have not decided yet if I want to make a complaint.', 'Question about complaint procedure'), 'question');
});

test('complaints without the word: conduct described, indignation, a subject that names it', () => {
  assert.equal(kind('jullie medewerker heeft mijn zoon op school gesproken zonder dat ik het wist. waarom mag dat zomaar'), 'complaint');
  assert.equal(kind('al 3 weken geen reactie op mijn mails. zo ga je toch niet met mensen om'), 'complaint');
  assert.equal(kind('De medewerker was kortaf en onbeleefd.', 'Over het telefoongesprek'), 'complaint');
  assert.equal(kind('Zie mijn verhaal hieronder.', 'Klacht'), 'complaint');
});

test('a thank-you with a request is a compliment; a disclaimer complains about nothing', () => {
  assert.equal(kind('Ik ben haar heel dankbaar. Willen jullie dat tegen haar zeggen?', 'Bedankt Ilse!!'), 'compliment');
  assert.equal(kind('Ik wil graag een compliment geven. Indien u dit bericht onterecht heeft ontvangen, verwijder het dan.'), 'compliment');
});

test('compliments, also when the word complaint is negated', () => {
  assert.equal(kind('Ik wil mevrouw Visser bedanken voor haar hulp.'), 'compliment');
  assert.equal(kind('Dit is geen klacht maar een compliment. Wij zijn erg blij met jullie hulp.'), 'compliment');
  assert.equal(kind('I just wanted to thank the team for the support.'), 'compliment');
});

test('ideas and questions', () => {
  assert.equal(kind('Zou het fijn zijn als jullie ook via WhatsApp bereikbaar zijn?'), 'idea');
  assert.equal(kind('Hoe kan ik een klacht indienen? Moet dat met het formulier?'), 'question');
  assert.equal(kind('Mag ik als leerkracht een klacht indienen\nnamens een leerling?'), 'question');
  assert.equal(kind('Could you tell me how long you keep my file?'), 'question');
});

test('reports of an unsafe situation, and urgent messages without complaint words', () => {
  assert.equal(kind('Ik maak me zorgen om de kinderen van mijn buren, ik hoor ze vaak huilen.'), 'report');
  assert.equal(kind('I want to report that my neighbour is being abused.'), 'report');
  assert.equal(kind('ik weet het niet meer', '', true), 'report');
  assert.equal(kind('Ik heb een klacht: niemand belt terug terwijl hij mij bedreigt.', '', true), 'complaint');
});

test('complaint words win over a thank-you in the same message', () => {
  assert.equal(kind('Alvast bedankt. Ik ben het oneens met het rapport.'), 'complaint');
});

test('a demand for a remedy, being treated as guilty, no interpreter: complaints without the word', () => {
  assert.equal(kind('Ik wil dat die zin uit mijn dossier wordt verwijderd.'), 'complaint');
  assert.equal(kind('Vanaf de eerste minuut werd ik behandeld alsof ik al schuldig was.'), 'complaint');
  assert.equal(kind('Er was geen tolk, mijn dochter van 12 moest alles vertalen.'), 'complaint');
  assert.equal(kind('Ik schrok me dood, ik had geen idee waar het over ging. Dit had echt niet mogen gebeuren.'), 'complaint');
});

test('a proposal phrased as a question is an idea', () => {
  assert.equal(kind('Waarom is er niets in het Engels? Het zou zo veel schelen als er een paar pagina\'s vertaald zijn.'), 'idea');
  assert.equal(kind('Could you please add a basic English page?', 'No information in English?'), 'idea');
});

test('someone in danger who mainly asks something asks a question; the danger itself is a report', () => {
  const asks = classifyContent('Ik heb een vraag. Mag ik vanavond met de kinderen naar mijn zus? Kan ik dat zomaar doen? Hij heeft gezegd dat hij me vanavond iets aandoet.', 'vraag', true);
  assert.equal(asks.kind, 'question');
  assert.equal(asks.rule, 'urgent_question');
  assert.equal(classifyContent('Hij staat nu voor de deur met een mes. Help.', '', true).kind, 'report');
});

test('a procedure question without a question mark, and a complaint someone only considers, are questions', () => {
  assert.equal(classifyContent('hoe kan ik een klacht indienen over een medewerker van jullie moet dat met een formulier of kan het gewoon via de mail', 'vraag', false).kind, 'question');
  assert.equal(classifyContent('Een cliënte van mij overweegt een klacht in te dienen over Veilig Thuis. Mag ik namens haar schrijven?', 'Vraag', false).kind, 'question');
});

test('thanks said twice over with one critical aside is a compliment; a stated complaint stays a complaint', () => {
  const thanks = 'Een paar maanden geleden was ik nog behoorlijk boos op Veilig Thuis. Toch wil ik laten weten dat ik veel waardering heb voor meneer Okken.';
  assert.equal(classifyContent(thanks, 'Een bedankje', false).kind, 'compliment');
  assert.equal(classifyContent(`${thanks} Toch wil ik een klacht indienen over het verslag.`, 'Een bedankje', false).kind, 'complaint');
});

test('complaints in the idioms people use without the word klacht', () => {
  for (const text of [
    "I'm writing to complain about two things. Every letter was in Dutch only.",
    'Ik wil dat wordt uitgezocht wie dit was en dat er met haar over gesproken wordt.',
    'Ik word gek van jullie. Sinds oktober probeer ik iemand te spreken.',
    'Ik vind het slecht dat u melders zo in het ongewisse laat.',
    'Ik voelde me van het kastje naar de muur gestuurd.',
    'I would appreciate an apology for the missed appointment.',
  ]) {
    assert.equal(kind(text), 'complaint', text);
  }
});

test('a worry about a child with what the writer saw is a report, also when it asks what to do (session 5)', () => {
  assert.equal(kind('Het jongetje van de buren loopt in november in een korte broek en heeft vaak honger. Wat moet ik doen?'), 'report');
  assert.equal(classifyContent('Het jongetje van de buren loopt in november in een korte broek. Wat moet ik doen?', '', false).kind, 'question', 'without what was seen it stays a question');
});

test('an urgent message is a complaint only when its complaint outweighs its report (session 5)', () => {
  const text = 'Niemand belt terug. Ik maak me zorgen over het buurmeisje: ik hoor haar gillen, ze wordt geslagen.';
  assert.ok(classifyContent(text, '', true).signals.includes('complaint:how_we_acted'), 'it does carry a complaint signal');
  assert.equal(kind(text, '', true), 'report');
  assert.equal(kind('Jullie medewerker heeft mij niet teruggebeld, dat vind ik niet goed. Hij staat nu voor de deur met een mes.', '', true), 'complaint');
});
