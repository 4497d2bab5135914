import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ZeroHash } from 'ethers';
import { Consent__factory } from '@contracts/types';
import { devAccount } from '@test-support/dev-chain';
import { licenceCommitment } from '@test-support/licences';
import { appConfigFor } from '../../testing/app-config.fixture';
import { eventually } from '../../testing/eventually';
import { startTestChain, type TestChain } from '../../testing/test-chain';
import { TestWallet } from '../../testing/test-wallet';
import { AppConfigStore } from '../chain/app-config';
import { TransactionRunner } from '../chain/transaction-runner';
import { WalletConnection } from '../chain/wallet-connection';
import type { DoctorView } from '../doctors/doctor';
import { UNTIL_REVOKED, type ConsentView } from './consent';
import { DoctorAccess } from './doctor-access';

const patient = devAccount(4);
const DAY = 24 * 60 * 60;
const GAS = { gasLimit: 300_000 };

const doctorRow = (index: number, displayName: string): DoctorView => ({
  address: devAccount(index).address,
  status: 'verified',
  licenceHash: licenceCommitment(`GMC-${index}`, ZeroHash),
  speciality: 2,
  specialityLabel: 'Heart surgery',
  displayName,
  registeredAt: '2026-01-05T10:00:00.000Z',
  updatedAt: '2026-01-05T10:00:00.000Z',
});

const view = (doctor: string, hasAccess: boolean, expiresAt: string | null, untilRevoked = false, suspended = false): ConsentView => ({
  patient: patient.address,
  doctor,
  hasAccess,
  expiresAt,
  untilRevoked,
  doctorStatus: suspended ? 'revoked' : 'verified',
  suspended,
});

describe('DoctorAccess (on an in-process chain)', () => {
  let chain: TestChain;
  let http: HttpTestingController;
  let stopAnnouncing: () => void;

  beforeAll(async () => {
    chain = await startTestChain();
    const admin = chain.registry.connect(await chain.provider.getSigner(devAccount(0).address));
    for (const index of [1, 2]) {
      const doctor = await chain.provider.getSigner(devAccount(index).address);
      await (await chain.registry.connect(doctor).registerDoctor(licenceCommitment(`GMC-${index}`, ZeroHash), 2, GAS)).wait();
      await (await admin.verifyDoctor(doctor.address, GAS)).wait();
    }
    await (await chain.registry.connect(await chain.provider.getSigner(patient.address)).registerPatient(GAS)).wait();
  });
  afterAll(() => chain.stop());
  afterEach(() => stopAnnouncing());

  /** Opens the screen; `doctors` answer the verified list, `revoked` the revoked one. */
  async function openFor(doctors: DoctorView[], revoked: DoctorView[] = []): Promise<{ page: HTMLElement; wallet: TestWallet }> {
    const wallet = new TestWallet(patient, { chain });
    stopAnnouncing = wallet.announceOn(window);
    TestBed.configureTestingModule({ imports: [DoctorAccess], providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    const configLoaded = TestBed.inject(AppConfigStore).load();
    const addresses = { Consent: await chain.consent.getAddress() };
    http.expectOne('/api/config').flush(appConfigFor(await chain.registry.getAddress(), addresses));
    await configLoaded;
    await TestBed.inject(WalletConnection).connect();
    const fixture = TestBed.createComponent(DoctorAccess);
    fixture.componentRef.setInput('patient', patient.address);
    fixture.autoDetectChanges();
    const lists = await eventually(() => {
      const requests = http.match((request) => request.url === '/api/doctors');
      return requests.length === 2 && requests;
    });
    expect(lists.map((list) => list.request.params.get('status'))).toEqual(['verified', 'revoked']);
    lists[0].flush({ items: doctors, total: doctors.length });
    lists[1].flush({ items: revoked, total: revoked.length });
    return { page: fixture.nativeElement as HTMLElement, wallet };
  }

  /** Answers the page's next consent read for `doctor` with `answer`, or with what the contract says (as the API does). */
  async function answerConsent(doctor: string, answer?: ConsentView): Promise<void> {
    const url = `/api/consent/${patient.address}/${doctor}`;
    const request = await eventually(() => http.match(url)[0]);
    request.flush(answer ?? (await consentOnChain(doctor)));
  }

  async function consentOnChain(doctor: string): Promise<ConsentView> {
    const [hasAccess, expiry] = await Promise.all([chain.consent.hasAccess(patient.address, doctor), chain.consent.accessExpiry(patient.address, doctor)]);
    const untilRevoked = expiry === UNTIL_REVOKED;
    const expiresAt = expiry === 0n || untilRevoked ? null : new Date(Number(expiry) * 1000).toISOString();
    return view(doctor, hasAccess, expiresAt, untilRevoked);
  }

  const rowOf = (page: HTMLElement, name: string) =>
    [...page.querySelectorAll('tbody tr')].find((row) => row.textContent?.includes(name)) as HTMLTableRowElement;
  const accessText = (page: HTMLElement, name: string) => rowOf(page, name)?.querySelector('td.access')?.textContent?.trim();
  const buttonNamed = (page: HTMLElement, name: string) =>
    [...page.querySelectorAll('button')].find((button) => button.getAttribute('aria-label') === name);
  const buttonsIn = (page: HTMLElement, name: string) =>
    [...rowOf(page, name).querySelectorAll('button')].map((button) => button.getAttribute('aria-label'));

  function chooseDuration(page: HTMLElement, doctorName: string, durationLabel: string): void {
    const label = [...page.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === `Access duration for ${doctorName}`)!;
    const select = page.querySelector<HTMLSelectElement>(`[id="${label.htmlFor}"]`)!;
    select.selectedIndex = [...select.options].findIndex((option) => option.text.trim() === durationLabel);
    select.dispatchEvent(new Event('change'));
  }

  function sentCall(wallet: TestWallet) {
    const sent = wallet.requests.find((request) => request.method === 'eth_sendTransaction')!;
    const tx = sent.params[0] as { to: string; data: string; gas: string };
    return { tx, call: Consent__factory.createInterface().parseTransaction({ data: tx.data })! };
  }

  const grantOnly = ['Grant access to Dr. Ada Byron'];
  const grantAndRevoke = ['Grant access to Dr. Ada Byron', 'Revoke access to Dr. Ada Byron'];
  // The expiry is built from local time, so the expected text holds in any time zone.
  const localExpiry = new Date(2026, 10, 27, 14, 5).toISOString();
  const accessCases: [string, string, ConsentView, string[]][] = [
    ['no access', 'No access', view(devAccount(1).address, false, null), grantOnly],
    ['access until revoked', 'Until revoked', view(devAccount(1).address, true, null, true), grantAndRevoke],
    ['access with an expiry', 'Until 27 Nov 2026 14:05', view(devAccount(1).address, true, localExpiry), grantAndRevoke],
  ];

  it.each(accessCases)('When the doctor has %s, then the access cell reads "%s" and revoking is offered only with access', async (_, text, consent, buttons) => {
    const { page } = await openFor([doctorRow(1, 'Dr. Ada Byron')]);
    await answerConsent(devAccount(1).address, consent);

    await eventually(() => accessText(page, 'Dr. Ada Byron') === text);
    expect(buttonsIn(page, 'Dr. Ada Byron')).toEqual(buttons);
    expect(rowOf(page, 'Dr. Ada Byron').textContent).toContain('Heart surgery');
  });

  it('When a revoked doctor still holds the patient\'s grant, then the row says it is suspended and offers only revoking it', async () => {
    const revokedDoctor = { ...doctorRow(3, 'Dr. Struck Off'), status: 'revoked' as const };
    const formerDoctor = { ...doctorRow(2, 'Dr. Long Gone'), status: 'revoked' as const };
    const { page } = await openFor([doctorRow(1, 'Dr. Ada Byron')], [revokedDoctor, formerDoctor]);
    await answerConsent(devAccount(1).address, view(devAccount(1).address, false, null));
    await answerConsent(revokedDoctor.address, view(revokedDoctor.address, false, null, true, true));
    await answerConsent(formerDoctor.address, { ...view(formerDoctor.address, false, null), doctorStatus: 'revoked' });

    await eventually(() => accessText(page, 'Dr. Struck Off')?.startsWith('Suspended'));
    expect(accessText(page, 'Dr. Struck Off')).toBe(
      'Suspended: the doctor is not verified. Your grant (until revoked) applies again if they are verified again; revoke it to end it for good.',
    );
    expect(buttonsIn(page, 'Dr. Struck Off')).toEqual(['Revoke access to Dr. Struck Off']);
    expect(rowOf(page, 'Dr. Long Gone')).toBeUndefined();
  });

  it('When the patient grants 7 days, then grantAccess is mined for that doctor with an expiry a week away and the row re-reads it', async () => {
    const doctor = devAccount(1).address;
    const { page, wallet } = await openFor([doctorRow(1, 'Dr. Ada Byron')]);
    await answerConsent(doctor);
    await eventually(() => accessText(page, 'Dr. Ada Byron') === 'No access');
    const before = Math.floor(Date.now() / 1000);

    chooseDuration(page, 'Dr. Ada Byron', '7 days');
    buttonNamed(page, 'Grant access to Dr. Ada Byron')!.click();

    await answerConsent(doctor); // the re-read once mined
    const after = Math.floor(Date.now() / 1000);
    const { tx, call } = sentCall(wallet);
    expect(call.name).toBe('grantAccess');
    expect(call.args[0]).toBe(doctor);
    const expiresAt = Number(call.args[1]);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 7 * DAY);
    expect(expiresAt).toBeLessThanOrEqual(after + 7 * DAY);
    expect(tx.to.toLowerCase()).toBe((await chain.consent.getAddress()).toLowerCase());
    expect(BigInt(tx.gas)).toBe(500_000n);
    expect(await chain.consent.hasAccess(patient.address, doctor)).toBe(true);
    await eventually(() => accessText(page, 'Dr. Ada Byron')?.startsWith('Until ') && buttonNamed(page, 'Revoke access to Dr. Ada Byron'));
    expect(accessText(page, 'Dr. Ada Byron')).not.toBe('Until revoked');
  });

  it('When the patient revokes a doctor\'s access, then revokeAccess is mined and the row shows no access and no revoke button', async () => {
    const doctor = devAccount(2).address;
    const patientSigner = await chain.provider.getSigner(patient.address);
    await (await chain.consent.connect(patientSigner).grantAccess(doctor, UNTIL_REVOKED, GAS)).wait();
    const { page, wallet } = await openFor([doctorRow(2, 'Dr. Grace Hopper')]);
    await answerConsent(doctor);
    const revoke = await eventually(() => buttonNamed(page, 'Revoke access to Dr. Grace Hopper'));
    expect(accessText(page, 'Dr. Grace Hopper')).toBe('Until revoked');

    revoke.click();

    await answerConsent(doctor);
    const { call } = sentCall(wallet);
    expect(call.name).toBe('revokeAccess');
    expect(call.args.toArray()).toEqual([doctor]);
    expect(await chain.consent.hasAccess(patient.address, doctor)).toBe(false);
    await eventually(() => accessText(page, 'Dr. Grace Hopper') === 'No access');
    expect(buttonNamed(page, 'Revoke access to Dr. Grace Hopper')).toBeUndefined();
  });

  it('When the doctor is not verified on chain, then the contract error is explained and nothing is sent', async () => {
    const unverified = devAccount(3).address;
    const { page, wallet } = await openFor([doctorRow(3, 'Dr. Not Yet')]);
    await answerConsent(unverified, view(unverified, false, null));
    const grant = await eventually(() => buttonNamed(page, 'Grant access to Dr. Not Yet'));

    grant.click();

    const runner = TestBed.inject(TransactionRunner);
    await eventually(() => runner.status().phase === 'failed');
    expect(runner.status().message).toBe(`Doctor ${unverified} is not verified, so cannot be given access.`);
    expect(wallet.methods()).not.toContain('eth_sendTransaction');
  });
});
