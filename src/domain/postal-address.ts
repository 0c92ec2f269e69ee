import type { PostalAddress } from './triage/triage-result.ts';

/**
 * The one rule for a complete address (Awb 9:4 needs one to write to): a street with a house
 * number, or a PO box, and a postcode or a city. Triage, the record rules (a follow-up that
 * fills details) and retriage all ask this function.
 */
export function isCompleteAddress(address: PostalAddress | null | undefined): address is PostalAddress {
  if (address === null || address === undefined || address.street === null) return false;
  if (address.houseNumber === null && !address.street.startsWith('Postbus')) return false;
  return address.postcode !== null || address.city !== null;
}
