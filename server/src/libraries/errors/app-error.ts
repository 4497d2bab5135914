/**
 * Errors the API means to return. Anything that is not an AppError is a bug and becomes a 500.
 * `catastrophic` marks failures after which the process should not keep serving (e.g. lost config).
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly options: { catastrophic?: boolean; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
  }

  get catastrophic(): boolean {
    return this.options.catastrophic ?? false;
  }
}

export const unauthorized = (message: string, code = 'UNAUTHENTICATED') => new AppError(401, code, message);
export const forbidden = (message: string, code = 'FORBIDDEN') => new AppError(403, code, message);
export const notFound = (message: string, code = 'NOT_FOUND') => new AppError(404, code, message);
