import type { FastifyInstance } from 'fastify';
import type { ConsoleDeps } from '../context.ts';

/** Single sign-on routes; filled in with the OIDC client. */
export async function registerOidcRoutes(_app: FastifyInstance, _deps: ConsoleDeps): Promise<void> {}
