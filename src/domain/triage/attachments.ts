import type { AttachmentInfo } from '../parsed-message.ts';

/**
 * Attachments that matter to officers. Outlook signature images (`image001.png`) are not
 * attachments a person chose to send; `winmail.dat` (TNEF) is one the parser cannot read.
 */
const SIGNATURE_IMAGE = /^(?:image\d{3}\.(?:png|jpe?g|gif)|outlook-[\w-]+\.(?:png|jpe?g|gif))$/i;
const DOCUMENT =
  /\.(?:pdf|docx?|odt|rtf|txt|jpe?g|png|heic|tiff?)$|^application\/(?:pdf|msword|vnd\.openxmlformats|vnd\.oasis|rtf)|^image\//i;

export function realAttachments(attachments: readonly AttachmentInfo[]): AttachmentInfo[] {
  return attachments.filter((attachment) => !SIGNATURE_IMAGE.test(attachment.filename ?? ''));
}

export function hasTnef(attachments: readonly AttachmentInfo[]): boolean {
  return attachments.some(
    (attachment) => /^winmail\.dat$/i.test(attachment.filename ?? '') || /^application\/(?:ms-tnef|vnd\.ms-tnef)$/i.test(attachment.contentType),
  );
}

/** A document or photo that can hold the description (a filled-in complaint form, a letter). */
export function hasDocument(attachments: readonly AttachmentInfo[]): boolean {
  return realAttachments(attachments).some(
    (attachment) => DOCUMENT.test(attachment.filename ?? '') || DOCUMENT.test(attachment.contentType),
  );
}
