import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { devAccount } from '@test-support/dev-chain';
import type { ErasureStatus } from '@api';
import { appConfigFor } from '../../testing/app-config.fixture';
import { eventually } from '../../testing/eventually';
import { startTestChain, type TestChain } from '../../testing/test-chain';
import { TestWallet } from '../../testing/test-wallet';
import { Session } from '../auth/session';
import { AppConfigStore } from '../chain/app-config';
import { WalletConnection } from '../chain/wallet-connection';
import { EraseMyData } from './erase-my-data';

const patient = devAccount(5);
const GAS = { gasLimit: 300_000 };
const remains = { recordPointers: 2, appointmentEvents: 3, consentEvents: 1, accessLogEntries: 4 };
const notErased: ErasureStatus = {
  patient: patient.address,
  erased: false,
  erasedAt: null,
  erasedBy: null,
  byAdmin: false,
  blockNumber: null,
  transactionHash: null,
  shredded: false,
  shreddedAt: null,
  documentsRemoved: 0,
  remains,
};

describe('EraseMyData (My data panel, on an in-process chain)', () => {
  let chain: TestChain;
  let http: HttpTestingController;
  let stopAnnouncing: () => void;

  beforeAll(async () => {
    chain = await startTestChain();
    const signer = await chain.provider.getSigner(patient.address);
    await (await chain.registry.connect(signer).registerPatient(GAS)).wait();
  });
  afterAll(() => chain.stop());
  afterEach(() => stopAnnouncing());

  async function open(): Promise<HTMLElement> {
    const wallet = new TestWallet(patient, { chain });
    stopAnnouncing = wallet.announceOn(window);
    TestBed.configureTestingModule({
      imports: [EraseMyData],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    const configLoaded = TestBed.inject(AppConfigStore).load();
    http
      .expectOne('/api/config')
      .flush(appConfigFor(await chain.registry.getAddress(), { Erasure: await chain.erasure.getAddress() }));
    await configLoaded;
    const session = TestBed.inject(Session).refresh();
    http.expectOne('/api/me').flush({ address: patient.address, roles: ['patient'], doctorStatus: 'none' });
    await session;
    await TestBed.inject(WalletConnection).connect();
    const fixture = TestBed.createComponent(EraseMyData);
    fixture.autoDetectChanges();
    (await eventually(() => http.match(`/api/erasure/status/${patient.address}`)[0])).flush(notErased);
    return fixture.nativeElement as HTMLElement;
  }

  const button = (page: HTMLElement) =>
    [...page.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === 'Erase my data')!;
  function type(page: HTMLElement, text: string): void {
    const input = page.querySelector<HTMLInputElement>('#erasure-confirmation')!;
    input.value = text;
    input.dispatchEvent(new Event('input'));
  }

  it('When the panel opens, then it says what is destroyed and what remains with the counts and why, and the button waits for ERASE typed', async () => {
    const page = await open();

    await eventually(() => page.textContent?.includes('What is destroyed'));
    expect(page.textContent).toContain('every key that opens your documents');
    expect(page.textContent).toContain('2 pointers to encrypted documents nobody can open');
    expect(page.textContent).toContain('3 appointment events and 1 consent event');
    expect(page.textContent).toContain('4 entries of who opened your data');
    expect(button(page).disabled).toBe(true);
    type(page, 'erase');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(button(page).disabled).toBe(true);
    type(page, 'ERASE');
    await eventually(() => !button(page).disabled);
  });

  it('When the patient types ERASE and confirms, then Erasure.erase() is mined from their wallet and the panel shows the status', async () => {
    const page = await open();
    await eventually(() => page.querySelector('#erasure-confirmation'));
    type(page, 'ERASE');
    await eventually(() => !button(page).disabled);

    button(page).click();

    const statusRequest = await eventually(() => http.match(`/api/erasure/status/${patient.address}`)[0], 10_000);
    const erasedAtBlock = Number(await chain.erasure.erasedAtBlock(patient.address));
    expect(erasedAtBlock).toBeGreaterThan(0);
    statusRequest.flush({
      ...notErased,
      erased: true,
      erasedAt: '2026-11-27T10:00:00.000Z',
      erasedBy: patient.address,
      blockNumber: erasedAtBlock,
      shredded: true,
      shreddedAt: '2026-11-27T10:00:01.000Z',
      documentsRemoved: 2,
    } satisfies ErasureStatus);
    await eventually(() => page.textContent?.includes('Your data was erased'));
    expect(page.textContent).toContain('2 encrypted documents removed from IPFS');
    expect(page.textContent).toContain('What remains, and why');
    expect(page.querySelector('#erasure-confirmation')).toBeNull();
  });
});
