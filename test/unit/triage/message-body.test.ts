import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitMessageBody, undoWordParagraphSpacing } from '../../../src/domain/triage/message-body.ts';
import { parseSender } from '../../../src/domain/triage/forwarded.ts';
import { splitSignature } from '../../../src/domain/triage/signature.ts';

test('quoted replies are cut: Gmail (wrapped), Outlook, > lines', () => {
  const gmail = 'Mijn adres is Vliet 14.\n\nOp di 24 nov 2026 om 10:12 schreef Klachtenopvang Hecht <\nklachtenopvang@wijzijnhecht.nl>:\n\n> Uw klacht heeft nummer KL-2026-00042.';
  assert.equal(splitMessageBody(gmail, 'Re: Uw bericht').own, 'Mijn adres is Vliet 14.');
  const outlook = 'Hier nog een aanvulling.\n\n-----Oorspronkelijk bericht-----\nVan: Klachtenopvang <k@wijzijnhecht.nl>\nVerzonden: dinsdag 24 november 2026 08:16\n\nTekst';
  assert.equal(splitMessageBody(outlook, 'RE: Uw bericht').own, 'Hier nog een aanvulling.');
  assert.equal(splitMessageBody('Dank.\n> oude tekst\n> meer', 'Re: x').own, 'Dank.');
});

test('a sentence with "schreef" is no quote marker', () => {
  const text = 'Op 3 november schreef mevrouw Jansen in haar rapport:\ndat wij niet meewerkten.';
  assert.equal(splitMessageBody(text, 'Klacht').own, text);
});

test('forwarded complaints: the complainant is inside the forward', () => {
  const gmail = 'Hoi, zie hieronder.\n\n---------- Doorgestuurd bericht ---------\nVan: Mehmet Yilmaz <m.yilmaz84@example.com>\nDate: ma 23 nov 2026 om 20:13\nSubject: klacht\nTo: Jolanda <j@wijzijnhecht.nl>\n\n\nIk wil een klacht indienen.';
  const body = splitMessageBody(gmail, 'Fwd: klacht');
  assert.equal(body.own, 'Hoi, zie hieronder.');
  assert.equal(body.complainantText, 'Ik wil een klacht indienen.');
  assert.deepEqual([body.forwarded?.fromName, body.forwarded?.fromEmail], ['Mehmet Yilmaz', 'm.yilmaz84@example.com']);
  const outlook = 'Ter behandeling.\n\n-----Oorspronkelijk bericht-----\nVan: Vries-Bakker, Anna de <anna@example.nl>\nVerzonden: maandag 23 november 2026 17:55\nOnderwerp: Klacht\n\nGoedemiddag, ik heb een klacht.';
  const forwarded = splitMessageBody(outlook, 'FW: Klacht');
  assert.equal(forwarded.forwarded?.fromName, 'Vries-Bakker, Anna de');
  assert.equal(forwarded.complainantText, 'Goedemiddag, ik heb een klacht.');
});

test('sender lines in forward headers', () => {
  assert.deepEqual(parseSender('Piet Jansen [mailto:piet@example.nl]'), { name: 'Piet Jansen', email: 'piet@example.nl' });
  assert.deepEqual(parseSender('"Meer, J.W. van der" <jw@example.nl>'), { name: 'Meer, J.W. van der', email: 'jw@example.nl' });
  assert.deepEqual(parseSender('piet@example.nl'), { name: null, email: 'piet@example.nl' });
});

test('device footers are dropped', () => {
  assert.equal(splitMessageBody('Bel me terug.\n\nVerstuurd vanaf mijn iPhone', 'Klacht').own, 'Bel me terug.');
});

test('Outlook Word-HTML spacing is undone: lines close up, paragraphs stay apart', () => {
  const text = 'Goedemiddag,\n\n \n\nIk heb een klacht.\n\n \n\nMet vriendelijke groet,\n\nRachid Bouzid\n\nLammenschansweg 130';
  assert.equal(undoWordParagraphSpacing(text), 'Goedemiddag,\n\nIk heb een klacht.\n\nMet vriendelijke groet,\nRachid Bouzid\nLammenschansweg 130');
  assert.equal(undoWordParagraphSpacing('Eén\n\nTwee'), 'Eén\n\nTwee');
});

test('the last sign-off starts the signature', () => {
  assert.deepEqual(splitSignature('Ik heb een klacht.\n\nMet vriendelijke groet,\n\nMarieke Dekker\nHynsteblom 4'), {
    body: 'Ik heb een klacht.',
    inlineName: null,
    signature: ['Marieke Dekker', 'Hynsteblom 4'],
  });
  assert.equal(splitSignature('Tekst.\nGroetjes Sem').inlineName, 'Sem');
  assert.equal(splitSignature('Bedankt voor het gesprek van vorige week, maar ik wil toch een klacht indienen.').signature.length, 0);
});

test('a forward of our own staff\'s mail, or under a complaint the sender states, is evidence: the sender is the complainant', () => {
  const staff = splitMessageBody('Hieronder het verslag dat ik kreeg. Het klopt niet.\n\nVan: Fleur Dijkstra <f.dijkstra@veiligthuishm.example.nl>\nVerzonden: maandag 16 november 2026 16:47\nAan: Monique Brouwer <monique@example.nl>\nOnderwerp: Verslag\n\nBeste Monique, hierbij het verslag.', 'FW: Verslag', false, 'wijzijnhecht.nl');
  assert.equal(staff.forwarded, null);
  assert.match(staff.complainantText, /Het klopt niet/);
  const stated = splitMessageBody('Ik wil hierover een klacht indienen.\n\n---------- Forwarded message ---------\nVan: School <info@school.example.nl>\nDatum: 1 november 2026\n\nUw zoon is geschorst.', 'Fwd: brief', false, 'wijzijnhecht.nl');
  assert.equal(stated.forwarded, null);
  const colleague = splitMessageBody('Deze klacht kwam bij mij binnen.\n\n---------- Forwarded message ---------\nVan: Mehmet Yilmaz <m.yilmaz@example.com>\nDatum: 1 november 2026\n\nIk ben ontevreden.', 'Fwd: klacht', false, 'wijzijnhecht.nl');
  assert.equal(colleague.forwarded?.fromEmail, 'm.yilmaz@example.com', 'a covering note: the complainant is inside the forward');
});
