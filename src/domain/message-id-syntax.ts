/**
 * RFC 5322 msg-id: `<` dot-atom-text `@` (dot-atom-text or a [literal]) `>`, ASCII only. A
 * Message-ID or References entry of a complainant's message is copied into our In-Reply-To and
 * References only when it has exactly this shape: anything else (spaces, quotes, a second `<`,
 * folded text, non-ASCII) could smuggle text into our headers or break a client's threading.
 */
const ATEXT = "[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~]+";
const DOT_ATOM = `${ATEXT}(?:\\.${ATEXT})*`;
const NO_FOLD_LITERAL = '\\[[\\x21-\\x5a\\x5e-\\x7e]*\\]';
const MSG_ID = new RegExp(`^<${DOT_ATOM}@(?:${DOT_ATOM}|${NO_FOLD_LITERAL})>$`);

/** Longer ids are legal but a sign of abuse; ours and every common client's are far shorter. */
export const MAX_REUSED_MESSAGE_ID = 250;

export function isWellFormedMessageId(value: string): boolean {
  return value.length <= MAX_REUSED_MESSAGE_ID && MSG_ID.test(value);
}
