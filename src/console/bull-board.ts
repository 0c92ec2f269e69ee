import type { FastifyInstance } from 'fastify';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queues } from '../adapters/queues.ts';
import { actorOf, forbid, requireActor } from './request-context.ts';
import { canAdminister } from './roles.ts';
import type { ConsoleDeps } from './context.ts';

/**
 * Queue health for the functioneel beheerder: Bull Board, read-only (no retry, clean or
 * promote: its write routes are refused, and the console's CSRF check refuses them as well),
 * behind the console's sign-in. Its page is a script application, so /queues has its own CSP:
 * scripts and styles from itself only (its inline styles allowed), nothing from elsewhere.
 */
const BOARD_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
export const QUEUES_PATH = '/queues';

export function makeBullBoardMount(queues: Queues, deps: () => ConsoleDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    const serverAdapter = new FastifyAdapter();
    serverAdapter.setBasePath(QUEUES_PATH);
    createBullBoard({
      queues: [new BullMQAdapter(queues.replies, { readOnlyMode: true }), new BullMQAdapter(queues.officer, { readOnlyMode: true })],
      serverAdapter,
      options: { uiConfig: { boardTitle: 'Klachtenopvang' } },
    });
    await app.register(async (scope) => {
      scope.addHook('preHandler', async (request, reply) => {
        const actor = requireActor(request, reply);
        if (!actor) return reply;
        if (!canAdminister(actor)) return forbid(deps(), request, reply, 'queues_read', '-');
        return undefined;
      });
      scope.addHook('onSend', async (request, reply, payload) => {
        if (actorOf(request)?.role === 'admin') reply.header('Content-Security-Policy', BOARD_CSP);
        return payload;
      });
      await scope.register(serverAdapter.registerPlugin(), { prefix: QUEUES_PATH });
    });
  };
}
