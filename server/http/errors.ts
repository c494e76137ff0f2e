import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';

/** Machine-readable error codes of the HTTP API, each with its status. */
export const ERROR_STATUS = {
  bad_request: 400,
  invalid_body: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  workshop_full: 409,
  not_private: 409,
  already_revealed: 409,
  no_frame: 409,
  too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
} as const;

/** An error code of the HTTP API. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** An error the API answers as `{error, message}` with its 4xx status. */
export class HttpError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** The contract's error body. */
export interface ErrorBody {
  error: ErrorCode | 'internal';
  message: string;
}

/**
 * Maps every failure to the contract's JSON shape. Fastify's own errors (bad JSON, schema
 * failures, body too large, wrong content type) become 4xx; only a real bug answers 500,
 * and it is logged.
 */
export function errorHandler(logger: Logger) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const mapped = toHttpError(error);
    if (mapped) {
      void reply.status(mapped.status).send({ error: mapped.code, message: mapped.message } satisfies ErrorBody);
      return;
    }
    logger.error({ err: error, url: request.routeOptions.url }, 'unexpected error in request');
    void reply.status(500).send({ error: 'internal', message: 'Something went wrong on the server.' } satisfies ErrorBody);
  };
}

function toHttpError(error: FastifyError): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (error.validation) return new HttpError('invalid_body', describeValidation(error));
  const status = error.statusCode ?? 500;
  if (status === 413) return new HttpError('too_large', 'The request body is too large.');
  if (status === 415) return new HttpError('unsupported_media_type', 'The request body must be JSON.');
  if (error.code === 'FST_ERR_BAD_URL') return new HttpError('bad_request', 'The address could not be read.');
  if (status === 429) return new HttpError('too_many_requests', 'Too many requests; please wait a moment.');
  if (status >= 400 && status < 500) return new HttpError('bad_request', 'The request could not be read (is the body valid JSON?).');
  return undefined;
}

function describeValidation(error: FastifyError): string {
  const first = error.validation?.[0];
  if (!first) return 'The request body is not valid.';
  const field = first.instancePath.replace(/^\//, '') || (first.params as { missingProperty?: string }).missingProperty;
  return field ? `The field "${field}" is missing or not valid.` : 'The request body is not valid.';
}
