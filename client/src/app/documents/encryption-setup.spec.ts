import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { devAccount } from '@test-support/dev-chain';
import { eventually } from '../../testing/eventually';
import { Session } from '../auth/session';
import { DocumentKeyring } from './document-keys.service';
import { EncryptionSetup } from './encryption-setup';

const doctor = devAccount(1).address;

describe('EncryptionSetup (My practice)', () => {
  async function open(keyring: Partial<DocumentKeyring>) {
    TestBed.configureTestingModule({
      imports: [EncryptionSetup],
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: DocumentKeyring, useValue: keyring }],
    });
    const http = TestBed.inject(HttpTestingController);
    const session = TestBed.inject(Session).refresh();
    http.expectOne('/api/me').flush({ address: doctor, roles: ['doctor'], doctorStatus: 'verified' });
    await session;
    const fixture = TestBed.createComponent(EncryptionSetup);
    fixture.autoDetectChanges();
    return { http, card: fixture.nativeElement as HTMLElement };
  }

  it('When a doctor has not published a key, then the card says patients cannot share with them, and one click sets it up', async () => {
    const myKeyPair = jest.fn().mockResolvedValue({ privateKey: new Uint8Array(32), publicKey: new Uint8Array(32) });
    const { http, card } = await open({ myKeyPair });
    http
      .expectOne(`/api/keys/${doctor}`)
      .flush({ error: { code: 'KEY_NOT_PUBLISHED' } }, { status: 404, statusText: 'Not Found' });

    await eventually(() => card.textContent.includes('Not set up yet'));
    card.querySelector('button')!.click();

    await eventually(() => card.textContent.includes('Set up: patients can share'));
    expect(myKeyPair).toHaveBeenCalledTimes(1);
  });

  it('When the wallet declines, then the card says why and offers the button again', async () => {
    const { http, card } = await open({
      myKeyPair: jest.fn().mockRejectedValue(new Error('User rejected the request')),
    });
    http
      .expectOne(`/api/keys/${doctor}`)
      .flush({ error: { code: 'KEY_NOT_PUBLISHED' } }, { status: 404, statusText: 'Not Found' });
    await eventually(() => card.querySelector('button'));
    card.querySelector('button')!.click();

    await eventually(() => card.querySelector('[role="alert"]')?.textContent?.includes('User rejected'));
    expect(card.querySelector('button')!.textContent).toContain('Set up document encryption');
  });
});
