import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { AppError } from '../../../src/errors.ts';
import { LANGUAGES, TEMPLATES_DIR } from '../../../src/adapters/templates/layout.ts';
import { loadTemplates, type RenderedMail } from '../../../src/adapters/templates/load-templates.ts';
import { renderPreview } from '../../../src/adapters/templates/preview.ts';
import { SAMPLE_VARIABLES } from '../../../src/adapters/templates/sample-variables.ts';
import { describeVariables } from '../../../src/adapters/templates/variable-shape.ts';
import { formatLongDate, formatLongDateTime } from '../../../src/domain/format-date.ts';
import { COMPLAINANT_REPLY_TYPES, TEMPLATE_TYPES } from '../../../src/domain/reply-types.ts';
import type { Language } from '../../../src/domain/reply-types.ts';
import { SUBJECT_VARIABLES } from '../../../src/domain/template-variables.ts';
import type { TemplateVariables } from '../../../src/domain/template-variables.ts';

const templates = loadTemplates(TEMPLATES_DIR);

/** What a mail program that shows plain text only makes of the HTML part: tags dropped, entities decoded. */
function htmlAsPlainText(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/i, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

/** Text and HTML must say the same things; the HTML is checked as a plain-text client shows it. */
function assertBodiesInclude(mail: RenderedMail, phrases: readonly string[]): void {
  const html = htmlAsPlainText(mail.html).replace(/\s+/g, ' ');
  const text = mail.text.replace(/\s+/g, ' ');
  for (const phrase of phrases) {
    assert.ok(text.includes(phrase), `text part lacks: ${phrase}\n---\n${mail.text}`);
    assert.ok(html.includes(phrase), `HTML part lacks: ${phrase}\n---\n${mail.html}`);
  }
}

function assertBodiesExclude(mail: RenderedMail, phrases: readonly string[]): void {
  for (const phrase of phrases) {
    assert.ok(!mail.text.includes(phrase), `text part should not say: ${phrase}`);
    assert.ok(!htmlAsPlainText(mail.html).includes(phrase), `HTML part should not say: ${phrase}`);
  }
}

const sample = <T extends keyof TemplateVariables>(type: T, lang: Language): TemplateVariables[T] =>
  structuredClone(SAMPLE_VARIABLES[lang][type]);

function assertAppError(fn: () => unknown, code: string, ...fragments: string[]): AppError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof AppError, `expected an AppError, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  for (const fragment of fragments) assert.ok(caught.message.includes(fragment), `message lacks "${fragment}":\n${caught.message}`);
  return caught;
}

describe('formatLongDate', () => {
  test('writes a long date in Dutch and English', () => {
    assert.equal(formatLongDate('2026-11-19', 'nl'), '19 november 2026');
    assert.equal(formatLongDate('2026-11-19', 'en'), '19 November 2026');
    assert.equal(formatLongDate('2027-01-05', 'nl'), '5 januari 2027');
  });
  test('refuses a date that does not exist', () => {
    assertAppError(() => formatLongDate('2026-02-30', 'nl'), 'date_invalid');
    assertAppError(() => formatLongDate('19-11-2026', 'nl'), 'date_invalid');
  });
  test('formats a point in time in Europe/Amsterdam', () => {
    assert.equal(formatLongDateTime(new Date('2026-11-19T13:05:00Z'), 'nl'), '19 november 2026, 14:05');
    assert.equal(formatLongDateTime(new Date('2026-07-01T22:30:00Z'), 'en'), '2 July 2026, 00:30');
  });
});

describe('every template', () => {
  for (const type of TEMPLATE_TYPES) {
    for (const lang of LANGUAGES) {
      test(`${type} (${lang}) renders simple, accessible parts`, () => {
        const mail = templates.render(type, lang, sample(type, lang));
        assert.ok(mail.subject.length > 0 && mail.subject.length <= 90, `subject length: ${mail.subject}`);
        assert.ok(!/[\r\n]/.test(mail.subject), 'subject is one line');
        assert.equal(mail.subject, mail.subject.trim());
        assert.ok(!/[<>{}]/.test(mail.subject), `subject: ${mail.subject}`);
        assert.ok(!mail.text.includes('{{') && !mail.html.includes('{{'));
        assert.ok(!/&(lt|gt|amp|quot|#x27);/.test(mail.text), 'text part is not HTML-escaped');
        assert.match(mail.html, new RegExp(`^<!DOCTYPE html>\\n<html lang="${lang}">`));
        assert.match(mail.html, /<meta charset="utf-8">/);
        assert.match(mail.html, /<title>[^<]+<\/title>/);
        assert.match(mail.html, /<body>\n<h1>/, 'the body starts with a real heading');
        assert.match(mail.html, /<p>/);
        assert.doesNotMatch(mail.html, /<(img|table|style|script|font|center)\b|\sstyle=|<h[3-6]\b/i);
        assert.doesNotMatch(mail.html, /<br>\s*<br>/, 'paragraphs, not stacked line breaks');
        // Readable when a mail program shows the HTML as plain text: same reference, no markup left.
        const plain = htmlAsPlainText(mail.html);
        const reference = 'reference' in SAMPLE_VARIABLES[lang][type] ? mail.subject.match(/KL-\d{4}-\d{5}/)?.[0] : undefined;
        if (reference) assert.ok(plain.includes(reference) && mail.text.includes(reference));
        assert.doesNotMatch(plain, /[<>]/);
      });
    }
  }

  test('English bodies are English and Dutch bodies Dutch, with "u"', () => {
    for (const type of TEMPLATE_TYPES) {
      const en = templates.render(type, 'en', sample(type, 'en'));
      const nl = templates.render(type, 'nl', sample(type, 'nl'));
      for (const body of [en.text, htmlAsPlainText(en.html)]) {
        assert.doesNotMatch(body, /\b(wij|uw|het|een|niet)\b/i, `${type} (en) has Dutch in it`);
      }
      for (const body of [nl.text, htmlAsPlainText(nl.html)]) {
        assert.doesNotMatch(body, /\b(the|we|your|you)\b/i, `${type} (nl) has English in it`);
        assert.doesNotMatch(body, /\b(je|jij|jouw|jullie)\b/i, `${type} (nl) says "je" instead of "u"`);
      }
    }
  });

  test('Dutch replies to complainants are at B1 level: short sentences, common words', () => {
    const jargon = /\b(conform|inzake|dienaangaande|middels|teneinde|ten behoeve van|hieromtrent|onderhavige?|voornoemde?|alsmede|derhalve|indien|desalniettemin|ingevolge|krachtens|reeds|ter attentie)\b/i;
    let words = 0;
    let sentences = 0;
    for (const type of COMPLAINANT_REPLY_TYPES) {
      const { text } = templates.render(type, 'nl', sample(type, 'nl'));
      assert.doesNotMatch(text, jargon, `${type}: use everyday words`);
      for (const sentence of text.split(/(?<=[.?!:])\s+|\n+/)) {
        const count = sentence.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
        if (count === 0) continue;
        assert.ok(count <= 20, `${type}: sentence of ${count} words: "${sentence}"`);
        words += count;
        sentences += 1;
      }
    }
    assert.ok(words / sentences <= 12, `average sentence is ${(words / sentences).toFixed(1)} words`);
  });
});

describe('acknowledgement', () => {
  test('Dutch: reference, dates, contact, term, extension, committee, vertrouwenspersoon', () => {
    const mail = templates.render('acknowledgement', 'nl', sample('acknowledgement', 'nl'));
    assert.equal(mail.subject, 'Ontvangstbevestiging KL-2026-00042');
    assertBodiesInclude(mail, [
      'Wij hebben uw klacht ontvangen op 19 november 2026.',
      'KL-2026-00042',
      'Wij reageren uiterlijk op 31 december 2026.',
      'De klachtenfunctionaris neemt contact met u op.',
      'Wij kunnen deze termijn één keer met maximaal 4 weken verlengen. Dan hoort u dat van ons.',
      'Klachtencommissie Veilig Thuis',
      'ongeveer 10 weken',
      'Wilt u hulp bij uw klacht? Bel de vertrouwenspersoon van Jeugdstem: 088-5551000.',
      'info@jeugdstem.nl',
      'Deze mailbox wordt niet dag en nacht gelezen.',
    ]);
  });

  test('English: the same facts', () => {
    const mail = templates.render('acknowledgement', 'en', sample('acknowledgement', 'en'));
    assert.equal(mail.subject, 'Acknowledgement of receipt KL-2026-00042');
    assertBodiesInclude(mail, [
      'We received your complaint on 19 November 2026.',
      'KL-2026-00042',
      'We will respond by 31 December 2026 at the latest.',
      'The complaints officer (klachtenfunctionaris) will contact you.',
      'We can extend this period once, by up to 4 weeks. If we do, we will let you know.',
      'Klachtencommissie Veilig Thuis',
      'about 10 weeks',
      'Would you like help with your complaint? Call the independent confidential adviser (vertrouwenspersoon) of Jeugdstem on 088-5551000',
      'info@jeugdstem.nl',
    ]);
  });

  const missingCases = [
    { missing: { name: true, address: true }, nl: 'Wij missen nog uw naam en adres.', en: 'We still need your name and address' },
    { missing: { name: true, address: false }, nl: 'Wij missen nog uw naam.', en: 'We still need your name to' },
    { missing: { name: false, address: true }, nl: 'Wij missen nog uw adres.', en: 'We still need your address' },
  ] as const;
  for (const { missing, nl, en } of missingCases) {
    test(`says what is missing and how to send it: ${JSON.stringify(missing)}`, () => {
      const dutch = templates.render('acknowledgement', 'nl', { ...sample('acknowledgement', 'nl'), missing });
      assertBodiesInclude(dutch, [nl, 'door te antwoorden op deze e-mail.']);
      const english = templates.render('acknowledgement', 'en', { ...sample('acknowledgement', 'en'), missing });
      assertBodiesInclude(english, [en, 'by replying to this email.']);
    });
  }

  test('says nothing is missing when nothing is', () => {
    const missing = { name: false, address: false };
    assertBodiesExclude(templates.render('acknowledgement', 'nl', { ...sample('acknowledgement', 'nl'), missing }), ['Wij missen']);
    assertBodiesExclude(templates.render('acknowledgement', 'en', { ...sample('acknowledgement', 'en'), missing }), ['We still need']);
  });

  test('the vertrouwenspersoon contact details come from the variables', () => {
    const vertrouwenspersoon = { phone: '071-7654321', email: 'hulp@example.org' };
    const mail = templates.render('acknowledgement', 'nl', { ...sample('acknowledgement', 'nl'), vertrouwenspersoon });
    assertBodiesInclude(mail, ['Bel de vertrouwenspersoon van Jeugdstem: 071-7654321.', 'hulp@example.org']);
    assertBodiesExclude(mail, ['088-5551000']);
  });
});

describe('urgent_redirect', () => {
  for (const lang of LANGUAGES) {
    test(`(${lang}) starts with 112 and 0800-2000 under a neutral subject`, () => {
      const mail = templates.render('urgent_redirect', lang, sample('urgent_redirect', lang));
      assert.doesNotMatch(mail.subject, /112|0800|gevaar|danger|urgent|spoed|nood|veilig|geweld|violence|help/i);
      assert.match(mail.subject, /KL-2026-00047/);
      const [first = '', second = ''] = mail.text.split('\n\n');
      assert.match(first, /\b112\b/, 'the first paragraph says 112');
      assert.match(second, /0800-2000/, 'the second paragraph gives Veilig Thuis');
      assert.match(mail.html, /<body>\n<h1>[^<]*\b112\b[^<]*<\/h1>\n<p>[^\n]*0800-2000/);
      const phrases =
        lang === 'nl'
          ? ['Deze mailbox wordt niet dag en nacht gelezen.', 'Wij hebben onze medewerkers meteen gewaarschuwd.', 'gratis', 'dag en nacht']
          : ['This mailbox is not watched day and night.', 'We have alerted our staff straight away.', 'free', 'day and night'];
      assertBodiesInclude(mail, phrases);
    });
  }
});

describe('officer-written text and escaping', () => {
  const hostile = '<script>alert("x")</script> Ouders & kind';

  for (const lang of LANGUAGES) {
    test(`(${lang}) the HTML part escapes an officer-provided reason; the text part shows it as written`, () => {
      const extension = templates.render('extension_notice', lang, { ...sample('extension_notice', lang), reason: hostile });
      assert.ok(!extension.html.includes('<script>'), extension.html);
      assert.ok(extension.html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Ouders &amp; kind'));
      assert.ok(extension.text.includes(hostile), extension.text);
      assert.ok(!extension.subject.includes('script') && !extension.subject.includes('Ouders'));

      const notHandled = templates.render('not_handled_notice', lang, { ...sample('not_handled_notice', lang), reason: hostile });
      assert.ok(!notHandled.html.includes('<script>'));
      assert.ok(notHandled.text.includes(hostile));
    });
  }

  test('the extension notice gives the new deadline and the number of weeks', () => {
    const one = templates.render('extension_notice', 'nl', { ...sample('extension_notice', 'nl'), weeks: 1 });
    assertBodiesInclude(one, ['verlengen wij de termijn met 1 week.', 'uiterlijk op 28 januari 2027', 'maar één keer verlengen']);
    const four = templates.render('extension_notice', 'en', sample('extension_notice', 'en'));
    assertBodiesInclude(four, ['extending the period by 4 weeks.', 'by 28 January 2027 at the latest', 'permission']);
  });

  test('the not-handled notice gives the reason, the law, and what the complainant can do', () => {
    const mail = templates.render('not_handled_notice', 'nl', sample('not_handled_notice', 'nl'));
    assertBodiesInclude(mail, [
      'Wij gaan uw klacht niet behandelen.',
      'meer dan een jaar voordat wij uw klacht ontvingen',
      'artikel 9:8 van de Algemene wet bestuursrecht',
      'Wat kunt u doen?',
      'Antwoord dan op deze e-mail.',
      'klachteninstantie buiten Hecht',
      'Bel de vertrouwenspersoon van Jeugdstem: 088-5551000.',
    ]);
    assert.equal(mail.subject, 'Besluit over KL-2026-00048');
  });
});

describe('nothing from the complainant', () => {
  test('variables are strict: a message, subject or name cannot be passed in', () => {
    for (const extra of ['message', 'subject', 'body', 'name', 'complainantName']) {
      const variables = { ...sample('acknowledgement', 'nl'), [extra]: 'Mijn buurman Piet de Vries slaat de kinderen' };
      const error = assertAppError(
        () => templates.render('acknowledgement', 'nl', variables),
        'template_variables_invalid',
        extra,
      );
      assert.ok(!error.message.includes('Piet'), 'the error names the field, never its value');
    }
  });

  test('subjects never carry officer text or anything beyond their allowed variables', () => {
    const canary = 'CANARY-complainant-words';
    for (const type of TEMPLATE_TYPES) {
      for (const lang of LANGUAGES) {
        const variables: Record<string, unknown> = structuredClone(SAMPLE_VARIABLES[lang][type]);
        if ('reason' in variables) variables['reason'] = canary;
        const mail = templates.render(type, lang, variables as never);
        assert.ok(!mail.subject.includes(canary), `${type} (${lang}) subject: ${mail.subject}`);
        for (const name of Object.keys(variables)) {
          if (SUBJECT_VARIABLES[type].includes(name)) continue;
          const value = variables[name];
          if (typeof value === 'string' && value.length > 3) {
            assert.ok(!mail.subject.includes(value), `${type} (${lang}) subject contains ${name}`);
          }
        }
      }
    }
    for (const type of COMPLAINANT_REPLY_TYPES) assert.deepEqual(SUBJECT_VARIABLES[type].filter((v) => v === 'reason'), []);
  });

  test('a date in the wrong language is refused', () => {
    assertAppError(
      () => templates.render('acknowledgement', 'en', { ...sample('acknowledgement', 'en'), deadline: '31 december 2026' }),
      'template_variables_invalid',
      'deadline',
    );
  });

  test('a wrongly formatted date or reference is refused, naming the field', () => {
    assertAppError(
      () => templates.render('acknowledgement', 'nl', { ...sample('acknowledgement', 'nl'), receivedDate: '2026-11-19' }),
      'template_variables_invalid',
      'receivedDate',
    );
    assertAppError(
      () => templates.render('urgent_redirect', 'nl', { ...sample('urgent_redirect', 'nl'), reference: 'KL-42' }),
      'template_variables_invalid',
      'reference',
    );
    assertAppError(
      () => templates.render('officer_alert', 'nl', { ...sample('officer_alert', 'nl'), reasons: ['Hij dreigt met een mes'] }),
      'template_variables_invalid',
      'reasons.0',
    );
  });
});

describe('officer mails', () => {
  test('deadline reminder: days left, today, passed', () => {
    const base = sample('deadline_reminder', 'nl');
    assert.equal(templates.render('deadline_reminder', 'nl', base).subject, 'Termijn KL-2026-00042 verloopt over 7 dagen');
    assert.equal(templates.render('deadline_reminder', 'nl', { ...base, daysLeft: 1 }).subject, 'Termijn KL-2026-00042 verloopt over 1 dag');
    assert.equal(templates.render('deadline_reminder', 'nl', { ...base, daysLeft: 0 }).subject, 'Termijn KL-2026-00042 verloopt vandaag');
    const passed = templates.render('deadline_reminder', 'nl', { ...base, daysLeft: -3 });
    assert.equal(passed.subject, 'Termijn KL-2026-00042 is 3 dagen verlopen');
    assertBodiesInclude(passed, ['3 dagen te laat', 'De termijn is verstreken.']);
    const english = templates.render('deadline_reminder', 'en', { ...sample('deadline_reminder', 'en'), daysLeft: -1 });
    assert.equal(english.subject, 'Deadline for KL-2026-00042 passed 1 day ago');
    const notice = templates.render('deadline_reminder', 'nl', { ...base, kind: 'not_handled_notice' });
    assertBodiesInclude(notice, ['art. 9:8 Awb']);
  });

  test('officer alert lists reason codes and how to look, and says urgent only when it is', () => {
    const urgent = templates.render('officer_alert', 'nl', sample('officer_alert', 'nl'));
    assert.equal(urgent.subject, 'SPOED: aandacht nodig voor KL-2026-00047');
    assertBodiesInclude(urgent, ['urgent_safety', 'missing_address', '19 november 2026, 14:05', 'npm run cli -- complaints show KL-2026-00047']);
    const calm = templates.render('officer_alert', 'en', { ...sample('officer_alert', 'en'), urgent: false });
    assert.equal(calm.subject, 'Attention needed for KL-2026-00047');
    assertBodiesExclude(calm, ['URGENT']);
  });

  test('digest shows every section with its count and says so when a section is empty', () => {
    const full = templates.render('digest', 'nl', sample('digest', 'nl'));
    assert.equal(full.subject, 'Overzicht klachten 24 december 2026: 1 spoed, 1 verlopen, 2 binnenkort');
    assertBodiesInclude(full, [
      'Lopende klachten: 14.',
      'KL-2026-00053: report, open; behandeltermijn (6 weken) uiterlijk op 3 februari 2027, nog 41 dagen; signalen: urgent_safety',
      'KL-2026-00031: complaint, open; bericht niet behandelen (art. 9:8 Awb, 4 weken) uiterlijk op 22 december 2026, 2 dagen te laat',
      'KL-2026-00038: complaint, open; verlengde behandeltermijn uiterlijk op 28 december 2026, nog 4 dagen',
      'KL-2026-00052: complaint, registered; geen termijn; signalen: anonymous',
      'KL-2026-00042: gevraagd 35 dagen geleden; complaint, awaiting_details',
      'KL-2026-00049: geweigerd: acknowledgement;',
      'KL-2026-00038: 2 nieuwe berichten;',
    ]);
    for (const heading of ['Eerst beoordelen \\(soort bericht onduidelijk\\)', 'Spam volgens de mailserver \\(niet beantwoord\\)', 'Spoed sinds het vorige overzicht', 'Termijn verlopen', 'Termijn verloopt binnen 7 dagen', 'Nieuw sinds het vorige overzicht', 'Wacht op naam of adres', 'Anoniem geregistreerd, niet in behandeling', 'Antwoord niet afgeleverd', 'Nieuwe berichten over een bekende klacht']) {
      assert.match(full.text, new RegExp(`^${heading}: \\d+$`, 'm'), heading);
      assert.match(full.html, new RegExp(`<h2>${heading} \\(\\d+\\)</h2>`), heading);
    }
    const empty = { ...sample('digest', 'en'), needsReview: [], urgent: [], overdue: [], dueSoon: [], noHearing: [], received: [], awaitingDetails: [], anonymous: [], replyFailed: [], followups: [], spam: [] };
    const counts = { open: 0, needsReview: 0, urgent: 0, overdue: 0, dueSoon: 0, noHearing: 0, received: 0, awaitingDetails: 0, anonymous: 0, replyFailed: 0, followups: 0, spam: 0 };
    const none = templates.render('digest', 'en', { ...empty, counts });
    assert.equal(none.text.match(/^- none$/gm)?.length, 11);
    assert.equal(none.subject, 'Complaints overview 24 December 2026: 0 urgent, 0 overdue, 0 due soon');
  });

  test('digest: details not yet asked, today, and the standard detail level', () => {
    const base = sample('digest', 'nl');
    const [first] = base.awaitingDetails;
    assert.ok(first);
    const notAsked = templates.render('digest', 'nl', { ...base, awaitingDetails: [{ ...first, detailsAsked: false, daysSinceAsked: 3 }, { ...first, reference: 'KL-2026-00060', daysSinceAsked: 0 }] });
    assertBodiesInclude(notAsked, ['KL-2026-00042: nog niet gevraagd, ontvangen 3 dagen geleden;', 'KL-2026-00060: gevraagd vandaag;']);
    const [item] = base.dueSoon;
    assert.ok(item);
    const standard = templates.render('digest', 'nl', { ...base, dueSoon: [{ ...item, receivedDate: '19 november 2026', assignedTo: 'a.jansen@wijzijnhecht.nl' }], counts: { ...base.counts, dueSoon: 1 } });
    assertBodiesInclude(standard, ['nog 4 dagen; ontvangen op 19 november 2026; behandelaar: a.jansen@wijzijnhecht.nl']);
    assertBodiesExclude(templates.render('digest', 'nl', base), ['ontvangen op', 'behandelaar']);
  });

  test('digest variables: counts must match their lists, and a deadline comes with its kind and days', () => {
    const base = sample('digest', 'nl');
    assertAppError(() => templates.render('digest', 'nl', { ...base, counts: { ...base.counts, overdue: 5 } }), 'template_variables_invalid', 'count');
    const [item] = base.overdue;
    assert.ok(item);
    assertAppError(() => templates.render('digest', 'nl', { ...base, overdue: [{ ...item, kind: null }] }), 'template_variables_invalid');
    assertAppError(() => templates.render('digest', 'nl', { ...base, overdue: [{ ...item, flags: ['Jan de Vries'] }] }), 'template_variables_invalid');
  });
});

describe('loading', () => {
  const temps: string[] = [];
  after(() => {
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the real templates in a temp folder, changed by `change`. */
  function brokenCopy(change: (dir: string) => void): string {
    const dir = mkdtempSync(join(tmpdir(), 'klachtenopvang-templates-'));
    temps.push(dir);
    cpSync(TEMPLATES_DIR, dir, { recursive: true });
    change(dir);
    return dir;
  }
  const edit = (file: string, fn: (source: string) => string) => writeFileSync(file, fn(readFileSync(file, 'utf8')));

  test('an unknown variable stops loading, naming the file and line', () => {
    const dir = brokenCopy((d) => edit(join(d, 'acknowledgement', 'nl.text.hbs'), (s) => s.replace('{{reference}}', '{{referentie}}')));
    const file = join(dir, 'acknowledgement', 'nl.text.hbs');
    assertAppError(() => loadTemplates(dir), 'template_invalid', file, 'line 5', 'unknown variable "referentie"', 'Variables you can use here: reference');
  });

  test('an unknown variable in a branch the sample data never takes still stops loading', () => {
    const dir = brokenCopy((d) =>
      edit(join(d, 'acknowledgement', 'en.text.hbs'), (s) => `{{#unless missing.address}}{{complainantName}}{{/unless}}\n${s}`),
    );
    assertAppError(() => loadTemplates(dir), 'template_invalid', join(dir, 'acknowledgement', 'en.text.hbs'), '"complainantName"');
  });

  test('an unknown variable inside {{#each}} is checked against the list item', () => {
    const dir = brokenCopy((d) => edit(join(d, 'digest', 'nl.text.hbs'), (s) => s.replace('{{#each overdue}}\n- {{reference}}', '{{#each overdue}}\n- {{naam}}')));
    assertAppError(() => loadTemplates(dir), 'template_invalid', join(dir, 'digest', 'nl.text.hbs'), '"naam"', 'reference, messageKind, status, kind, deadline');
  });

  test('a mistake in a partial names the partial', () => {
    const dir = brokenCopy((d) => edit(join(d, 'partials', 'vertrouwenspersoon.nl.text.hbs'), (s) => s.replace('vertrouwenspersoon.phone', 'vertrouwenspersoon.telefoon')));
    assertAppError(() => loadTemplates(dir), 'template_invalid', join(dir, 'partials', 'vertrouwenspersoon.nl.text.hbs'), 'vertrouwenspersoon.telefoon');
  });

  test('a missing language stops loading, naming the file', () => {
    const dir = brokenCopy((d) => rmSync(join(d, 'digest', 'en.html.hbs')));
    assertAppError(() => loadTemplates(dir), 'template_missing', join(dir, 'digest', 'en.html.hbs'), 'file is missing');
  });

  test('a missing type stops loading, naming every missing file', () => {
    const dir = brokenCopy((d) => rmSync(join(d, 'not_handled_notice'), { recursive: true }));
    const error = assertAppError(() => loadTemplates(dir), 'template_missing');
    for (const lang of LANGUAGES) {
      for (const part of ['subject', 'text', 'html']) assert.ok(error.message.includes(join(dir, 'not_handled_notice', `${lang}.${part}.hbs`)));
    }
  });

  test('a missing folder stops loading', () => {
    assertAppError(() => loadTemplates(join(tmpdir(), 'no-such-templates-folder')), 'template_missing', 'not found');
  });

  test('a subject that uses officer text stops loading', () => {
    const dir = brokenCopy((d) => writeFileSync(join(d, 'extension_notice', 'nl.subject.hbs'), 'Verlenging: {{reason}}\n'));
    assertAppError(() => loadTemplates(dir), 'template_invalid', join(dir, 'extension_notice', 'nl.subject.hbs'), 'a subject may not use "reason"');
  });

  test('{{{ }}} in an HTML body stops loading; in a text body it is harmless', () => {
    const dir = brokenCopy((d) => edit(join(d, 'extension_notice', 'en.html.hbs'), (s) => s.replace('{{paragraphsOf reason}}', '<p>{{{reason}}}</p>')));
    assertAppError(() => loadTemplates(dir), 'template_invalid', join(dir, 'extension_notice', 'en.html.hbs'), 'escaping');
    const textOnly = brokenCopy((d) => edit(join(d, 'extension_notice', 'en.text.hbs'), (s) => s.replace('{{reason}}', '{{{reason}}}')));
    assert.ok(loadTemplates(textOnly));
  });

  test('unknown helpers, partials and broken syntax stop loading with a message per file', () => {
    const dir = brokenCopy((d) => {
      edit(join(d, 'idea_thanks', 'nl.text.hbs'), (s) => `{{uppercase reference}}\n${s}`);
      edit(join(d, 'idea_thanks', 'en.text.hbs'), (s) => `{{> signature.de.text}}\n${s}`);
      edit(join(d, 'compliment_thanks', 'nl.html.hbs'), (s) => `{{#if reference}}\n${s}`);
      edit(join(d, 'compliment_thanks', 'en.text.hbs'), (s) => s.replace('{{> signature.en.text}}', '{{> signature.en.html}}'));
    });
    assertAppError(
      () => loadTemplates(dir),
      'template_invalid',
      `${join(dir, 'idea_thanks', 'nl.text.hbs')}, line 1, column 3: unknown helper "uppercase"`,
      `${join(dir, 'idea_thanks', 'en.text.hbs')}, line 1, column 1: unknown partial "signature.de.text"`,
      `${join(dir, 'compliment_thanks', 'nl.html.hbs')}: cannot be read as a template`,
      `${join(dir, 'compliment_thanks', 'en.text.hbs')}`,
      'is for html mails',
    );
  });

  test('an HTML body without the right lang attribute stops loading', () => {
    const dir = brokenCopy((d) => edit(join(d, 'question_received', 'en.html.hbs'), (s) => s.replace('lang="en"', 'lang="nl"')));
    assertAppError(() => loadTemplates(dir), 'template_invalid', join(dir, 'question_received', 'en.html.hbs'), '<html lang="en">');
  });

  test('a misspelt type folder or language file stops loading', () => {
    const dir = brokenCopy((d) => {
      mkdirSync(join(d, 'acknowledgment'));
      writeFileSync(join(d, 'acknowledgment', 'nl.text.hbs'), 'x');
      writeFileSync(join(d, 'acknowledgement', 'de.text.hbs'), 'x');
    });
    assertAppError(() => loadTemplates(dir), 'template_invalid', 'unknown template type "acknowledgment"', join(dir, 'acknowledgement', 'de.text.hbs'));
  });
});

describe('preview and documentation', () => {
  test('renderPreview renders one template with sample data', () => {
    const mail = renderPreview(TEMPLATES_DIR, 'acknowledgement', 'en');
    assert.equal(mail.subject, 'Acknowledgement of receipt KL-2026-00042');
    assert.equal(renderPreview(TEMPLATES_DIR, 'digest').subject.startsWith('Overzicht klachten'), true);
    assertAppError(() => renderPreview(TEMPLATES_DIR, 'acknowledgment'), 'template_unknown_type', 'acknowledgement, request_details');
    assertAppError(() => renderPreview(TEMPLATES_DIR, 'acknowledgement', 'de'), 'template_unknown_language');
  });

  test('templates/README.md lists every type with all its variables', () => {
    const readme = readFileSync(join(TEMPLATES_DIR, 'README.md'), 'utf8');
    for (const type of TEMPLATE_TYPES) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${type}\` |`));
      assert.ok(row, `README has no row for ${type}`);
      for (const variable of describeVariables(type)) assert.ok(row.includes(`\`${variable}\``), `README row for ${type} lacks ${variable}`);
      for (const variable of SUBJECT_VARIABLES[type]) assert.ok(row.includes(`\`${variable}\``));
    }
  });
});
