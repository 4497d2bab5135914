import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ResearchExportList, ResearchExportSummary } from '@api';
import { eventually } from '../../testing/eventually';
import { ResearchApi } from './research-api';

const item = (anchored: boolean) =>
  ({
    id: 'e1',
    hash: `0x${'ab'.repeat(32)}`,
    anchor: anchored
      ? { exportId: 3, admin: '0x1', transactionHash: '0x2', blockNumber: 9, anchoredAt: '2026-11-27T10:00:00.000Z' }
      : null,
  }) as ResearchExportSummary;
const list = (anchored: boolean): ResearchExportList => ({ items: [item(anchored)], defaults: { k: 5, epsilon: 1 } });

describe('ResearchApi', () => {
  let api: ResearchApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(ResearchApi);
    http = TestBed.inject(HttpTestingController);
  });

  it('When an anchor is not indexed yet, then the list is read again until the export shows anchored', async () => {
    const answer = api.listOnceAnchored('e1');
    http.expectOne('/api/research/exports').flush(list(false));
    (await eventually(() => http.match('/api/research/exports')[0])).flush(list(true));

    expect((await answer).items[0].anchor?.exportId).toBe(3);
    http.verify();
  });

  it('When an export is downloaded, then it comes as the exact text the server hashed, not re-serialised JSON', async () => {
    const canonical = '{"b":1,"a":2.50}';
    const answer = api.exportText('e1');
    const request = http.expectOne('/api/research/exports/e1');
    expect(request.request.responseType).toBe('text');
    request.flush(canonical);

    expect(await answer).toBe(canonical);
  });
});
