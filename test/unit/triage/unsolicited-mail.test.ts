import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unsolicitedMailRules } from '../../../src/domain/triage/unsolicited-mail.ts';

test('a cold SEO pitch with an offer and a call to reply is spam', () => {
  const pitch = 'I noticed a few things holding your site back on Google (missing backlinks). This month we are offering a FREE SEO audit for new clients. Just reply "YES" and I will send it over.';
  assert.deepEqual(unsolicitedMailRules({ subject: 'Quick question about wijzijnhecht.nl', text: pitch }), ['spam:unsolicited_sales_pitch']);
  const dutch = 'Uw vindbaarheid in Google kan beter. Wij bieden een gratis scan aan voor nieuwe klanten; plan een kennismakingsgesprek.';
  assert.deepEqual(unsolicitedMailRules({ subject: 'Uw website', text: dutch }), ['spam:unsolicited_sales_pitch']);
});

test('a person who mentions Google, a website or a reply is no pitch', () => {
  const complaint = 'Ik heb op Google jullie klachtenregeling gezocht, maar de website was onduidelijk. Just reply: wanneer belt iemand mij terug? Mijn klacht gaat over het huisbezoek van 3 november.';
  assert.deepEqual(unsolicitedMailRules({ subject: 'Klacht', text: complaint }), []);
  const onlyTopic = 'Onze school doet aan web design met de leerlingen; een leerling vertelde mij iets zorgelijks over thuis.';
  assert.deepEqual(unsolicitedMailRules({ subject: 'Zorgen', text: onlyTopic }), []);
});

test('schemes that ask us to pay, claim or open are spam; people who mention money or a parcel are not (batch-35)', () => {
  const rule = (text: string) => unsolicitedMailRules({ subject: '', text });
  assert.deepEqual(rule('Uit onze administratie blijkt dat de factuur nog niet is voldaan. Wij verzoeken u het bedrag binnen 3 dagen over te maken.'), ['spam:unsolicited_payment_demand']);
  assert.deepEqual(rule('Dear Lucky Winner, you have won the sum of EUR 850,000.00. Contact our claims agent.'), ['spam:unsolicited_money_offer']);
  assert.deepEqual(rule('Kun je 8 cadeaukaarten van €100 regelen? Kras de codes open en stuur me een foto.'), ['spam:unsolicited_gift_cards']);
  assert.deepEqual(rule('Na herberekening heeft u recht op een teruggave van € 318,42. Bevestig uw gegevens binnen 5 werkdagen.'), ['spam:unsolicited_refund']);
  assert.deepEqual(rule('Mijn advocaat stuurde mij een factuur van 900 euro voor de zitting die door jullie fouten nodig was. Ik wil een klacht indienen.'), []);
  assert.deepEqual(rule('Ik heb de stukken per pakket opgestuurd, maar niemand heeft gereageerd. Mijn klacht gaat over het huisbezoek.'), []);
  assert.deepEqual(rule('De brief van Veilig Thuis leek op phishing: een onbekende link en een dreigende toon. Ik vind dat onprofessioneel.'), []);
});

test('a boss who cannot call, a changed bank account, a secured file, "is this you in the photo" (batch-39)', () => {
  const rule = (subject: string, text: string) => unsolicitedMailRules({ subject, text });
  assert.deepEqual(rule('Ben je beschikbaar?', 'Hoi, ben je aan je bureau? Ik heb een snelle taak voor je. Ik kan niet bellen, reageer even hier.'), ['spam:unsolicited_ceo_fraud']);
  assert.deepEqual(rule('Openstaande factuur', 'Factuur 2026-40917 is nog niet voldaan. Door een bankwissel is ons rekeningnummer per direct gewijzigd.'), ['spam:unsolicited_payment_demand']);
  assert.deepEqual(rule('RE: Aanvraag gegevens', 'Het bestand is beveiligd; open de bijlage in uw browser en log in met uw werk-e-mail.'), ['spam:unsolicited_document_lure']);
  assert.deepEqual(rule('haha', 'ben jij dit op deze foto?? kijk zelf maar: https://foto-deel.example.com/a'), ['spam:unsolicited_photo_lure']);
  assert.deepEqual(rule('Vraag', 'Ben je beschikbaar voor een gesprek over mijn klacht? Ik kan niet bellen overdag.'), [], 'a person asking for a talk');
});
