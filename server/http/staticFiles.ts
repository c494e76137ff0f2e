import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { HttpError } from './errors';

/** Paths that belong to the server, never to the client's router. */
const SERVER_PATHS = /^\/(api|ws|healthz)(\/|$|\?)/;

/**
 * Serves the built client when it exists, and answers client routes (/w/…, /join/…, /p/…)
 * with its index.html so a deep link opens the app. API and WebSocket paths get a JSON 404.
 */
export function staticFiles(clientDir: string) {
  return async (app: FastifyInstance): Promise<void> => {
    const built = fs.existsSync(path.join(clientDir, 'index.html'));
    // The build writes .br and .gz beside each file (vite.config.ts); they are sent where accepted.
    if (built) await app.register(fastifyStatic, { root: clientDir, wildcard: true, preCompressed: true });
    app.setNotFoundHandler((request, reply) => {
      const wantsPage = request.method === 'GET' || request.method === 'HEAD';
      if (built && wantsPage && !SERVER_PATHS.test(request.url)) {
        return reply.type('text/html').sendFile('index.html');
      }
      throw new HttpError('not_found', 'There is nothing at this address.');
    });
  };
}
