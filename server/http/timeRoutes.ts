import type { FastifyInstance } from 'fastify';
import type { ServerTime } from '../../shared/protocol/httpApi';

/**
 * `GET /api/time`: the server's clock. Every device samples it a few times and keeps how far
 * its own clock is off (shared/domain/timer.ts `clockOffset`), so the shared timer, which
 * ends at a moment in server time, shows the same on every screen in the room.
 */
export function timeRoutes() {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/api/time', async (_request, reply) => {
      // An answer kept by any cache would be a wrong clock.
      void reply.header('cache-control', 'no-store');
      const answer: ServerTime = { now: Date.now() };
      return answer;
    });
  };
}
