import type { MailAddress } from './parsed-message.ts';

/**
 * Mail addresses as the service compares and answers them. `Klachtenopvang@WijZijnHecht.nl.`,
 * `"klachtenopvang"@wijzijnhecht.nl` and `klachtenopvang+test@wijzijnhecht.nl` are all our own
 * mailbox: case, a quoted local part, a `+tag` and a trailing dot do not make another mailbox.
 */
export function normaliseAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return address.trim().toLowerCase();
  const local = address.slice(0, at).trim().replace(/^"(.*)"$/, '$1').split('+')[0] ?? '';
  const domain = address.slice(at + 1).trim().replace(/\.+$/, '');
  return `${local}@${domain}`.toLowerCase();
}

export function sameMailbox(a: string, b: string): boolean {
  return normaliseAddress(a) === normaliseAddress(b);
}

export function domainOf(address: string): string {
  return normaliseAddress(address).split('@')[1] ?? '';
}

/** Whether the address belongs to `domain` or one of its subdomains. */
export function isInDomain(address: string, domain: string): boolean {
  const own = domain.toLowerCase().replace(/\.+$/, '');
  const found = domainOf(address);
  return found === own || found.endsWith(`.${own}`);
}

/**
 * Who gets an automatic answer: the From address. A Reply-To is used only within the From
 * address's domain (a shared mailbox of the same organisation); one elsewhere is recorded and
 * shown to officers, never answered automatically, since anyone can set it and make the
 * service mail third parties.
 */
export function automaticReplyAddress(from: MailAddress | null, replyTo: MailAddress | null): string | null {
  // No sender, no automatic answer: a Reply-To alone would let anyone make us mail a third party.
  if (from === null || !from.address.includes('@')) return null;
  const domain = domainOf(from.address);
  if (replyTo !== null && replyTo.address.includes('@') && domainOf(replyTo.address) === domain && !PUBLIC_MAIL_DOMAINS.has(domain)) return replyTo.address;
  return from.address;
}

/** Providers where a shared domain says nothing about a shared organisation. */
const PUBLIC_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.nl', 'live.com', 'live.nl', 'msn.com', 'icloud.com', 'me.com',
  'yahoo.com', 'yahoo.nl', 'ziggo.nl', 'kpnmail.nl', 'planet.nl', 'home.nl', 'xs4all.nl', 'hetnet.nl', 'casema.nl', 'chello.nl',
  'upcmail.nl', 'telfort.nl', 'tele2.nl', 'online.nl', 'zeelandnet.nl', 'quicknet.nl', 'gmx.com', 'gmx.net', 'gmx.de', 'proton.me',
  'protonmail.com', 'aol.com', 'mail.com',
]);

/** A Reply-To outside the From address's domain: shown to officers, never answered automatically. */
export function hasForeignReplyTo(from: MailAddress | null, replyTo: MailAddress | null): boolean {
  return from !== null && replyTo !== null && domainOf(replyTo.address) !== domainOf(from.address);
}
