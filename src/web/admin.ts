/** Bull Board at /admin/queues, for admins only. */
import type { FastifyInstance } from 'fastify';
import type { Queue } from 'bullmq';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';

export const BULL_BOARD_PATH = '/admin/queues';

export async function registerBullBoard(app: FastifyInstance, queues: Queue[]): Promise<void> {
  await app.register(async (admin) => {
    admin.addHook('onRequest', async (req, reply) => {
      if (req.viewer?.role !== 'admin') return reply.code(403).type('text/plain; charset=utf-8').send('admins only');
    });
    const serverAdapter = new FastifyAdapter();
    serverAdapter.setBasePath(BULL_BOARD_PATH);
    createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter });
    await admin.register(serverAdapter.registerPlugin(), { prefix: BULL_BOARD_PATH });
  });
}
