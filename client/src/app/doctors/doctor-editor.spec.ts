import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Registry__factory } from '@contracts/types';
import { devAccount } from '@test-support/dev-chain';
import { licenceCommitment } from '@test-support/licences';
import type { DoctorView } from '@api';
import { appConfigFor } from '../../testing/app-config.fixture';
import { eventually } from '../../testing/eventually';
import { startTestChain, type TestChain } from '../../testing/test-chain';
import { TestWallet } from '../../testing/test-wallet';
import { AppConfigStore } from '../chain/app-config';
import { TransactionStatus } from '../chain/transaction-status';
import { WalletConnection } from '../chain/wallet-connection';
import { DoctorEditor } from './doctor-editor';

const admin = devAccount(0);
const PROFILE = {
  'First name': 'Ines',
  'Last name': 'Added',
  'Date of joining': '2018-04-03',
  Email: 'ines.added@example.org',
  Mobile: '+14155550123',
  City: 'Leeds',
  State: 'West Yorkshire',
};

describe('DoctorEditor: the admin’s Add Doctor and Edit Doctor (on an in-process chain)', () => {
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

  async function render(address?: string) {
    const wallet = new TestWallet(admin, { chain });
    stopAnnouncing = wallet.announceOn(window);
    TestBed.configureTestingModule({
      imports: [DoctorEditor, TransactionStatus],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: 'doctors', children: [] }])],
    });
    const http = TestBed.inject(HttpTestingController);
    const configLoaded = TestBed.inject(AppConfigStore).load();
    http.expectOne('/api/config').flush(appConfigFor(await chain.registry.getAddress()));
    await configLoaded;
    await TestBed.inject(WalletConnection).connect();
    const fixture = TestBed.createComponent(DoctorEditor);
    if (address) fixture.componentRef.setInput('address', address);
    const status = TestBed.createComponent(TransactionStatus);
    status.autoDetectChanges();
    const statusText = () =>
      (status.nativeElement as HTMLElement).querySelector('[role="status"]')?.textContent?.trim();
    fixture.autoDetectChanges();
    const page = fixture.nativeElement as HTMLElement;
    document.body.append(page);
    return { wallet, http, page, statusText };
  }

  const control = <T extends HTMLElement>(page: HTMLElement, label: string): T => {
    const found = [...page.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === label)!;
    return page.querySelector<T>(`#${found.htmlFor}`)!;
  };
  function type(page: HTMLElement, label: string, value: string): void {
    const input = control<HTMLInputElement>(page, label);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }
  const clickButton = (page: HTMLElement, text: string) =>
    [...page.querySelectorAll('button')].find((button) => button.textContent?.trim() === text)!.click();

  it('When an admin adds a doctor, then licence and profile are stored for that address first, then registerDoctorFor leaves the admin’s wallet and the doctor is pending', async () => {
    const doctor = devAccount(5).address;
    const { wallet, http, page, statusText } = await render();

    type(page, 'Doctor account id', doctor.toLowerCase());
    type(page, 'Licence number', 'GMC-5550001');
    const speciality = control<HTMLSelectElement>(page, 'Speciality');
    speciality.selectedIndex = [...speciality.options].findIndex((option) => option.text.trim() === 'Radiology');
    speciality.dispatchEvent(new Event('change'));
    for (const [label, value] of Object.entries(PROFILE)) type(page, label, value);
    clickButton(page, 'Add doctor');

    const licence = await eventually(
      () => http.match({ method: 'PUT', url: `/api/doctors/${doctor.toLowerCase()}/licence` })[0],
    );
    expect(licence.request.body).toEqual({
      licenceNumber: 'GMC-5550001',
      salt: expect.stringMatching(/^0x[0-9a-f]{64}$/),
    });
    expect(wallet.methods()).not.toContain('eth_sendTransaction'); // nothing on chain before the details are stored
    licence.flush(null, { status: 204, statusText: 'No Content' });
    const profile = await eventually(
      () => http.match({ method: 'PUT', url: `/api/doctors/${doctor.toLowerCase()}/profile` })[0],
    );
    expect(profile.request.body).toEqual({
      firstName: 'Ines',
      lastName: 'Added',
      dateOfJoining: '2018-04-03',
      email: 'ines.added@example.org',
      mobile: '+14155550123',
      city: 'Leeds',
      state: 'West Yorkshire',
    });
    profile.flush({ address: doctor, profile: {}, changedFields: [] });

    await eventually(() => statusText() === 'Confirmed');
    expect(await chain.registry.doctorStatus(doctor)).toBe(1n); // Pending
    const sent = wallet.requests.find((request) => request.method === 'eth_sendTransaction')!;
    const tx = sent.params[0] as { data: string; from: string };
    expect(tx.from.toLowerCase()).toBe(admin.address.toLowerCase());
    const call = Registry__factory.createInterface().parseTransaction({ data: tx.data })!;
    expect(call.name).toBe('registerDoctorFor');
    // It waits for the API to list the new doctor, then goes back to View Doctors, where the doctor shows pending.
    const listed = await eventually(
      () => http.match({ method: 'GET', url: `/api/doctors/${doctor.toLowerCase()}` })[0],
    );
    listed.flush({ address: doctor, status: 'pending' });
    await eventually(() => TestBed.inject(Router).url === '/doctors');
    expect(call.args.toArray()).toEqual([doctor, licenceCommitment('GMC-5550001', licence.request.body.salt), 5n]);
  });

  it('When the address is not an Ethereum address, then the form says so and nothing is stored', async () => {
    const { http, page } = await render();
    type(page, 'Doctor account id', '0x1234');
    control<HTMLInputElement>(page, 'Doctor account id').dispatchEvent(new Event('blur'));
    clickButton(page, 'Add doctor');

    await eventually(() => page.textContent?.includes("Enter the doctor's wallet address"));
    http.expectNone((request) => request.method === 'PUT');
  });

  it('When an admin edits one field of a doctor, then the form starts from the stored profile, sends every field with the change, and says what changed', async () => {
    const doctor: DoctorView = {
      address: devAccount(6).address,
      status: 'verified',
      licenceHash: licenceCommitment('GMC-6', `0x${'00'.repeat(32)}`),
      speciality: 2,
      registeredAt: '2026-01-05T10:00:00.000Z',
      updatedAt: '2026-01-05T10:00:00.000Z',
      displayName: 'Dr. Olu Own',
      firstName: 'Olu',
      lastName: 'Own',
      dateOfJoining: '2017-02-01',
      email: 'olu@example.org',
      mobile: '+447700900555',
      city: 'York',
      state: 'North Yorkshire',
      bio: 'Heart doctor.',
    };
    const { http, page } = await render(doctor.address);
    http.expectOne(`/api/doctors/${doctor.address}`).flush(doctor);
    await eventually(() => control<HTMLInputElement>(page, 'City').value === 'York');
    expect(page.textContent).toContain('Cardiology'); // the chain's speciality, shown, not editable

    type(page, 'City', 'Harrogate');
    clickButton(page, 'Save changes');

    const save = await eventually(
      () => http.match({ method: 'PUT', url: `/api/doctors/${doctor.address}/profile` })[0],
    );
    expect(save.request.body).toEqual({
      firstName: 'Olu',
      lastName: 'Own',
      dateOfJoining: '2017-02-01',
      email: 'olu@example.org',
      mobile: '+447700900555',
      city: 'Harrogate',
      state: 'North Yorkshire',
      bio: 'Heart doctor.',
    });
    save.flush({ address: doctor.address, profile: {}, changedFields: ['city'] });
    await eventually(() => page.textContent?.includes('Saved. Changed: city.'));
  });
});
