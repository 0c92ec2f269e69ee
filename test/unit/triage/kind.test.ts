import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyContent } from '../../../src/domain/triage/kind.ts';

const kind = (text: string, subject = '', urgent = false) => classifyContent(text, subject, urgent).kind;

test('complaints, in Dutch and English', () => {
  assert.equal(kind('Ik ben ontevreden over het contact met Veilig Thuis.'), 'complaint');
  assert.equal(kind('Het verslag klopt niet en ik ben niet gehoord.'), 'complaint');
  assert.equal(kind('I am not happy with the way I was treated.'), 'complaint');
});

test('a message without any signal is a complaint: this is the complaints mailbox', () => {
  assert.deepEqual(classifyContent('Zie bijlage.', 'Formulier', false), { kind: 'complaint', rule: 'default_complaint' });
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
