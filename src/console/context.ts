import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { ComplaintStore } from '../adapters/complaint-store.ts';
import type { Queues } from '../adapters/queues.ts';
import type { Clock, Renderer } from '../app/ports.ts';
import type { AccountStore } from './accounts.ts';
import type { AuditLog } from './audit.ts';
import type { RegisterIndex } from './register-index.ts';
import type { SessionStore } from './sessions.ts';
import type { SignInFailures } from './sign-in-failures.ts';
import type { OidcClient } from './oidc.ts';

/** Everything the console's routes use, wired in workers/ (roles.ts). */
export interface ConsoleDeps {
  config: Config;
  log: Logger;
  clock: Clock;
  store: ComplaintStore;
  queues: Queues;
  templates: Renderer;
  accounts: AccountStore;
  sessions: SessionStore;
  failures: SignInFailures;
  audit: AuditLog;
  index: RegisterIndex;
  oidc: OidcClient | null;
  /** The original message of a record (attachments are downloaded from it); null when gone. */
  readOriginal: (source: import('../domain/complaint-record.ts').Source) => Promise<Buffer | null>;
  /** Mounts Bull Board read-only at /queues (admins only); absent when it is not installed. */
  mountQueues?: (app: import('fastify').FastifyInstance) => Promise<void>;
}
