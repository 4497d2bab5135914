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
import type { ConsentView, DoctorView, PatientConsent } from '@api';
import { licenceCommitmentOf } from '../doctors/licence-commitment';
import { UNTIL_REVOKED } from '@api/chain-values';
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

const view = (
  doctor: string,
  hasAccess: boolean,
  expiresAt: string | null,
  untilRevoked = false,
  suspended = false,
): ConsentView => ({
  patient: patient.address,
  doctor,
  hasAccess,
  expiresAt,
  untilRevoked,
  doctorStatus: suspended ? 'revoked' : 'verified',
  suspended,
});

/** An entry of GET /api/consent/:patient: a doctor the patient has (had) consent with, named as the API names them. */
const relationship = (doctor: DoctorView, consent: ConsentView): PatientConsent => ({
  doctor: doctor.address,
  ...(doctor.displayName && { displayName: doctor.displayName }),
  speciality: doctor.speciality,
  ...(doctor.specialityLabel && { specialityLabel: doctor.specialityLabel }),
  consent,
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
      await (
        await chain.registry.connect(doctor).registerDoctor(licenceCommitment(`GMC-${index}`, ZeroHash), 2, GAS)
      ).wait();
      await (await admin.verifyDoctor(doctor.address, GAS)).wait();
    }
    const patientSigner = await chain.provider.getSigner(patient.address);
    await (await chain.registry.connect(patientSigner).registerPatient(GAS)).wait();
    // Doctor 3 held the patient's until-revoked grant when an admin revoked them: the grant is suspended.
    const struckOff = await chain.provider.getSigner(devAccount(3).address);
    await (
      await chain.registry.connect(struckOff).registerDoctor(licenceCommitmentOf('GMC-3', ZeroHash), 2, GAS)
    ).wait();
    await (await admin.verifyDoctor(struckOff.address, GAS)).wait();
    await (await chain.consent.connect(patientSigner).grantAccess(struckOff.address, UNTIL_REVOKED, GAS)).wait();
    await (await admin.revokeDoctor(struckOff.address, 2, GAS)).wait();
  });
  afterAll(() => chain.stop());
  afterEach(() => stopAnnouncing());

  /**
   * Opens the screen; `doctors` answer the verified directory, `relationships` the patient's own consent
   * list (the only other list the screen asks for: lists of doctors not verified are for admins).
   */
  async function openFor(
    doctors: DoctorView[],
    relationships: PatientConsent[] = [],
  ): Promise<{ page: HTMLElement; wallet: TestWallet }> {
    const wallet = new TestWallet(patient, { chain });
    stopAnnouncing = wallet.announceOn(window);
    TestBed.configureTestingModule({
      imports: [DoctorAccess],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    const configLoaded = TestBed.inject(AppConfigStore).load();
    const addresses = { Consent: await chain.consent.getAddress() };
    http.expectOne('/api/config').flush(appConfigFor(await chain.registry.getAddress(), addresses));
    await configLoaded;
    await TestBed.inject(WalletConnection).connect();
    const fixture = TestBed.createComponent(DoctorAccess);
    fixture.componentRef.setInput('patient', patient.address);
    fixture.autoDetectChanges();
    const directory = await eventually(() => http.match((request) => request.url === '/api/doctors')[0]);
    expect(directory.request.params.get('status')).toBe('verified');
    directory.flush({ items: doctors, total: doctors.length });
    const consents = await eventually(
      () => http.match((request) => request.url === `/api/consent/${patient.address}`)[0],
    );
    expect(consents.request.params.get('limit')).toBe('100');
    consents.flush({ items: relationships, total: relationships.length });
    http.expectNone((request) => request.url === '/api/doctors');
    return { page: fixture.nativeElement as HTMLElement, wallet };
  }

  /** Answers the page's next consent read for `doctor` with `answer`, or with what the contract says (as the API does). */
  async function answerConsent(doctor: string, answer?: ConsentView): Promise<void> {
    const url = `/api/consent/${patient.address}/${doctor}`;
    const request = await eventually(() => http.match(url)[0]);
    request.flush(answer ?? (await consentOnChain(doctor)));
  }

  /** What the API reads from the contracts (consent-view.ts); the doctors here are verified or revoked. */
  async function consentOnChain(doctor: string): Promise<ConsentView> {
    const [hasAccess, expiry, verified, latest] = await Promise.all([
      chain.consent.hasAccess(patient.address, doctor),
      chain.consent.accessExpiry(patient.address, doctor),
      chain.registry.isVerifiedDoctor(doctor),
      chain.provider.getBlock('latest'),
    ]);
    const untilRevoked = expiry === UNTIL_REVOKED;
    const expiresAt = expiry === 0n || untilRevoked ? null : new Date(Number(expiry) * 1000).toISOString();
    const suspended = !verified && expiry > BigInt(latest!.timestamp);
    return {
      ...view(doctor, hasAccess, expiresAt, untilRevoked, suspended),
      doctorStatus: verified ? 'verified' : 'revoked',
    };
  }

  const rowOf = (page: HTMLElement, name: string) =>
    [...page.querySelectorAll('tbody tr')].find((row) => row.textContent?.includes(name)) as HTMLTableRowElement;
  const accessText = (page: HTMLElement, name: string) =>
    rowOf(page, name)?.querySelector('td.access')?.textContent?.trim();
  const buttonNamed = (page: HTMLElement, name: string) =>
    [...page.querySelectorAll('button')].find((button) => button.getAttribute('aria-label') === name);
  const buttonsIn = (page: HTMLElement, name: string) =>
    [...rowOf(page, name).querySelectorAll('button')].map((button) => button.getAttribute('aria-label'));

  function chooseDuration(page: HTMLElement, doctorName: string, durationLabel: string): void {
    const label = [...page.querySelectorAll('label')].find(
      (candidate) => candidate.textContent?.trim() === `Access duration for ${doctorName}`,
    )!;
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
  const ada = doctorRow(1, 'Dr. Ada Byron');
  const accessCases: [string, string, PatientConsent[], string[]][] = [
    ["never had the patient's consent", 'No access', [], grantOnly],
    ['had a grant the patient revoked', 'No access', [relationship(ada, view(ada.address, false, null))], grantOnly],
    ['access until revoked', 'Until revoked', [relationship(ada, view(ada.address, true, null, true))], grantAndRevoke],
    [
      'access with an expiry',
      'Until 27 Nov 2026 14:05',
      [relationship(ada, view(ada.address, true, localExpiry))],
      grantAndRevoke,
    ],
  ];

  it.each(accessCases)(
    'When the doctor %s, then the access cell reads "%s" and revoking is offered only with access',
    async (_, text, relationships, buttons) => {
      const { page } = await openFor([ada], relationships);

      await eventually(() => accessText(page, 'Dr. Ada Byron') === text);
      expect(buttonsIn(page, 'Dr. Ada Byron')).toEqual(buttons);
      expect(rowOf(page, 'Dr. Ada Byron').textContent).toContain('Heart surgery');
    },
  );

  it("When a revoked doctor still holds the patient's grant, then the row (from the patient's consent list) says it is suspended, and revoking it ends it on chain", async () => {
    const struckOff = { ...doctorRow(3, 'Dr. Struck Off'), status: 'revoked' as const };
    const longGone = { ...doctorRow(2, 'Dr. Long Gone'), status: 'revoked' as const };
    const { page, wallet } = await openFor(
      [ada],
      [
        relationship(struckOff, await consentOnChain(struckOff.address)),
        relationship(longGone, { ...view(longGone.address, false, null), doctorStatus: 'revoked' }),
      ],
    );

    await eventually(() => accessText(page, 'Dr. Struck Off')?.startsWith('Suspended'));
    expect(accessText(page, 'Dr. Struck Off')).toBe(
      'Suspended: the doctor is not verified. Your grant (until revoked) applies again if they are verified again; revoke it to end it for good.',
    );
    expect(buttonsIn(page, 'Dr. Struck Off')).toEqual(['Revoke access to Dr. Struck Off']);
    expect(rowOf(page, 'Dr. Struck Off').textContent).toContain('Heart surgery');
    expect(rowOf(page, 'Dr. Long Gone')).toBeUndefined();
    expect(accessText(page, 'Dr. Ada Byron')).toBe('No access');

    buttonNamed(page, 'Revoke access to Dr. Struck Off')!.click();

    await answerConsent(struckOff.address); // the live re-read once mined
    expect(sentCall(wallet).call.name).toBe('revokeAccess');
    expect(await chain.consent.accessExpiry(patient.address, struckOff.address)).toBe(0n);
    await eventually(() => rowOf(page, 'Dr. Struck Off') === undefined);
  });

  it('When the patient grants 7 days, then grantAccess is mined for that doctor with an expiry a week away and the row re-reads it', async () => {
    const doctor = devAccount(1).address;
    const { page, wallet } = await openFor([ada]);
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
    await eventually(
      () =>
        accessText(page, 'Dr. Ada Byron')?.startsWith('Until ') && buttonNamed(page, 'Revoke access to Dr. Ada Byron'),
    );
    expect(accessText(page, 'Dr. Ada Byron')).not.toBe('Until revoked');
  });

  it("When the patient revokes a doctor's access, then revokeAccess is mined and the row shows no access and no revoke button", async () => {
    const doctor = devAccount(2).address;
    const patientSigner = await chain.provider.getSigner(patient.address);
    await (await chain.consent.connect(patientSigner).grantAccess(doctor, UNTIL_REVOKED, GAS)).wait();
    const grace = doctorRow(2, 'Dr. Grace Hopper');
    const { page, wallet } = await openFor([grace], [relationship(grace, await consentOnChain(doctor))]);
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

  it('When the doctor is not verified on chain (the directory was stale), then the contract error is explained and nothing is sent', async () => {
    const unverified = devAccount(3).address;
    const { page, wallet } = await openFor([doctorRow(3, 'Dr. Not Yet')]);
    const grant = await eventually(() => buttonNamed(page, 'Grant access to Dr. Not Yet'));

    grant.click();

    const runner = TestBed.inject(TransactionRunner);
    await eventually(() => runner.status().phase === 'failed');
    expect(runner.status().message).toBe(`Doctor ${unverified} is not verified, so cannot be given access.`);
    expect(wallet.methods()).not.toContain('eth_sendTransaction');
  });
});
