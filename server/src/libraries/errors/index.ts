export { AppError, unauthorized, forbidden, notFound } from './app-error';
export { errorHandler, toAppError } from './error-handler';
