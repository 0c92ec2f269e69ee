import { createHash } from 'node:crypto';

/**
 * Every Redis key of the service is built here, so the layout can be read in one place.
 * Personal data never appears in a key name: senders and Message-IDs are hashed.
 */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function makeKeys(prefix: string) {
  return {
    prefix,
    record: (id: string) => `${prefix}:record:${id}`,
    events: (id: string) => `${prefix}:events:${id}`,
    counter: (year: number) => `${prefix}:counter:${year}`,
    /** Sorted set of all record ids, score = receivedAt in ms. */
    all: () => `${prefix}:idx:all`,
    byStatus: (status: string) => `${prefix}:idx:status:${status}`,
    /** Sorted set of ids with a running deadline, score = deadline as epoch days. */
    byDeadline: () => `${prefix}:idx:deadline`,
    /** Sorted set of ids, score = time of the record's latest event (ms). */
    byActivity: () => `${prefix}:idx:activity`,
    bySha: (sha256: string) => `${prefix}:idx:sha:${sha256}`,
    byMessageId: (fingerprint: string) => `${prefix}:idx:msgid:${fingerprint}`,
    bySender: (address: string) => `${prefix}:idx:sender:${sha256Hex(address.toLowerCase())}`,
    /** Timestamps of automatic replies to one sender, for the flood cap. */
    repliesToSender: (address: string) => `${prefix}:replies:sender:${sha256Hex(address.toLowerCase())}`,
    uidValidity: (mailbox: string) => `${prefix}:mailbox:${sha256Hex(mailbox)}:uidvalidity`,
    /** Which instance reads a mailbox (mailbox-lease.ts), and the counter that fences its grants. */
    mailboxLease: (mailbox: string) => `${prefix}:mailbox:${sha256Hex(mailbox)}:lease`,
    mailboxLeaseFence: (mailbox: string) => `${prefix}:mailbox:${sha256Hex(mailbox)}:lease-fence`,
    lastDigest: () => `${prefix}:digest:last`,
    sendLock: (replyKey: string) => `${prefix}:lock:send:${replyKey}`,
    /** Set of hashed Message-IDs of every message recorded: checked against the processed folder. */
    seenMessageIds: () => `${prefix}:idx:seen-msgids`,
    /** Key of the HMAC in our Message-IDs (reply-id-secret.ts). */
    replyIdSecret: () => `${prefix}:secret:reply-ids`,
    bullPrefix: () => `${prefix}-bull`,
    /** Officer console: accounts by address, sessions by hashed id, sign-in failures, audit stream. */
    consoleAccount: (email: string) => `${prefix}:console:account:${sha256Hex(email.toLowerCase())}`,
    consoleAccounts: () => `${prefix}:console:accounts`,
    consoleSession: (idHash: string) => `${prefix}:console:session:${idHash}`,
    consoleSessionsOf: (email: string) => `${prefix}:console:sessions-of:${sha256Hex(email.toLowerCase())}`,
    consoleFailures: (scope: 'account' | 'address', value: string) => `${prefix}:console:failures:${scope}:${sha256Hex(value.toLowerCase())}`,
    consoleAudit: () => `${prefix}:console:audit`,
  };
}
export type Keys = ReturnType<typeof makeKeys>;

export function messageIdHash(messageId: string): string {
  return sha256Hex(messageId.trim().toLowerCase());
}
