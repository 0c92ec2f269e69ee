import { AppError } from '../../errors.ts';

/**
 * Every way signing in with OAuth2 can fail, each with what a person does about it. Hints name
 * the step of the README's "Mailbox sign-in with OAuth2" guide that fixes it (a unit test checks
 * that each named step exists). `needsAction`: waiting will not help, someone must act.
 *
 * None is `permanent` for job workers (except the two start-up file checks): a reply waiting
 * for a consent or a new secret must still go out once someone has fixed it, without a restart.
 */
export const OAUTH2_PROBLEMS = {
  oauth2_secret_invalid: {
    needsAction: true,
    message: 'The token endpoint refused the client secret (OAUTH2_CLIENT_SECRET).',
    hint: 'Copy the secret value (not its id) into OAUTH2_CLIENT_SECRET: README, Microsoft 365 step 2.',
  },
  oauth2_secret_expired: {
    needsAction: true,
    message: 'The client secret has expired.',
    hint: 'Create a new client secret and put it in OAUTH2_CLIENT_SECRET: README, Microsoft 365 step 2.',
  },
  oauth2_key_invalid: {
    needsAction: true,
    message: 'The token endpoint refused the signed assertion (certificate or service account key).',
    hint: 'Upload the certificate (README, Microsoft 365 step 2) or create a new service account key (README, Google Workspace step 2).',
  },
  oauth2_client_unknown: {
    needsAction: true,
    message: 'The tenant has no application with OAUTH2_CLIENT_ID.',
    hint: 'Use the Application (client) ID of the app registration, in the tenant of OAUTH2_TENANT_ID: README, Microsoft 365 step 1.',
  },
  oauth2_tenant_unknown: {
    needsAction: true,
    message: 'The token endpoint does not know OAUTH2_TENANT_ID.',
    hint: 'Use the Directory (tenant) ID of the app registration: README, Microsoft 365 step 1.',
  },
  oauth2_consent_missing: {
    needsAction: true,
    message: 'The application has no admin consent for the mail permissions.',
    hint: 'Add IMAP.AccessAsApp and SMTP.SendAsApp and grant admin consent: README, Microsoft 365 step 3.',
  },
  oauth2_scope_invalid: {
    needsAction: true,
    message: 'The token endpoint refused the scope.',
    hint: 'Leave OAUTH2_SCOPE unset for microsoft and google, and check the permissions: README, Microsoft 365 step 3.',
  },
  oauth2_delegation_missing: {
    needsAction: true,
    message: 'The service account may not act for the mailbox (domain-wide delegation).',
    hint: 'Authorise the client ID for https://mail.google.com/ under domain-wide delegation: README, Google Workspace step 3.',
  },
  oauth2_user_invalid: {
    needsAction: true,
    message: 'The token endpoint does not know the mailbox the service account impersonates (IMAP_USER).',
    hint: 'Set IMAP_USER to the mailbox address in your Workspace domain: README, Google Workspace step 4.',
  },
  oauth2_key_file_invalid: {
    needsAction: true,
    message: 'OAUTH2_KEY_FILE is not a readable service account key (JSON with client_email and private_key).',
    hint: 'Download a JSON key for the service account: README, Google Workspace step 2.',
  },
  oauth2_certificate_invalid: {
    needsAction: true,
    message: 'OAUTH2_CLIENT_CERTIFICATE is not a readable PEM file with a private key and its certificate.',
    hint: 'Put the private key and the certificate in one PEM file: README, Microsoft 365 step 2.',
  },
  oauth2_token_refused: {
    needsAction: true,
    message: 'The token endpoint refused to issue a token.',
    hint: 'Check the client id, secret and scope: README, Microsoft 365 steps 1 to 3 (Google Workspace steps 1 to 3).',
  },
  oauth2_token_endpoint_unavailable: {
    needsAction: false,
    message: 'The token endpoint could not be reached or had a temporary failure; retrying.',
    hint: 'Check the network path to the token endpoint (OAUTH2_TOKEN_URL or the provider default).',
  },
  oauth2_token_response_invalid: {
    needsAction: false,
    message: 'The token endpoint answered without a usable access token.',
    hint: 'Check that OAUTH2_TOKEN_URL is the token endpoint of your provider.',
  },
  imap_token_refused: {
    needsAction: true,
    message: 'The IMAP server refused a freshly issued token.',
    hint: 'Service principal and mailbox permission: README, Microsoft 365 steps 4 and 5; Google Workspace step 3; other servers: the issuer and user they expect.',
  },
  smtp_token_refused: {
    needsAction: false,
    message: 'The SMTP server refused a freshly issued token; the reply stays queued.',
    hint: 'SMTP.SendAsApp, mailbox permission and SMTP AUTH on: README, Microsoft 365 steps 3, 5 and 6; Google Workspace step 3.',
  },
} as const;

export type OAuth2Code = keyof typeof OAUTH2_PROBLEMS;

/** A sign-in failure with its code, a hint that names the fixing step, and the provider's own code (e.g. AADSTS7000215). */
export class OAuth2Error extends AppError {
  declare readonly code: OAuth2Code;
  readonly hint: string;
  readonly needsAction: boolean;
  /** What the provider said, as a code only (`AADSTS7000215`, `invalid_grant`); never free text. */
  readonly providerCode: string | null;

  constructor(code: OAuth2Code, options: { cause?: unknown; providerCode?: string | null } = {}) {
    const problem = OAUTH2_PROBLEMS[code];
    const startup = code === 'oauth2_key_file_invalid' || code === 'oauth2_certificate_invalid';
    super(code, `${problem.message} ${problem.hint}`, { permanent: startup, ...(options.cause === undefined ? {} : { cause: options.cause }) });
    this.name = 'OAuth2Error';
    this.hint = problem.hint;
    this.needsAction = problem.needsAction;
    this.providerCode = options.providerCode ?? null;
  }
}
