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

  /** The paper's form as a doctor fills it in (by the labels a person reads). */
  const PROFILE = {
    'First name': 'Ada',
    'Last name': 'Byron',
    'Date of joining': '2020-09-01',
    Email: 'ada.byron@example.org',
    Mobile: '+447700900123',
    City: 'London',
    State: 'Greater London',
    'Short bio (optional)': 'Cardiologist.',
  };

  function inputByLabel<T extends HTMLElement>(page: HTMLElement, text: string): T {
    const label = [...page.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === text)!;
    return page.querySelector<T>(`#${label.htmlFor}`)!;
  }

  function type(page: HTMLElement, label: string, value: string): void {
    const input = inputByLabel<HTMLInputElement>(page, label);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  function fill(
    page: HTMLElement,
    licence: string,
    specialityLabel: string,
    profile: Partial<Record<keyof typeof PROFILE, string>> = {},
  ): void {
    type(page, 'Licence number', licence);
    const select = inputByLabel<HTMLSelectElement>(page, 'Speciality');
    select.selectedIndex = [...select.options].findIndex((option) => option.text.trim() === specialityLabel);
    select.dispatchEvent(new Event('change'));
    for (const [label, value] of Object.entries({ ...PROFILE, ...profile })) type(page, label, value);
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

  it('When a doctor registers with every field of the form, then the licence and a fresh salt are stored, the salted hash and speciality go to registerDoctor, and the profile to the profile API', async () => {
    const { wallet, http, page, statusText } = await renderFor(1);

    fill(page, '  GMC-7654321 ', 'Cardiology', { City: '  London ' });
    expect(page.textContent).toContain(wallet.address); // the account id: shown, never typed
    submit(page);

    const stored = await storeLicence(http);
    expect(stored).toEqual({ licenceNumber: 'GMC-7654321', salt: expect.stringMatching(/^0x[0-9a-f]{64}$/) });
    const profile = await eventually(() => http.match({ method: 'PUT', url: '/api/doctors/me/profile' })[0]);
    expect(profile.request.body).toEqual({
      firstName: 'Ada',
      lastName: 'Byron',
      dateOfJoining: '2020-09-01',
      email: 'ada.byron@example.org',
      mobile: '+447700900123',
      city: 'London',
      state: 'Greater London',
      bio: 'Cardiologist.',
    });
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

    fill(page, 'GMC-1111111', 'Neurology');
    submit(page);
    await storeLicence(http);

    expect(await eventually(() => statusText() === 'This account is already registered.' && statusText())).toBeTruthy();
    expect(wallet.methods()).not.toContain('eth_sendTransaction');
    http.expectNone({ method: 'PUT', url: '/api/doctors/me/profile' });
  });

  it('When the licence cannot be stored, then the doctor is told and nothing is sent to the chain (its hash would be uncheckable)', async () => {
    const { wallet, http, page } = await renderFor(3);

    fill(page, 'GMC-3333333', 'Oncology');
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

  it.each([
    ['a first name left blank', { 'First name': '   ' }, 'Enter the first name.'],
    ['an email without a domain', { Email: 'ada@' }, 'Enter an email address such as name@example.org.'],
    ['a mobile number without its country code', { Mobile: '07700 900123' }, 'Enter the number with its country code'],
    [
      'a date of joining in the future',
      { 'Date of joining': '2999-01-01' },
      'The date of joining cannot be in the future.',
    ],
    ['no city', { City: '' }, 'Enter the city.'],
  ])(
    'When the form has %s, then it says what is wrong and nothing is stored or sent',
    async (_case, profile, message) => {
      const { wallet, http, page } = await renderFor(3);

      fill(page, 'GMC-2222222', 'Oncology', profile);
      submit(page);

      await eventually(() => page.textContent?.includes(message));
      http.expectNone({ method: 'PUT', url: '/api/doctors/me/licence' });
      expect(wallet.methods()).not.toContain('eth_call');
    },
  );
});
