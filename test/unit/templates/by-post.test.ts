/**
 * Letters on paper: the types a complainant without e-mail gets printed and posted render from
 * the same template with `byPost`, and say how to write or call instead of "reply to this
 * e-mail". And officer text keeps its paragraphs and line breaks in the HTML part, escaped.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, test } from 'node:test';
import { AppError } from '../../../src/errors.ts';
import { LANGUAGES } from '../../../src/adapters/templates/layout.ts';
import { loadTemplates, type RenderedMail } from '../../../src/adapters/templates/load-templates.ts';
import { byPostSample, SAMPLE_VARIABLES } from '../../../src/adapters/templates/sample-variables.ts';
import type { Language } from '../../../src/domain/reply-types.ts';
import { POSTABLE_TYPES, type PostableType, type TemplateVariables } from '../../../src/domain/template-variables.ts';

const TEMPLATES_DIR = resolve(import.meta.dirname, '../../../templates');
const templates = loadTemplates(TEMPLATES_DIR);

/** The HTML part as a person reads it: tags dropped, entities decoded, spaces collapsed. */
const readable = (html: string) =>
  html
    .replace(/<head>[\s\S]*?<\/head>/i, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const both = (mail: RenderedMail) => [mail.text.replace(/\s+/g, ' '), readable(mail.html)];

function says(mail: RenderedMail, phrases: readonly string[]): void {
  for (const body of both(mail)) for (const phrase of phrases) assert.ok(body.includes(phrase), `lacks "${phrase}":\n${body}`);
}
function never(mail: RenderedMail, phrases: readonly RegExp[]): void {
  for (const body of both(mail)) for (const phrase of phrases) assert.doesNotMatch(body, phrase);
}

const onPaper = <T extends PostableType>(type: T, lang: Language, change: Partial<TemplateVariables[T]> = {}) =>
  templates.render(type, lang, { ...byPostSample(type, lang), ...change } as TemplateVariables[T]);

/** What only an e-mail can say. */
const EMAIL_ONLY: Record<Language, RegExp[]> = {
  nl: [/antwoord(en)?( dan)? op deze e-mail/i, /deze mailbox/i, /automatisch bericht/i],
  en: [/repl(y|ying) to this e-?mail/i, /this mailbox/i, /automatic message/i],
};
const CONTACT: Record<Language, string[]> = {
  nl: ['Contact met ons', 'Stuur dan een brief naar: Hecht, t.a.v. de klachtenfunctionaris, Postbus 121, 2300 AC Leiden.', 'U kunt ook bellen met de klachtenfunctionaris: 071-123 45 67.'],
  en: ['Contact us', 'Then send a letter to: Hecht, t.a.v. de klachtenfunctionaris, Postbus 121, 2300 AC Leiden.', 'You can also call the complaints officer on 071-123 45 67.'],
};
const HELP_NOW: Record<Language, string[]> = {
  nl: ['De klachtenfunctionaris is niet dag en nacht bereikbaar.', 'Bent u in direct gevaar? Bel dan 112.', 'Bel Veilig Thuis: 0800-2000.', 'vertrouwenspersoon van Jeugdstem: 088-5551000'],
  en: ['The complaints officer cannot be reached day and night.', 'Are you in immediate danger? Call 112.', 'Call Veilig Thuis on 0800-2000.', 'vertrouwenspersoon) of Jeugdstem on 088-5551000'],
};

describe('letters on paper (byPost)', () => {
  for (const type of POSTABLE_TYPES) {
    for (const lang of LANGUAGES) {
      test(`${type} (${lang}): how to write or call, the reference, 112; nothing only an e-mail can say`, () => {
        const mail = onPaper(type, lang);
        const reference = SAMPLE_VARIABLES[lang][type].reference;
        says(mail, [...CONTACT[lang], lang === 'nl' ? `Noem altijd het nummer ${reference}.` : `Always mention reference number ${reference}.`, ...HELP_NOW[lang]]);
        never(mail, EMAIL_ONLY[lang]);
        // The e-mail is unchanged by all this: no contact section, still "reply to this e-mail".
        const email = templates.render(type, lang, SAMPLE_VARIABLES[lang][type]);
        never(email, [lang === 'nl' ? /Contact met ons/ : /Contact us/, /niet dag en nacht bereikbaar|cannot be reached day and night/]);
        assert.ok(EMAIL_ONLY[lang].some((phrase) => phrase.test(email.text)), `${type} (${lang}) by e-mail still says how to reply`);
      });
    }
  }

  test('the acknowledgement on paper keeps the receipt date, the deadline, the committee route and the vertrouwenspersoon', () => {
    says(onPaper('acknowledgement', 'nl'), [
      'Wij hebben uw klacht ontvangen op 19 november 2026.',
      'Uw klacht heeft het nummer KL-2026-00042.',
      'Wij reageren uiterlijk op 31 december 2026.',
      'Wij kunnen deze termijn één keer met maximaal 4 weken verlengen.',
      'Klachtencommissie Veilig Thuis',
      'Wilt u hulp bij uw klacht? Bel de vertrouwenspersoon van Jeugdstem: 088-5551000.',
    ]);
    says(onPaper('acknowledgement', 'en'), ['We received your complaint on 19 November 2026.', 'We will respond by 31 December 2026 at the latest.', 'Klachtencommissie Veilig Thuis']);
  });

  const missingCases = [
    { missing: { name: true, address: true }, nl: 'Wij missen nog uw naam en adres. Die hebben wij nodig om uw klacht te behandelen. Wilt u uw naam en adres aan ons doorgeven? Hieronder leest u hoe.', en: 'We still need your name and address to handle your complaint. Please send them to us. Below you can read how.' },
    { missing: { name: true, address: false }, nl: 'Wilt u uw naam aan ons doorgeven? Hieronder leest u hoe.', en: 'We still need your name to handle your complaint. Please send it to us. Below you can read how.' },
    { missing: { name: false, address: true }, nl: 'Wilt u uw adres aan ons doorgeven? Hieronder leest u hoe.', en: 'We still need your address to handle your complaint. Please send it to us. Below you can read how.' },
  ] as const;
  for (const { missing, nl, en } of missingCases) {
    test(`on paper, what is missing is asked by post or phone: ${JSON.stringify(missing)}`, () => {
      says(onPaper('acknowledgement', 'nl', { missing }), [nl, CONTACT.nl[1] ?? '']);
      says(onPaper('acknowledgement', 'en', { missing }), [en, CONTACT.en[1] ?? '']);
    });
  }

  test('without KLACHTENFUNCTIONARIS_PHONE the letter offers the post only', () => {
    const klachtenfunctionaris = { postalAddress: 'Hecht, Postbus 1, 2300 AA Leiden', phone: null };
    const mail = onPaper('outcome', 'nl', { klachtenfunctionaris });
    says(mail, ['Stuur dan een brief naar: Hecht, Postbus 1, 2300 AA Leiden. Noem altijd het nummer KL-2026-00042.']);
    never(mail, [/bellen met de klachtenfunctionaris/, /071-123 45 67/]);
    never(onPaper('hearing_invitation', 'en', { klachtenfunctionaris }), [/call the complaints officer/]);
  });

  test('Dutch on paper is B1 too: sentences of at most 20 words', () => {
    for (const type of POSTABLE_TYPES) {
      for (const sentence of onPaper(type, 'nl').text.split(/(?<=[.?!:])\s+|\n+/)) {
        const count = sentence.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
        assert.ok(count <= 20, `${type}: sentence of ${count} words: "${sentence}"`);
      }
    }
  });
});

describe('the start-up check covers the letter on paper', () => {
  const temps: string[] = [];
  after(() => {
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  });
  function changedCopy(file: string, change: (source: string) => string): string {
    const dir = mkdtempSync(join(tmpdir(), 'klachtenopvang-templates-'));
    temps.push(dir);
    cpSync(TEMPLATES_DIR, dir, { recursive: true });
    writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
    return dir;
  }
  function loadError(dir: string): AppError {
    try {
      loadTemplates(dir);
    } catch (error) {
      assert.ok(error instanceof AppError);
      return error;
    }
    assert.fail('the templates loaded');
  }

  test('"reply to this e-mail" left in the paper version stops loading, naming the file', () => {
    const dir = changedCopy(join('outcome', 'nl.html.hbs'), (s) => s.replace('Hieronder leest u hoe u ons bereikt.{{else}}', 'Antwoord dan op deze e-mail.{{else}}'));
    const error = loadError(dir);
    assert.equal(error.code, 'template_invalid');
    assert.ok(error.message.includes(`${join(dir, 'outcome', 'nl.html.hbs')}: the printed letter (byPost) says "Antwoord dan op deze e-mail"`), error.message);
  });

  test('"this mailbox" on paper stops loading: a type that can go by post ends with safety-letter', () => {
    const dir = changedCopy(join('blank_letter', 'en.text.hbs'), (s) => s.replace('{{> safety-letter.en.text}}', '{{> safety.en.text}}'));
    assert.match(loadError(dir).message, /blank_letter\/en\.text\.hbs: the printed letter \(byPost\) says "This mailbox"/);
  });

  test('a mistake only the paper branch has is found too', () => {
    const dir = changedCopy(join('partials', 'contact-by-post.nl.html.hbs'), (s) => s.replace('{{klachtenfunctionaris.postalAddress}}', '{{klachtenfunctionaris.adres}}'));
    assert.match(loadError(dir).message, /contact-by-post\.nl\.html\.hbs, line \d+, column \d+: unknown variable "klachtenfunctionaris\.adres"/);
  });
});

describe('officer text keeps its paragraphs and line breaks in HTML, escaped', () => {
  const reasons = 'Wij spraken met u op 3 november.\nEn met de medewerker <b>Jansen</b> & haar leidinggevende.\r\n\r\n  \nDaarom vinden wij uw klacht deels gegrond.';

  for (const lang of LANGUAGES) {
    test(`(${lang}) the outcome's reasons: a <p> per paragraph, <br> per line break`, () => {
      const mail = templates.render('outcome', lang, { ...SAMPLE_VARIABLES[lang].outcome, reasons });
      assert.ok(
        mail.html.includes('<p>Wij spraken met u op 3 november.<br>\nEn met de medewerker &lt;b&gt;Jansen&lt;/b&gt; &amp; haar leidinggevende.</p>\n<p>Daarom vinden wij uw klacht deels gegrond.</p>'),
        mail.html,
      );
      assert.doesNotMatch(mail.html, /<b>|<br>\s*<br>/);
      assert.ok(mail.text.includes('Wij spraken met u op 3 november.\nEn met de medewerker <b>Jansen</b> & haar leidinggevende.\n\nDaarom vinden wij'), mail.text);
    });

    test(`(${lang}) the hearing invitation's place and attendees keep their lines`, () => {
      const mail = templates.render('hearing_invitation', lang, { ...SAMPLE_VARIABLES[lang].hearing_invitation, place: 'Hecht\nVoorbeeldstraat 1\n2311 AB Leiden', attendees: 'de klachtenfunctionaris\n<script>x</script>' });
      assert.ok(mail.html.includes('Hecht<br>\nVoorbeeldstraat 1<br>\n2311 AB Leiden</li>'), mail.html);
      assert.ok(mail.html.includes('de klachtenfunctionaris<br>\n&lt;script&gt;x&lt;/script&gt;</li>'), mail.html);
      assert.doesNotMatch(mail.html, /<script>/);
      assert.ok(mail.text.includes('Hecht\nVoorbeeldstraat 1\n2311 AB Leiden'));
    });

    test(`(${lang}) a blank letter's paragraph keeps its line breaks; extension and not-handled reasons too`, () => {
      const blank = templates.render('blank_letter', lang, { ...SAMPLE_VARIABLES[lang].blank_letter, paragraphs: ['Eerste regel,\ntweede regel.', 'Nieuwe alinea.'] });
      assert.ok(blank.html.includes('<p>Eerste regel,<br>\ntweede regel.</p>\n<p>Nieuwe alinea.</p>'), blank.html);
      const extension = templates.render('extension_notice', lang, { ...SAMPLE_VARIABLES[lang].extension_notice, reason: 'Regel een.\nRegel twee.' });
      assert.ok(extension.html.includes('<p>Regel een.<br>\nRegel twee.</p>'), extension.html);
      const notHandled = templates.render('not_handled_notice', lang, { ...SAMPLE_VARIABLES[lang].not_handled_notice, reason: 'Eerste alinea.\n\nTweede alinea.' });
      assert.ok(notHandled.html.includes('<p>Eerste alinea.</p>\n<p>Tweede alinea.</p>'), notHandled.html);
    });
  }
});
