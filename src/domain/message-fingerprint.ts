import { createHash } from 'node:crypto';

/**
 * The Message-ID alone does not identify a message: a hostile or broken sender can reuse one.
 * Together with the sender and the Date header it recognises the same message re-uploaded by a
 * client (whose bytes may differ) without letting a stranger's message hide behind an old id.
 * A hash, so the store can use it in a key without holding personal data.
 */
export function messageFingerprint(messageId: string, from: string | null, date: string | null): string {
  return createHash('sha256').update(`${messageId.trim().toLowerCase()}\n${(from ?? '').toLowerCase()}\n${date ?? ''}`).digest('hex');
}
