/** Reads GET /api/health, which says whether the chain, MongoDB and IPFS answer the server. */
import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { HealthReport } from '@api';

@Injectable({ providedIn: 'root' })
export class HealthApi {
  private readonly http = inject(HttpClient);

  /** The server's report; a degraded system is an answer too (503 with the same body), not a failure. */
  async read(): Promise<HealthReport> {
    try {
      return await firstValueFrom(this.http.get<HealthReport>('/api/health'));
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 503 && isHealthReport(error.error)) return error.error;
      throw error;
    }
  }
}

/** A 503 from a proxy in front of the server carries no report: that must read as "unreachable", not as a report. */
function isHealthReport(body: unknown): body is HealthReport {
  const report = body as Partial<HealthReport> | null;
  return (
    typeof report === 'object' &&
    report !== null &&
    typeof report.status === 'string' &&
    !!report.chain &&
    !!report.mongo &&
    !!report.ipfs
  );
}
