import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Registry__factory } from '@contracts/types';
import { devAccount } from '@test-support/dev-chain';
import { appConfigFor } from '../../testing/app-config.fixture';
import { eventually } from '../../testing/eventually';
import { clickButton, fillFields } from '../../testing/form-filling';
import { startTestChain, type TestChain } from '../../testing/test-chain';
import { TestWallet } from '../../testing/test-wallet';
import { AppConfigStore } from '../chain/app-config';
import { TransactionStatus } from '../chain/transaction-status';
import { WalletConnection } from '../chain/wallet-connection';
import { PatientRegistration } from './patient-registration';

/** A complete profile as a person types it (labels → values). */
export const TYPED_PROFILE = {
  'First name': ' Ada ',
  'Last name': 'Byron',
  'Date of birth': '1990-12-10',
  Sex: 'female',
  Email: 'ada@example.org',
  Mobile: '+447700900123',
  City: 'London',
  State: 'Greater London',
  'Contact name': 'Mary Somerville',
  'Contact phone': '+447700900456',
  Allergies: 'Penicillin\n\n  Peanuts ',
  'Chronic conditions': '',
};

describe('PatientRegistration (on an in-process chain)', () => {
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
      imports: [PatientRegistration, TransactionStatus],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    const configLoaded = TestBed.inject(AppConfigStore).load();
    http.expectOne('/api/config').flush(appConfigFor(await chain.registry.getAddress()));
    await configLoaded;
    await TestBed.inject(WalletConnection).connect();
    const form = TestBed.createComponent(PatientRegistration);
    form.autoDetectChanges();
    await form.whenStable();
    const page = form.nativeElement as HTMLElement;
    document.body.append(page); // only a connected form submits when its button is clicked
    return { wallet, http, page };
  }

  it('When a person registers with a complete profile, then registerPatient is mined first and the profile is saved after it', async () => {
    const { wallet, http, page } = await renderFor(4);

    fillFields(page, TYPED_PROFILE);
    clickButton(page, 'Register as patient');

    const saved = await eventually(() => http.match({ method: 'PUT', url: '/api/patients/me' })[0]);
    // The profile request comes only after the registration is on chain (the API refuses it before).
    expect(await chain.registry.isPatient(wallet.address)).toBe(true);
    const sent = wallet.requests.find((request) => request.method === 'eth_sendTransaction')!;
    const call = Registry__factory.createInterface().parseTransaction({
      data: (sent.params[0] as { data: string }).data,
    });
    expect(call?.name).toBe('registerPatient');
    expect(saved.request.body).toEqual({
      firstName: 'Ada',
      lastName: 'Byron',
      dateOfBirth: '1990-12-10',
      sex: 'female',
      email: 'ada@example.org',
      mobile: '+447700900123',
      city: 'London',
      state: 'Greater London',
      emergencyContact: { name: 'Mary Somerville', phone: '+447700900456' },
      allergies: ['Penicillin', 'Peanuts'],
      chronicConditions: [],
      currentMedications: [],
    });
    saved.flush({ address: wallet.address, profile: null, health: null });
  });

  it('When the mobile is not in E.164 form or the birth date is in the future, then the form says so and nothing goes to the chain', async () => {
    const { wallet, http, page } = await renderFor(5);

    fillFields(page, { ...TYPED_PROFILE, Mobile: '07700 900123', 'Date of birth': '2999-01-01' });
    clickButton(page, 'Register as patient');

    await eventually(() => page.textContent?.includes('Enter the number with + and the country code'));
    expect(page.textContent).toContain('Enter a date of birth that is not in the future.');
    expect(wallet.methods()).not.toContain('eth_sendTransaction');
    expect(await chain.registry.isPatient(wallet.address)).toBe(false);
    http.expectNone({ method: 'PUT', url: '/api/patients/me' });
  });

  it('When the profile cannot be saved after the registration is mined, then the patient is told they are registered and where to save it again', async () => {
    const { wallet, http, page } = await renderFor(6);

    fillFields(page, TYPED_PROFILE);
    clickButton(page, 'Register as patient');
    const saved = await eventually(() => http.match({ method: 'PUT', url: '/api/patients/me' })[0]);
    saved.flush(
      { error: { code: 'INTERNAL', message: 'database unavailable' } },
      { status: 503, statusText: 'Service Unavailable' },
    );

    const alert = await eventually(() => page.querySelector('[role="alert"]')?.textContent);
    expect(alert).toContain('You are registered, but your profile was not saved: database unavailable');
    expect(alert).toContain('My profile');
    expect(await chain.registry.isPatient(wallet.address)).toBe(true);
  });
});
