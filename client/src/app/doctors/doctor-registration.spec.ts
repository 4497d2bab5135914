import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Registry__factory } from '@contracts/types';
import { devAccount } from '@test-support/dev-chain';
import { licenceCommitment, licenceHash } from '@test-support/licences';
import { appConfigFor } from '../../testing/app-config.fixture';
import { eventually } from '../../testing/eventually';
import { startTestChain, type TestChain } from '../../testing/test-chain';
import { TestWallet } from '../../testing/test-wallet';
import { AppConfigStore } from '../chain/app-config';
import { TransactionStatus } from '../chain/transaction-status';
import { WalletConnection } from '../chain/wallet-connection';
import { DoctorRegistration } from './doctor-registration';

describe('DoctorRegistration (on an in-process chain)', () => {
  let chain: TestChain;
  let stopAnnouncing: () => void;

  beforeAll(async () => {
    chain = await startTestChain();
  });
  afterAll(() => chain.stop());
  afterEach(() => {
    stopAnnouncing();
    document.body.replaceChildren();
  });

  async function renderFor(accountIndex: number) {
    const wallet = new TestWallet(devAccount(accountIndex), { chain });
    stopAnnouncing = wallet.announceOn(window);
    TestBed.configureTestingModule({
      imports: [DoctorRegistration, TransactionStatus],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    const configLoaded = TestBed.inject(AppConfigStore).load();
    http.expectOne('/api/config').flush(appConfigFor(await chain.registry.getAddress()));
    await configLoaded;
    await TestBed.inject(WalletConnection).connect();
    const form = TestBed.createComponent(DoctorRegistration);
    const status = TestBed.createComponent(TransactionStatus);
    form.autoDetectChanges();
    status.autoDetectChanges();
    await form.whenStable();
    const page = form.nativeElement as HTMLElement;
    // Attached to the document, as in a browser: only a connected form submits when its button is clicked.
    document.body.append(page);
    const statusText = () =>
      (status.nativeElement as HTMLElement).querySelector('[role="status"]')?.textContent?.trim();
    return { wallet, http, page, statusText };
  }

  function fill(page: HTMLElement, licence: string, specialityLabel: string, displayName: string): void {
    const byLabel = <T extends HTMLElement>(text: string) => {
      const label = [...page.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === text)!;
      return page.querySelector<T>(`#${label.htmlFor}`)!;
    };
    const licenceInput = byLabel<HTMLInputElement>('Licence number');
    licenceInput.value = licence;
    licenceInput.dispatchEvent(new Event('input'));
    const select = byLabel<HTMLSelectElement>('Speciality');
    select.selectedIndex = [...select.options].findIndex((option) => option.text.trim() === specialityLabel);
    select.dispatchEvent(new Event('change'));
    const nameInput = byLabel<HTMLInputElement>('Display name');
    nameInput.value = displayName;
    nameInput.dispatchEvent(new Event('input'));
  }

  function submit(page: HTMLElement): void {
    [...page.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Register as doctor')!.click();
  }

  /** The licence is stored (with its salt) before anything goes to the chain: answer that request. */
  async function storeLicence(http: HttpTestingController): Promise<{ licenceNumber: string; salt: string }> {
    const stored = await eventually(() => http.match({ method: 'PUT', url: '/api/doctors/me/licence' })[0]);
    stored.flush(null, { status: 204, statusText: 'No Content' });
    return stored.request.body;
  }

  it('When a doctor registers, then the licence and a fresh salt are stored, the salted hash and speciality go to registerDoctor, and the name to the profile API', async () => {
    const { wallet, http, page, statusText } = await renderFor(1);

    fill(page, '  GMC-7654321 ', 'Cardiology', 'Dr. Ada Byron');
    submit(page);

    const stored = await storeLicence(http);
    expect(stored).toEqual({ licenceNumber: 'GMC-7654321', salt: expect.stringMatching(/^0x[0-9a-f]{64}$/) });
    const profile = await eventually(() => http.match({ method: 'PUT', url: '/api/doctors/me/profile' })[0]);
    expect(profile.request.body).toEqual({ displayName: 'Dr. Ada Byron' });
    await eventually(() => statusText() === 'Confirmed'); // the status region re-renders on its own schedule
    const sent = wallet.requests.find((request) => request.method === 'eth_sendTransaction')!;
    const tx = sent.params[0] as { to: string; data: string; gas: string };
    const call = Registry__factory.createInterface().parseTransaction({ data: tx.data })!;
    expect(call.name).toBe('registerDoctor');
    // The chain holds keccak256(abi.encode(licence, salt)): not the plain hash, which trying every number reverses.
    const salted = licenceCommitment('GMC-7654321', stored.salt);
    expect(call.args.toArray()).toEqual([salted, 2n]);
    expect((await chain.registry.getDoctor(wallet.address)).licenceHash).toBe(salted);
    expect(salted).not.toBe(licenceHash('GMC-7654321'));
    expect(tx.to.toLowerCase()).toBe((await chain.registry.getAddress()).toLowerCase());
    expect(BigInt(tx.gas)).toBe(500_000n);
    expect(await chain.registry.doctorStatus(wallet.address)).toBe(1n); // Pending
    profile.flush({ address: wallet.address, status: 'pending', displayName: 'Dr. Ada Byron' });
  });

  it('When the account is already registered, then the contract error is explained and nothing is sent', async () => {
    const { wallet, http, page, statusText } = await renderFor(2);
    await (
      await chain.registry
        .connect(await chain.provider.getSigner(wallet.address))
        .registerPatient({ gasLimit: 200_000 })
    ).wait();

    fill(page, 'GMC-1111111', 'Neurology', 'Dr. Late');
    submit(page);
    await storeLicence(http);

    expect(await eventually(() => statusText() === 'This account is already registered.' && statusText())).toBeTruthy();
    expect(wallet.methods()).not.toContain('eth_sendTransaction');
    http.expectNone({ method: 'PUT', url: '/api/doctors/me/profile' });
  });

  it('When the licence cannot be stored, then the doctor is told and nothing is sent to the chain (its hash would be uncheckable)', async () => {
    const { wallet, http, page } = await renderFor(3);

    fill(page, 'GMC-3333333', 'Oncology', 'Dr. Offline');
    submit(page);
    const stored = await eventually(() => http.match({ method: 'PUT', url: '/api/doctors/me/licence' })[0]);
    stored.flush(
      { error: { code: 'INTERNAL', message: 'database unavailable' } },
      { status: 503, statusText: 'Service Unavailable' },
    );

    const alert = await eventually(() => page.querySelector('[role="alert"]')?.textContent);
    expect(alert).toContain('Your licence could not be stored, so nothing was sent to the chain');
    expect(wallet.methods()).not.toContain('eth_sendTransaction');
    expect(await chain.registry.doctorStatus(wallet.address)).toBe(0n); // None
  });

  it('When a field is left empty, then the form shows what is missing and no transaction starts', async () => {
    const { wallet, page } = await renderFor(3);

    fill(page, 'GMC-2222222', 'Oncology', '   ');
    submit(page);

    await eventually(() => page.textContent?.includes('Enter the name patients will see.'));
    expect(wallet.methods()).not.toContain('eth_call');
  });
});
