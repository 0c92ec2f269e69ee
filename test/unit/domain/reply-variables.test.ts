import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadConfig } from '../../../src/config.ts';
import { replyVariables } from '../../../src/domain/reply-variables.ts';
import { makeEvent, type RecordEvent } from '../../../src/domain/record-events.ts';
import { COMPLAINANT_REPLY_TYPES, type Language } from '../../../src/domain/reply-types.ts';
import { TEMPLATE_VARIABLE_SCHEMAS } from '../../../src/domain/template-variables.ts';
import { makeMessage, makeRecord, makeTriage } from '../../fixtures/records.ts';
import { sampleEvent } from '../../fixtures/events.ts';

const config = loadConfig({ REDIS_EMBEDDED: 'never', VERTROUWENSPERSOON_PHONE: '088-5551000', VERTROUWENSPERSOON_EMAIL: 'info@jeugdstem.nl' });

/** Complainant text that must never reach a reply. */
const PERSONAL = {
  name: 'Marieke de Vries-Bakker',
  email: 'm.devries@example.nl',
  phone: '0612345678',
  street: 'Hynsteblom',
  postcode: '2311 CS',
  city: 'Leiden',
  subject: 'Klacht over mevrouw Jansen',
  text: 'Zij heeft mij niet laten uitpraten',
  employee: 'Jansen',
};

const record = makeRecord({
  status: 'awaiting_details',
  message: makeMessage({ subject: PERSONAL.subject, text: PERSONAL.text, from: { name: PERSONAL.name, address: PERSONAL.email } }),
  triage: makeTriage({
    flags: ['missing_address', 'missing_description'],
    employees: [PERSONAL.employee],
    complainant: { name: PERSONAL.name, email: PERSONAL.email, phone: PERSONAL.phone, address: { street: PERSONAL.street, houseNumber: '4', postcode: PERSONAL.postcode, city: PERSONAL.city } },
  }),
  contact: { name: PERSONAL.name, email: PERSONAL.email, phone: PERSONAL.phone, address: { street: PERSONAL.street, houseNumber: '4', postcode: PERSONAL.postcode, city: PERSONAL.city } },
  deadline: { route: 'standard', received: '2026-11-23', deadline: '2027-02-01', shiftedFrom: null, extensionWeeks: 4, reason: 'awb_9_11' },
});
const history: RecordEvent[] = [
  sampleEvent('received'),
  makeEvent('extended', 'officer@wijzijnhecht.nl', { weeks: 4, reason: 'De medewerker is afwezig.', from: '2027-01-04', to: '2027-02-01' }),
  makeEvent('not_handled', 'officer@wijzijnhecht.nl', { reason: 'Het voorval is ouder dan een jaar.', previousStatus: 'open' }),
];

describe('replyVariables', () => {
  for (const lang of ['nl', 'en'] as const satisfies readonly Language[]) {
    for (const type of COMPLAINANT_REPLY_TYPES) {
      test(`${type} (${lang}) passes its template's strict schema`, () => {
        const variables = replyVariables(config, record, history, type, lang);
        const result = TEMPLATE_VARIABLE_SCHEMAS[type].safeParse(variables);
        assert.ok(result.success, result.success ? '' : JSON.stringify(result.error.issues));
      });
    }
  }

  test('no reply type carries the complainant\'s name, address, phone, subject, words or employees', () => {
    for (const type of COMPLAINANT_REPLY_TYPES) {
      // Our own postal address (KLACHTENFUNCTIONARIS_ADDRESS, in Leiden too) is no complainant data.
      const { klachtenfunctionaris: _ours, ...variables } = replyVariables(config, record, history, type, 'nl') as Record<string, unknown>;
      const json = JSON.stringify(variables);
      for (const [what, value] of Object.entries(PERSONAL)) assert.ok(!json.includes(value), `${type} contains the ${what}`);
    }
  });

  test('acknowledgement: reference, long dates in the language, what is missing, the vertrouwenspersoon', () => {
    assert.deepEqual(replyVariables(config, record, history, 'acknowledgement', 'nl'), {
      reference: 'KL-2026-00042',
      receivedDate: '23 november 2026',
      deadline: '1 februari 2027',
      missing: { name: false, address: true },
      byPost: false,
      klachtenfunctionaris: { postalAddress: 'Hecht, t.a.v. de klachtenfunctionaris, Postbus 121, 2300 AC Leiden', phone: null },
      vertrouwenspersoon: { phone: '088-5551000', email: 'info@jeugdstem.nl' },
    });
    const en = replyVariables(config, record, history, 'acknowledgement', 'en');
    assert.ok('receivedDate' in en && en.receivedDate === '23 November 2026');
  });

  test('request_details lists what triage found missing', () => {
    assert.deepEqual(replyVariables(config, record, history, 'request_details', 'nl'), {
      reference: 'KL-2026-00042',
      receivedDate: '23 november 2026',
      deadline: '1 februari 2027',
      missing: { name: false, address: true, incidentDate: false, description: true },
      byPost: false,
      klachtenfunctionaris: { postalAddress: 'Hecht, t.a.v. de klachtenfunctionaris, Postbus 121, 2300 AC Leiden', phone: null },
      vertrouwenspersoon: { phone: '088-5551000', email: 'info@jeugdstem.nl' },
    });
  });

  test('the printed acknowledgement (byPost) says where to write and, when configured, whom to call', () => {
    const withPhone = loadConfig({ REDIS_EMBEDDED: 'never', KLACHTENFUNCTIONARIS_ADDRESS: 'Hecht, Postbus 1, 2300 AA Leiden', KLACHTENFUNCTIONARIS_PHONE: '071-1234567' });
    for (const type of ['acknowledgement', 'request_details', 'anonymous_registered'] as const) {
      const variables = replyVariables(withPhone, record, history, type, 'nl', { byPost: true });
      assert.ok(TEMPLATE_VARIABLE_SCHEMAS[type].safeParse(variables).success, type);
      assert.deepEqual([(variables as { byPost: boolean }).byPost, (variables as { klachtenfunctionaris: unknown }).klachtenfunctionaris], [true, { postalAddress: 'Hecht, Postbus 1, 2300 AA Leiden', phone: '071-1234567' }], type);
    }
  });

  test('request_details for a record whose flags no longer say what is missing still asks for something', () => {
    const complete = makeRecord({ triage: makeTriage({ flags: [] }) });
    const variables = replyVariables(config, complete, [], 'request_details', 'nl');
    assert.ok(TEMPLATE_VARIABLE_SCHEMAS.request_details.safeParse(variables).success);
  });

  test('extension_notice takes weeks and reason from the latest extension', () => {
    const twice = [...history, makeEvent('extended', 'officer@wijzijnhecht.nl', { weeks: 2, reason: 'Tweede reden.', from: '2027-02-01', to: '2027-02-15' })];
    const variables = replyVariables(config, record, twice, 'extension_notice', 'nl');
    assert.deepEqual(variables, {
      reference: 'KL-2026-00042',
      newDeadline: '1 februari 2027',
      weeks: 2,
      reason: 'Tweede reden.',
      vertrouwenspersoon: { phone: '088-5551000', email: 'info@jeugdstem.nl' },
    });
  });

  test('not_handled_notice takes the officer\'s reason', () => {
    const variables = replyVariables(config, record, history, 'not_handled_notice', 'en');
    assert.ok('reason' in variables && variables.reason === 'Het voorval is ouder dan een jaar.');
  });

  test('redirect and question replies carry the reference only', () => {
    const referenceOnly = COMPLAINANT_REPLY_TYPES.filter((type) => Object.keys(TEMPLATE_VARIABLE_SCHEMAS[type].shape).join() === 'reference');
    assert.ok(referenceOnly.includes('report_received') && referenceOnly.includes('question_received'));
    for (const type of referenceOnly) {
      assert.deepEqual(replyVariables(config, record, history, type, 'nl'), { reference: 'KL-2026-00042' }, type);
    }
  });

  test('urgent_redirect to a complaint carries what an acknowledgement says; to anything else it says it is no complaint', () => {
    assert.deepEqual(replyVariables(config, record, history, 'urgent_redirect', 'nl'), {
      reference: 'KL-2026-00042',
      isComplaint: true,
      receivedDate: '23 november 2026',
      deadline: '1 februari 2027',
      vertrouwenspersoon: { phone: '088-5551000', email: 'info@jeugdstem.nl' },
    });
    const report = replyVariables(config, makeRecord({ deadline: null, status: 'routed' }), [], 'urgent_redirect', 'nl') as { isComplaint: boolean };
    assert.equal(report.isComplaint, false);
  });

  test('compliment and idea thanks add only where compliments belong (COMPLIMENTS_EMAIL)', () => {
    for (const type of ['compliment_thanks', 'idea_thanks'] as const) {
      assert.deepEqual(replyVariables(config, record, history, type, 'nl'), { reference: 'KL-2026-00042', complimentsEmail: 'info@veiligthuishm.nl' }, type);
    }
  });

  test('an unknown type is a permanent error', () => {
    assert.throws(
      () => replyVariables(config, record, history, 'digest' as never, 'nl'),
      (error: unknown) => error instanceof Error && 'code' in error && error.code === 'reply_type_unknown' && 'permanent' in error && error.permanent === true,
    );
  });

  // The complainant is never told of an extension that is not recorded: a clear, permanent
  // error instead of a schema failure (found by an earlier version of this test).
  test('extension_notice without a recorded extension is a permanent error that says what to do', () => {
    assert.throws(
      () => replyVariables(config, makeRecord(), [], 'extension_notice', 'nl'),
      (error: unknown) =>
        error instanceof Error && 'code' in error && error.code === 'extension_not_recorded' && 'permanent' in error && error.permanent === true && /complaints extend/.test(error.message),
    );
  });
});
