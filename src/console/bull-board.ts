import type { FastifyInstance } from 'fastify';
import type { Queues } from '../adapters/queues.ts';

/** Bull Board at /queues; filled in later. */
export async function mountBullBoard(_app: FastifyInstance, _queues: Queues): Promise<void> {}
