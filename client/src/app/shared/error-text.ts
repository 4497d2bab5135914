/** One readable sentence for any failure the UI shows: API errors carry `{ error: { code, message } }`. */
import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody } from '@api';
import { messageOf } from '../chain/eip1193';

export function errorText(error: unknown): string {
  if (error instanceof HttpErrorResponse) {
    const apiMessage = (error.error as Partial<ApiErrorBody> | null)?.error?.message;
    if (apiMessage) return apiMessage;
    return error.status === 0
      ? 'The server cannot be reached.'
      : `The server answered ${error.status} ${error.statusText}.`;
  }
  return messageOf(error);
}
