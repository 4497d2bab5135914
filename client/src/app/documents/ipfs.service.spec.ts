import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { eventually } from '../../testing/eventually';
import { IpfsDocuments } from './ipfs.service';

describe('IpfsDocuments (the Kubo RPC calls at /api/ipfs/api/v0)', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] }));

  test('When an envelope is added, then it is posted as one multipart file with pin=true and the CID the node answers is returned', async () => {
    const http = TestBed.inject(HttpTestingController);
    const adding = TestBed.inject(IpfsDocuments).add(Uint8Array.of(1, 2, 3));

    const request = await eventually(() => http.match((r) => r.url === '/api/ipfs/api/v0/add')[0]);
    expect(request.request.method).toBe('POST');
    expect(request.request.params.get('pin')).toBe('true');
    expect((request.request.body as FormData).getAll('file')).toHaveLength(1);
    request.flush({ Name: 'document', Hash: 'QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o', Size: '20' });

    await expect(adding).resolves.toBe('QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o');
  });

  test('When a CID is read, then cat?arg=<cid> answers its bytes', async () => {
    const http = TestBed.inject(HttpTestingController);
    const reading = TestBed.inject(IpfsDocuments).cat('QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o');

    const request = await eventually(() => http.match((r) => r.url === '/api/ipfs/api/v0/cat')[0]);
    expect(request.request.params.get('arg')).toBe('QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o');
    const body = new ArrayBuffer(3);
    new Uint8Array(body).set([9, 8, 7]);
    request.flush(body);

    await expect(reading).resolves.toEqual(Uint8Array.of(9, 8, 7));
  });
});
