import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyHelmet from '@fastify/helmet';
import type { Config } from '../config';

/** Answers under this prefix may carry tokens or a workshop's content: no cache may keep them. */
const API_PREFIX = '/api/';

/** A Host header we are willing to repeat in a policy: a name or an address, and a port. */
const PLAIN_HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * Sends the security headers on every answer (pages, assets, API, errors): a Content Security
 * Policy without inline or evaluated scripts, nosniff, no referrer, and who may frame the app.
 * API answers are never stored by a cache, as several carry tokens.
 */
export function securityHeaders(config: Config) {
  return async (app: FastifyInstance): Promise<void> => {
    await app.register(fastifyHelmet, {
      contentSecurityPolicy: {
        // Listed in full: helmet's defaults include upgrade-insecure-requests, which would send
        // a board served over plain HTTP in a town hall's own network to an https:// that is not there.
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'script-src-attr': ["'none'"],
          // tldraw and React set style attributes and inject style elements at run time.
          'style-src': ["'self'", "'unsafe-inline'"],
          // The canvas draws exported shapes, pasted images and tldraw's cursors from data: and blob:.
          'img-src': ["'self'", 'data:', 'blob:'],
          'font-src': ["'self'"],
          'connect-src': [(request: IncomingMessage) => connectSources(request, config.trustProxy)],
          'object-src': ["'none'"],
          'base-uri': ["'self'"],
          'form-action': ["'self'"],
          'frame-ancestors': [...config.frameAncestors],
        },
      },
      // frame-ancestors is the rule; X-Frame-Options repeats it for browsers that predate it,
      // and is left out where it cannot say the same (a list of outside hosts).
      xFrameOptions: frameOptionsFor(config.frameAncestors),
      referrerPolicy: { policy: 'no-referrer' },
    });
    app.addHook('onRequest', async (request, reply) => {
      if (request.url.startsWith(API_PREFIX)) void reply.header('cache-control', 'no-store');
    });
  };
}

/**
 * Headers for the few answers Fastify gives before any hook runs (a URL it cannot decode).
 * They are always JSON errors, so nothing at all may load from them.
 */
export function errorAnswerHeaders(config: Config) {
  const policy = `default-src 'none'; frame-ancestors ${config.frameAncestors.join(' ')}`;
  return (reply: FastifyReply): void => {
    void reply.headers({
      'content-security-policy': policy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
  };
}

/**
 * 'self' and the WebSocket origins of the host the browser asked for. CSP level 3 lets 'self'
 * cover them, but older browsers (Safari before 15.4) need them named.
 */
function connectSources(request: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? firstValue(request.headers['x-forwarded-host']) : undefined;
  const host = forwarded ?? request.headers.host;
  // Anything odd is left out rather than written into a header; 'self' still covers the socket.
  if (!host || !PLAIN_HOST.test(host)) return "'self'";
  return `'self' ws://${host} wss://${host}`;
}

function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',')[0]?.trim() || undefined;
}

function frameOptionsFor(ancestors: readonly string[]): { action: 'deny' | 'sameorigin' } | false {
  if (ancestors.length === 1 && ancestors[0] === "'none'") return { action: 'deny' };
  if (ancestors.length === 1 && ancestors[0] === "'self'") return { action: 'sameorigin' };
  return false;
}
