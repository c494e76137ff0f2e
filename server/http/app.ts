import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { HttpDeps } from './deps';
import { errorHandler } from './errors';
import { importRoutes } from './importRoutes';
import { joinRoutes } from './joinRoutes';
import { exportRoutes } from './exportRoutes';
import { revealRoutes } from './revealRoutes';
import { errorAnswerHeaders, securityHeaders } from './securityHeaders';
import { staticFiles } from './staticFiles';
import { timeRoutes } from './timeRoutes';
import { workshopRoutes } from './workshopRoutes';

/** Largest JSON body accepted (the bodies of this API are a few hundred bytes). */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** Builds the HTTP application: health, the JSON API and the built client. */
export async function buildHttpApp(deps: HttpDeps): Promise<FastifyInstance> {
  // Fastify's instance type is invariant in its logger; pino's Logger is a FastifyBaseLogger.
  const loggerInstance: FastifyBaseLogger = deps.logger;
  const handleError = errorHandler(deps.logger);
  const earlyErrorHeaders = errorAnswerHeaders(deps.config);
  const app: FastifyInstance = Fastify({
    loggerInstance,
    // Bodies are untrusted: no silent coercion (42 is not a title); unknown fields are dropped.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: true } },
    bodyLimit: BODY_LIMIT_BYTES,
    // Behind a reverse proxy the client address comes from X-Forwarded-For (join rate limit).
    trustProxy: deps.config.trustProxy,
    // Errors Fastify meets before routing (an undecodable URL) get the contract's shape too.
    frameworkErrors: (error, request, reply) => {
      // These answers come before any hook, so the security headers are set here.
      earlyErrorHeaders(reply);
      handleError(error, request, reply);
    },
  });
  app.setErrorHandler(handleError);
  // Not registered as a plugin (its hooks must reach every route and the not-found answer).
  await securityHeaders(deps.config)(app);
  app.get('/healthz', async () => ({ status: 'ok' }));
  await app.register(workshopRoutes(deps));
  await app.register(joinRoutes(deps));
  await app.register(revealRoutes(deps));
  await app.register(exportRoutes(deps));
  await app.register(importRoutes(deps));
  await app.register(timeRoutes());
  // Not registered as a plugin: the not-found fallback must apply to the whole app.
  await staticFiles(deps.config.clientDir)(app);
  return app;
}
