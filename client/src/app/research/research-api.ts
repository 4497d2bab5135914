/** Research sharing through the API: the patient's own opt-in (read from the chain by the API) and the admins' exports. */
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { ResearchExportList, ResearchExportRequest, ResearchExportSummary, ResearchParticipation } from '@api';

/** The indexer sees a mined anchor within a block or two; ask this often, this many times. */
const ANCHOR_POLL_MS = 500;
const ANCHOR_POLLS = 20;

@Injectable({ providedIn: 'root' })
export class ResearchApi {
  private readonly http = inject(HttpClient);

  participation(): Promise<ResearchParticipation> {
    return firstValueFrom(this.http.get<ResearchParticipation>('/api/research/participation/me'));
  }

  createExport(request: ResearchExportRequest): Promise<ResearchExportSummary> {
    return firstValueFrom(this.http.post<ResearchExportSummary>('/api/research/exports', request));
  }

  listExports(): Promise<ResearchExportList> {
    return firstValueFrom(this.http.get<ResearchExportList>('/api/research/exports'));
  }

  /** The export exactly as hashed (its canonical JSON text), for a download that still matches the anchor. */
  exportText(id: string): Promise<string> {
    return firstValueFrom(this.http.get(`/api/research/exports/${encodeURIComponent(id)}`, { responseType: 'text' }));
  }

  /** The list once the indexer has seen export `id`'s anchor (or the last list read, if it has not yet). */
  async listOnceAnchored(id: string): Promise<ResearchExportList> {
    let list = await this.listExports();
    for (let poll = 1; poll < ANCHOR_POLLS && !list.items.find((item) => item.id === id)?.anchor; poll++) {
      await new Promise((resolve) => setTimeout(resolve, ANCHOR_POLL_MS));
      list = await this.listExports();
    }
    return list;
  }
}
