/**
 * Decides whether a failed SMTP delivery is worth retrying. Pure: the reply worker owns retries.
 * 5xx answers are permanent (the server refused for good); 4xx and connection failures are
 * temporary. Unknown failures are treated as temporary, so nothing is given up on by accident.
 */
export interface DeliveryFailure {
  permanent: boolean;
  /** The SMTP reply code when the server gave one. */
  smtpCode: number | null;
  /** A short machine code (`smtp_5xx`, `ECONNREFUSED`, ...), never the server's free text. */
  code: string;
}

const TEMPORARY_NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ESOCKET', 'ECONNECTION', 'EDNS', 'EPIPE', 'EHOSTUNREACH']);

export function classifyDeliveryFailure(error: unknown): DeliveryFailure {
  const fields = (error && typeof error === 'object' ? error : {}) as { responseCode?: unknown; code?: unknown };
  const smtpCode = typeof fields.responseCode === 'number' ? fields.responseCode : null;
  const code = typeof fields.code === 'string' ? fields.code : 'unknown';
  if (smtpCode !== null) {
    return { permanent: smtpCode >= 500 && smtpCode < 600, smtpCode, code: `smtp_${Math.floor(smtpCode / 100)}xx` };
  }
  if (TEMPORARY_NETWORK.has(code)) return { permanent: false, smtpCode: null, code };
  if (code === 'EENVELOPE' || code === 'EMESSAGE') return { permanent: true, smtpCode: null, code };
  return { permanent: false, smtpCode: null, code };
}
