export { AppError, badRequest, unauthorized, notFound } from './app-error';
export { errorHandler, toAppError } from './error-handler';
