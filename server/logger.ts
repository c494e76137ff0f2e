import pino from 'pino';

/** Query parameters that carry secrets and must never reach a log line. */
const SECRET_QUERY = /([?&](?:token|access_token)=)[^&#]*/gi;

/** Removes secrets from a URL before it is logged. */
export function redactUrl(url: string | undefined): string | undefined {
  return url?.replace(SECRET_QUERY, '$1[redacted]');
}

/**
 * The process logger: JSON lines on stdout. Note text and tokens are never logged; request
 * lines carry only method, path (tokens redacted) and status.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): pino.Logger {
  return pino({
    level,
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', 'token', '*.token'],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, url: redactUrl(req.url) }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
