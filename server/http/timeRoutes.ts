import type { FastifyInstance } from 'fastify';

/**
 * `GET /api/time`: the server's clock, so that every device shows the shared timer alike
 * whatever its own clock says (the client samples it and keeps the offset).
 */
export function timeRoutes() {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/api/time', async (_request, reply) => {
      void reply.header('cache-control', 'no-store');
      return { now: Date.now() };
    });
  };
}
