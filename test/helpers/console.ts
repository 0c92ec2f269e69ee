import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ingestMessage } from '../../src/app/ingest-message.ts';
import { readMessage } from '../../src/adapters/read-message.ts';
import { makeRecordEffects } from '../../src/app/record-effects.ts';
import { hashPassword } from '../../src/console/password.ts';
import { newTotpSecret, totpCode } from '../../src/console/totp.ts';
import type { Role } from '../../src/console/roles.ts';
import { startConsoleRole } from '../../workers/console-role.ts';
import type { RedisServer } from './redis-server.ts';
import type { SmtpSink } from './smtp-sink.ts';
import { startService, type TestService } from './service.ts';

/** The service with the console on a free loopback port, and helpers to seed accounts and complaints. */
export interface TestConsole {
  service: TestService;
  url: string;
  deps: NonNullable<Awaited<ReturnType<typeof startConsoleRole>>>['deps'];
  addAccount(email: string, role: Role, options?: { password?: string }): Promise<{ email: string; password: string; secret: string | null }>;
  /** A TOTP code for `secret`, `stepsAhead` 30-second steps from now (the window accepts +1). */
  code(secret: string, stepsAhead?: number): string;
  /** Ingests a message; with `file`, it is also left in the local processed folder (attachments are read from there). */
  complaint(raw: Buffer, file?: string): Promise<string>;
  /** Closes the keep-alive connections fetch left idle in its pool (before a leak check counts sockets). */
  closeIdleConnections(): void;
  stop(): Promise<void>;
}

export const PASSWORD = 'correct-horse-battery-staple';

/** `smtp` and `roles: ['replies']` send what the console queues (letters, acknowledgements) to a real SMTP sink. */
export async function startTestConsole(redis: RedisServer, env: Record<string, string> = {}, options: { port?: number; smtp?: SmtpSink; roles?: ('replies' | 'officer')[] } = {}): Promise<TestConsole> {
  const service = await startService({ redis, ...(options.smtp ? { smtp: options.smtp } : {}) }, { roles: options.roles ?? [], env });
  const started = await startConsoleRole(service.rt, { port: options.port ?? 0 });
  if (!started) throw new Error('console did not start');
  return {
    service,
    url: started.url,
    deps: started.deps,
    async addAccount(email, role, options = {}) {
      const password = options.password ?? PASSWORD;
      const secret = newTotpSecret();
      await started.deps.accounts.add({ email, role, passwordHash: await hashPassword(password), totpSecret: secret });
      return { email, password, secret };
    },
    code: (secret, stepsAhead = 0) => totpCode(secret, Date.now() + stepsAhead * 30_000),
    async complaint(raw, file) {
      if (file) {
        const dir = join(service.env['DATA_DIR'] ?? '', 'inbox', 'processed');
        await mkdir(dir, { recursive: true });
        await writeFile(join(dir, file), raw);
      }
      const result = await ingestMessage({ ...service.rt, readMessage, effects: makeRecordEffects({ ...service.rt }) }, {
        source: { kind: 'local', mailbox: 'inbox', uidValidity: null, uid: null, file: file ?? 'x.eml' },
        receivedAt: new Date(),
        declaredSize: raw.length,
        open: async () => Readable.from([raw]),
      });
      return result.id;
    },
    closeIdleConnections: () => started.app.server.closeIdleConnections(),
    stop: () => service.stop(),
  };
}
