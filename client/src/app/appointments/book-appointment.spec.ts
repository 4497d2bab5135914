import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ZeroHash, parseEther } from 'ethers';
import { Appointments__factory } from '@contracts/types';
import type { DoctorView, FreeSlots } from '@api';
import { devAccount } from '@test-support/dev-chain';
import { licenceCommitment } from '@test-support/licences';
import { appConfigFor } from '../../testing/app-config.fixture';
import { MemoryIpfs, MemoryKeyServer, documentIdentity } from '../../testing/document-services.fixture';
import { eventually } from '../../testing/eventually';
import { startTestChain, type TestChain } from '../../testing/test-chain';
import { TestWallet } from '../../testing/test-wallet';
import { AppConfigStore } from '../chain/app-config';
import { WalletConnection } from '../chain/wallet-connection';
import { IpfsDocuments } from '../documents/ipfs.service';
import { BookAppointment } from './book-appointment';
import { localTimeZone } from './slot-days';

const doctor = devAccount(1);
const patient = devAccount(4);
const otherPatient = devAccount(5);
const FEE = parseEther('0.05');
const SLOT_LENGTH = 30 * 60;
const GAS = { gasLimit: 500_000 };

const profile: DoctorView = {
  address: doctor.address,
  status: 'verified',
  licenceHash: licenceCommitment('GMC-1', ZeroHash),
  speciality: 2,
  displayName: 'Dr. Amara Okafor',
  registeredAt: '2026-01-05T10:00:00.000Z',
  updatedAt: '2026-01-05T10:00:00.000Z',
};

describe('BookAppointment (on an in-process chain)', () => {
  let chain: TestChain;
  let http: HttpTestingController;
  let stopAnnouncing: () => void;
  let ipfs: MemoryIpfs;
  let keyServer: MemoryKeyServer;
  /** Whole hours two and three days after the chain's time: in the future for the contract. */
  let firstSlot: number;

  beforeAll(async () => {
    chain = await startTestChain();
    const admin = chain.registry.connect(await chain.provider.getSigner(devAccount(0).address));
    const doctorSigner = await chain.provider.getSigner(doctor.address);
    await (
      await chain.registry.connect(doctorSigner).registerDoctor(licenceCommitment('GMC-1', ZeroHash), 2, GAS)
    ).wait();
    await (await admin.verifyDoctor(doctor.address, GAS)).wait();
    await (await chain.appointments.connect(doctorSigner).setTerms(FEE, SLOT_LENGTH, GAS)).wait();
    for (const account of [patient, otherPatient]) {
      await (await chain.registry.connect(await chain.provider.getSigner(account.address)).registerPatient(GAS)).wait();
    }
    const now = (await chain.provider.getBlock('latest'))!.timestamp;
    firstSlot = (Math.floor(now / 3600) + 48) * 3600;
  });
  afterAll(() => chain.stop());
  afterEach(() => {
    stopAnnouncing();
    keyServer.stop();
  });

  const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
  const freeSlots = (starts: number[]): FreeSlots => ({
    doctor: doctor.address,
    feeWei: FEE.toString(),
    slotLength: SLOT_LENGTH,
    timeZone: 'Asia/Tokyo',
    chainTime: iso(firstSlot - 48 * 3600),
    slots: starts.map((start) => ({ start: iso(start), end: iso(start + SLOT_LENGTH) })),
  });

  /** The booking page; the doctor has published a document key unless `doctorHasKey` is false. */
  async function open(slots: FreeSlots, doctorHasKey = true): Promise<{ page: HTMLElement; wallet: TestWallet }> {
    const wallet = new TestWallet(patient, { chain });
    stopAnnouncing = wallet.announceOn(window);
    ipfs = new MemoryIpfs();
    TestBed.configureTestingModule({
      imports: [BookAppointment],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: IpfsDocuments, useValue: ipfs },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    keyServer = new MemoryKeyServer(http, () => patient.address).start();
    if (doctorHasKey) keyServer.publish((await documentIdentity(doctor)).published);
    const configLoaded = TestBed.inject(AppConfigStore).load();
    const addresses = { Appointments: await chain.appointments.getAddress() };
    http.expectOne('/api/config').flush(appConfigFor(await chain.registry.getAddress(), addresses));
    await configLoaded;
    await TestBed.inject(WalletConnection).connect();
    const fixture = TestBed.createComponent(BookAppointment);
    fixture.componentRef.setInput('doctor', doctor.address);
    fixture.autoDetectChanges();
    (await eventually(() => http.match(`/api/doctors/${doctor.address}`)[0])).flush(profile);
    await answerSlots(slots);
    return { page: fixture.nativeElement as HTMLElement, wallet };
  }

  async function answerSlots(slots: FreeSlots): Promise<void> {
    const request = await eventually(() => http.match(`/api/doctors/${encodeURIComponent(doctor.address)}/slots`)[0]);
    request.flush(slots);
  }

  const button = (page: HTMLElement, text: string) =>
    [...page.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === text);
  const radios = (page: HTMLElement) => [...page.querySelectorAll<HTMLInputElement>('input[type="radio"]')];

  async function chooseAndConfirm(page: HTMLElement, slotIndex: number, reason: string | null): Promise<void> {
    const radio = (await eventually(() => radios(page).length > 0 && radios(page)))[slotIndex];
    radio.click();
    if (reason !== null) {
      const textarea = await eventually(() => page.querySelector<HTMLTextAreaElement>('#booking-reason:enabled'));
      textarea.value = reason;
      textarea.dispatchEvent(new Event('input'));
    }
    (
      await eventually(() => button(page, 'Review booking')?.disabled === false && button(page, 'Review booking'))
    ).click();
    (await eventually(() => button(page, 'Confirm and pay 0.05 ETH'))).click();
  }

  it("When a patient opens a Tokyo doctor's page, then the fee is shown as test ether and the free slots are grouped by the patient's days with both zones named", async () => {
    const { page } = await open(freeSlots([firstSlot, firstSlot + SLOT_LENGTH, firstSlot + 24 * 3600]));

    await eventually(() => radios(page).length === 3);
    expect(page.querySelector('[data-testid="booking-fee"]')?.textContent?.trim()).toBe('0.05 ETH');
    expect(page.textContent).toContain('development chain: test ether');
    expect(page.querySelector('[data-testid="time-zones"]')?.textContent).toContain(
      `your time zone (${localTimeZone()})`,
    );
    expect(page.querySelector('[data-testid="time-zones"]')?.textContent).toContain(
      'Dr. Amara Okafor keeps consulting hours in Asia/Tokyo',
    );
    const legends = [...page.querySelectorAll('legend')].map((legend) => legend.textContent?.trim());
    expect(legends).toHaveLength(
      new Set([firstSlot, firstSlot + 24 * 3600].map((s) => new Date(s * 1000).toDateString())).size,
    );
    expect(page.textContent).toContain('only you and Dr. Amara Okafor can read it');
  });

  it('When the patient confirms a slot, then the reason is encrypted first, requestAppointment carries only its CID paying exactly the fee, and no request holds the reason', async () => {
    const { page, wallet } = await open(freeSlots([firstSlot, firstSlot + SLOT_LENGTH]));

    await chooseAndConfirm(page, 1, 'Chest pain when climbing stairs');

    const indexed = await eventually(() => http.match('/api/appointments/1')[0]);
    const sent = wallet.requests.find((request) => request.method === 'eth_sendTransaction')!;
    const tx = sent.params[0] as { value: string; data: string };
    expect(BigInt(tx.value)).toBe(FEE);
    const call = Appointments__factory.createInterface().parseTransaction({ data: tx.data })!;
    expect(call.name).toBe('requestAppointment');
    const [bookedDoctor, bookedSlot, reasonCid] = call.args.toArray() as [string, bigint, string];
    expect([bookedDoctor, bookedSlot]).toEqual([doctor.address, BigInt(firstSlot + SLOT_LENGTH)]);
    expect(reasonCid).toMatch(/^Qm/); // the encrypted note, pinned before signing
    expect(ipfs.blocks.has(reasonCid)).toBe(true);
    expect((await chain.appointments.getAppointment(1)).reasonCid).toBe(reasonCid);
    expect(keyServer.wrapped.get(reasonCid)?.keys.has(doctor.address.toLowerCase())).toBe(true);
    expect(page.querySelector('[data-testid="booking-tx"]')?.textContent?.trim()).toMatch(/^0x[0-9a-f]{64}$/);
    indexed.flush({ id: '1' }); // the API has it: the indexer applied AppointmentRequested

    await eventually(() => page.textContent?.includes('Booked: appointment #1'));
    // The records were shared with the doctor (the patient had none yet), and nothing sent carried the reason.
    expect(JSON.stringify(keyServer.bodies)).not.toContain('Chest pain');
    http.expectNone((request) => JSON.stringify(request.body ?? '').includes('Chest pain'));
    http.expectNone('/api/appointments/1/reason');
    expect(page.querySelector('a[href="/appointments"]')).not.toBeNull();
  });

  it('When the doctor has not set up document encryption, then the page says so and books without a reason', async () => {
    const { page, wallet } = await open(freeSlots([firstSlot + 2 * 3600]), false);

    await eventually(() => page.querySelector('[data-testid="reason-blocked"]'));
    expect(page.textContent).toContain('Dr. Amara Okafor cannot receive an encrypted reason');
    expect(page.querySelector('#booking-reason')).toBeNull();
    await chooseAndConfirm(page, 0, null);

    (await eventually(() => http.match('/api/appointments/2')[0])).flush({ id: '2' });
    await eventually(() => page.textContent?.includes('Booked: appointment #2'));
    const sent = wallet.requests.find((request) => request.method === 'eth_sendTransaction')!;
    const call = Appointments__factory.createInterface().parseTransaction({
      data: (sent.params[0] as { data: string }).data,
    })!;
    expect(call.args[2]).toBe('');
    expect(ipfs.blocks.size).toBe(0);
  });

  it('When another patient takes the chosen slot meanwhile, then the chain refuses it, no fee is paid, the free slots are read again and the patient is told', async () => {
    const contested = firstSlot + 3 * 3600;
    const { page, wallet } = await open(freeSlots([contested, contested + SLOT_LENGTH]));
    const rival = chain.appointments.connect(await chain.provider.getSigner(otherPatient.address));
    await (await rival.requestAppointment(doctor.address, contested, '', { ...GAS, value: FEE })).wait();

    await chooseAndConfirm(page, 0, 'Follow-up');

    await answerSlots(freeSlots([contested + SLOT_LENGTH]));
    await eventually(() => page.textContent?.includes('Someone else booked'));
    expect(wallet.methods()).not.toContain('eth_sendTransaction');
    expect(radios(page)).toHaveLength(1);
    expect(radios(page).some((radio) => radio.checked)).toBe(false);
    expect(button(page, 'Review booking')).toBeDefined();
  });
});
