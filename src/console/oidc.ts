/** Placeholder replaced by the OIDC client. */
export interface OidcClient {
  issuerOrigin: string;
}
