import { createHash } from 'node:crypto';
import { simpleParser } from 'mailparser';

/** Finds the attachment with this SHA-256 in a raw message (the hash the record lists). */
export async function findAttachment(raw: Buffer, sha256: string): Promise<{ filename: string | null; content: Buffer } | null> {
  const parsed = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true });
  for (const attachment of parsed.attachments) {
    if (createHash('sha256').update(attachment.content).digest('hex') === sha256) return { filename: attachment.filename ?? null, content: attachment.content };
  }
  return null;
}

/**
 * Content-Disposition for a download: always `attachment` (never shown in the browser), an ASCII
 * fallback name and the real one in RFC 5987 form.
 */
export function attachmentDisposition(filename: string | null): string {
  const name = (filename ?? 'bijlage').replace(/[\r\n"\\/]/g, '_').slice(0, 200) || 'bijlage';
  const ascii = name.replace(/[^\x20-\x7e]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
