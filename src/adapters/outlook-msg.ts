import { createHash } from 'node:crypto';
import * as msgreader from '@kenjiuno/msgreader';
import type { FieldsData } from '@kenjiuno/msgreader/lib/MsgReader.js';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { AppError } from '../errors.ts';
import { isWellFormedMessageId } from '../domain/message-id-syntax.ts';

/**
 * An Outlook `.msg` file (what an officer gets when saving a mail from Outlook) turned into
 * RFC 5322 bytes, so it goes through the same parser, triage and record as any other message.
 * The reading is @kenjiuno/msgreader's (maintained, no native code); we only compose: sender,
 * recipients, subject, date, Message-ID, plain and HTML body, attached files. Embedded Outlook
 * items (a forwarded mail as an attachment) are listed by name only. The original file is kept
 * in `processed/` byte for byte.
 */
// The package is CommonJS with `exports.default`; under Node's ESM loader the class sits there.
interface Reader {
  getFileData(): FieldsData;
  getAttachment(attachment: FieldsData): { fileName: string; content: Uint8Array };
}
type MsgReaderConstructor = new (data: ArrayBuffer) => Reader;
const loaded = msgreader as unknown as { default: MsgReaderConstructor | { default: MsgReaderConstructor } };
const MsgReader: MsgReaderConstructor = typeof loaded.default === 'function' ? loaded.default : loaded.default.default;

const SMTP_ADDRESS = /^[^\s<>@"]+@[^\s<>@"]+$/;

function mailbox(name: string | undefined, address: string | undefined): { name: string; address: string } | null {
  const bare = (address ?? '').trim();
  if (!SMTP_ADDRESS.test(bare)) return null;
  return { name: (name ?? '').replace(/[\r\n]+/g, ' ').trim(), address: bare };
}

function htmlOf(data: FieldsData): string | undefined {
  if (typeof data.bodyHtml === 'string' && data.bodyHtml.trim()) return data.bodyHtml;
  if (data.html instanceof Uint8Array && data.html.length > 0) {
    // PidTagHtml is bytes in the message's code page; Outlook writes 65001 (UTF-8) or 1252.
    return new TextDecoder(data.internetCodepage === 1252 ? 'windows-1252' : 'utf-8').decode(data.html);
  }
  return undefined;
}

/**
 * Deterministic: the same file gives the same bytes (boundaries and a missing Message-ID derive
 * from its hash), so a file seen again after a crash is recognised by the intake's dedupe keys.
 */
export async function convertMsgToEml(bytes: Buffer): Promise<Buffer> {
  const digest = createHash('sha256').update(bytes).digest('hex');
  let data: FieldsData;
  let reader: Reader;
  try {
    reader = new MsgReader(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    data = reader.getFileData();
  } catch (cause) {
    throw new AppError('msg_unreadable', 'The .msg file could not be read as an Outlook item.', { cause, permanent: true });
  }
  if (data.error || data.dataType !== 'msg') throw new AppError('msg_unreadable', 'The .msg file is not an Outlook mail item.', { permanent: true });

  const recipients = (type: 'to' | 'cc') =>
    (data.recipients ?? [])
      .filter((r) => (r.recipType ?? 'to') === type)
      .map((r) => mailbox(r.name, r.smtpAddress ?? r.email))
      .filter((m) => m !== null);
  const attachments: { filename: string; content: Buffer; contentType?: string }[] = [];
  const embedded: string[] = [];
  for (const attachment of data.attachments ?? []) {
    if (attachment.innerMsgContent) {
      embedded.push(attachment.name ?? attachment.fileName ?? 'item.msg');
      continue;
    }
    const file = reader.getAttachment(attachment);
    attachments.push({
      filename: file.fileName,
      content: Buffer.from(file.content),
      ...(attachment.attachMimeTag ? { contentType: attachment.attachMimeTag } : {}),
    });
  }
  const sent = new Date(data.messageDeliveryTime ?? data.clientSubmitTime ?? data.creationTime ?? '');
  const from = mailbox(data.senderName, data.senderSmtpAddress ?? data.senderEmail);
  const html = htmlOf(data);
  const composer = new MailComposer({
    ...(from ? { from } : {}),
    to: recipients('to'),
    cc: recipients('cc'),
    subject: data.subject ?? '',
    ...(Number.isNaN(sent.getTime()) ? {} : { date: sent }),
    messageId: data.messageId && isWellFormedMessageId(data.messageId.trim()) ? data.messageId.trim() : `<msg-${digest.slice(0, 32)}@klachtenopvang.invalid>`,
    baseBoundary: digest.slice(0, 16),
    text: data.body ?? '',
    ...(html ? { html } : {}),
    attachments,
    headers: {
      'X-Klachtenopvang-Converted-From': 'outlook-msg',
      ...(embedded.length > 0 ? { 'X-Klachtenopvang-Embedded-Items': String(embedded.length) } : {}),
    },
  });
  return composer.compile().build();
}
