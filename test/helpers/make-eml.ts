import { randomBytes } from 'node:crypto';

/**
 * Fictional test messages, built in code so each test can vary what it needs. Names, addresses
 * and domains are invented (example.nl is reserved); nothing here is real correspondence.
 */
export interface EmlOptions {
  messageId?: string | null;
  from?: string;
  to?: string;
  subject?: string;
  body?: string;
  date?: string;
  headers?: Record<string, string>;
  /** Adds a base64 attachment of this many random bytes. */
  attachmentBytes?: number;
}

export const SAMPLE_COMPLAINT_BODY = [
  'Geachte klachtenfunctionaris,',
  '',
  'Ik wil een klacht indienen over het gesprek met mevrouw Jansen van Veilig Thuis op 3 november 2026.',
  'Zij heeft mij niet laten uitpraten en de afspraak is twee keer verzet zonder bericht.',
  '',
  'Met vriendelijke groet,',
  '',
  'Marieke de Vries-Bakker',
  'Hynsteblom 4',
  '2311 CS Leiden',
  '06-12345678',
].join('\r\n');

export function makeEml(options: EmlOptions = {}): Buffer {
  const id = options.messageId === undefined ? `<${randomBytes(8).toString('hex')}@example.nl>` : options.messageId;
  const headers = [
    'Return-Path: <m.devries@example.nl>',
    `From: ${options.from ?? 'Marieke de Vries <m.devries@example.nl>'}`,
    `To: ${options.to ?? 'klachtenopvang@wijzijnhecht.nl'}`,
    `Subject: ${options.subject ?? 'Klacht over gesprek'}`,
    `Date: ${options.date ?? 'Mon, 23 Nov 2026 10:15:00 +0100'}`,
    ...(id ? [`Message-ID: ${id}`] : []),
    'MIME-Version: 1.0',
    ...Object.entries(options.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
  ];
  const body = options.body ?? SAMPLE_COMPLAINT_BODY;
  if (!options.attachmentBytes) {
    return Buffer.from([...headers, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', body, ''].join('\r\n'));
  }
  const boundary = `b${randomBytes(6).toString('hex')}`;
  const data = randomBytes(options.attachmentBytes).toString('base64').replace(/.{76}/g, '$&\r\n');
  return Buffer.from(
    [
      ...headers,
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      body,
      `--${boundary}`,
      'Content-Type: application/pdf; name="klachtformulier.pdf"',
      'Content-Disposition: attachment; filename="klachtformulier.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      data,
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );
}
