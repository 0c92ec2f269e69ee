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
