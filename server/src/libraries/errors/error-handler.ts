/**
 * The one error middleware: every failure leaves as `{ error: { code, message } }` with a 4xx/5xx
 * status, and nothing internal (stack, driver messages) reaches the client.
 */
import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import type { Logger } from 'pino';
import type { ApiErrorBody } from '@api';
import { AppError } from './app-error';
import { isDatabaseUnavailable } from './database-unavailable';

interface HttpParserError {
  type?: string;
  status?: number;
  expose?: boolean;
}

function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** body-parser errors carry a `type`; map the ones a client can cause. */
function fromBodyParser(error: HttpParserError): AppError | undefined {
  switch (error.type) {
    case 'entity.parse.failed':
      return new AppError(400, 'MALFORMED_JSON', 'The request body is not valid JSON');
    case 'entity.too.large':
      return new AppError(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError(415, 'UNSUPPORTED_ENCODING', 'The request body encoding is not supported');
    default:
      return undefined;
  }
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return new AppError(400, 'VALIDATION_FAILED', describeZodError(error));
  // Express's router cannot decode a path parameter such as `/api/patients/%zz`: the client's mistake (it marks it 400).
  if (error instanceof URIError) {
    return new AppError(400, 'MALFORMED_PATH', 'A path segment is not valid percent-encoding (RFC 3986)');
  }
  if (isDatabaseUnavailable(error)) {
    return new AppError(503, 'DATABASE_UNAVAILABLE', 'The database is unavailable; try again shortly', {
      cause: error,
    });
  }
  if (error && typeof error === 'object') {
    const known = fromBodyParser(error);
    if (known) return known;
  }
  return new AppError(500, 'INTERNAL', 'Internal server error', { cause: error });
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    const appError = toAppError(error);
    if (appError.status >= 500) logger.error({ err: error }, 'request failed');
    if (appError.catastrophic) logger.fatal({ err: error }, 'catastrophic error');
    const body: ApiErrorBody = { error: { code: appError.code, message: appError.message } };
    res.status(appError.status).json(body);
  };
}
