/**
 * Test-side IMAP access to a test Dovecot: put messages in, look at what is there. Each call opens
 * its own ImapFlow connection and logs out in `finally`, so tests never share IMAP state with the
 * code under test.
 */
import { ImapFlow, type ImapFlowOptions, type MailboxLockObject } from 'imapflow';

export interface ImapAccount {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** When set, sign in with XOAUTH2 instead of the password (an OAuth2-only server). */
  readonly accessToken?: string;
}

export interface ListedMessage {
  uid: number;
  messageId: string | null;
}

export interface MailboxStatus {
  messages: number;
  uidValidity: bigint;
  uidNext: number;
}

/** Connection options for the test Dovecot: plain IMAP on loopback, no STARTTLS, no logging. */
export function imapFlowOptions(account: ImapAccount): ImapFlowOptions {
  return {
    host: account.host,
    port: account.port,
    secure: false,
    doSTARTTLS: false,
    auth: account.accessToken ? { user: account.user, accessToken: account.accessToken } : { user: account.user, pass: account.password },
    logger: false,
    disableAutoIdle: true,
  };
}

export async function withImapClient<T>(account: ImapAccount, use: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow(imapFlowOptions(account));
  // A dropped connection emits 'error'; without a listener that would crash the test process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

function isMissingMailbox(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if ('mailboxMissing' in error && error.mailboxMissing === true) return true;
  return 'serverResponseCode' in error && error.serverResponseCode === 'NONEXISTENT';
}

export async function appendMessage(
  account: ImapAccount,
  raw: Buffer | string,
  mailbox = 'INBOX',
  options: { internalDate?: Date; flags?: string[] } = {},
): Promise<void> {
  await withImapClient(account, async (client) => {
    const result = await client.append(mailbox, raw, options.flags ?? [], options.internalDate);
    if (result === false) throw new Error(`APPEND to ${mailbox} was not accepted`);
  });
}

export async function createMailbox(account: ImapAccount, mailbox: string): Promise<void> {
  await withImapClient(account, async (client) => {
    await client.mailboxCreate(mailbox);
  });
}

/** Messages in `mailbox` in UID order; [] when the mailbox does not exist. */
export async function listMessages(account: ImapAccount, mailbox: string): Promise<ListedMessage[]> {
  return withImapClient(account, async (client) => {
    let lock: MailboxLockObject;
    try {
      lock = await client.getMailboxLock(mailbox, { readOnly: true });
    } catch (error) {
      if (isMissingMailbox(error)) return [];
      throw error;
    }
    try {
      if (client.mailbox === false || client.mailbox.exists === 0) return [];
      const fetched = await client.fetchAll('1:*', { uid: true, envelope: true });
      // A server may send more than one FETCH response for a message (e.g. a flag update).
      const byUid = new Map(fetched.map((message) => [message.uid, message.envelope?.messageId ?? null]));
      return [...byUid].map(([uid, messageId]) => ({ uid, messageId })).sort((a, b) => a.uid - b.uid);
    } finally {
      lock.release();
    }
  });
}

export async function mailboxStatus(account: ImapAccount, mailbox: string): Promise<MailboxStatus> {
  return withImapClient(account, async (client) => {
    const status = await client.status(mailbox, { messages: true, uidValidity: true, uidNext: true });
    if (status === false || status.uidValidity === undefined) {
      throw new Error(`STATUS ${mailbox} returned no UIDVALIDITY (does the mailbox exist?)`);
    }
    return { messages: status.messages ?? 0, uidValidity: status.uidValidity, uidNext: status.uidNext ?? 0 };
  });
}
