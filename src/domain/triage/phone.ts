/**
 * A telephone number the sender gives: Dutch mobile and landline numbers in the usual spellings
 * (`06-12345678`, `071 - 512 34 56`, `+31 (0)6 1234 5678`, `0031...`). Service numbers
 * (0800, 0900, 088: ours, Jeugdstem's, helplines) are never the sender's.
 */

const CANDIDATE = /(?<![\w+])(?:\+|00)?\(?\d[\d \t().\/-]{7,18}\d(?!\d)/g;
const LABEL_BEFORE = /\b(?:tel|telefoon|telefoonnummer|mobiel|mob|gsm|bel|bellen|bereikbaar|nummer|phone|mobile|call|cell)\b[^\n\d]{0,25}$/i;
const SERVICE_PREFIX = /^(?:0800|0900|0906|0909|088|112$|14\d{3})/;

export function findPhone(text: string): string | null {
  let fallback: string | null = null;
  for (const match of text.matchAll(CANDIDATE)) {
    const phone = normalizePhone(match[0]);
    if (phone === null) continue;
    if (LABEL_BEFORE.test(text.slice(Math.max(0, match.index - 40), match.index))) return phone;
    fallback ??= phone;
  }
  return fallback;
}

/** Dutch numbers as ten digits from 0; foreign numbers as `+` and digits; null when no phone. */
export function normalizePhone(raw: string): string | null {
  if (/\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}/.test(raw) && !/^\s*\+|^0\d{1,3}[ -]/.test(raw)) return null;
  const international = /^\s*(?:\+|00)/.test(raw);
  let digits = raw.replace(/\(0\)/g, '').replace(/\D/g, '');
  if (international) {
    digits = digits.replace(/^00/, '');
    if (digits.startsWith('31')) digits = `0${digits.slice(2)}`;
    else return digits.length >= 9 && digits.length <= 15 ? `+${digits}` : null;
  }
  if (!/^0[1-9]\d{8}$/.test(digits) || SERVICE_PREFIX.test(digits)) return null;
  return digits;
}
