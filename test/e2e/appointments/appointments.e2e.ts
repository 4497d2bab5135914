/**
 * Journey (issue 9): a verified doctor publishes a fee, a slot length and consulting hours; a patient finds them,
 * books a free slot paying the fee → the request appears in the doctor's open queue without a reload → the doctor
 * accepts and the patient's open list shows it without a reload → chain time passes the slot → the doctor completes
 * it and withdraws the fee → the patient's list shows Completed; a second patient is never offered the taken time;
 * a second booking is cancelled by the patient and the refund withdrawn. Real stack (`npm start`), Chromium, a
 * really signing wallet per person; screenshots of each screen at desktop and phone width.
 */
import { JsonRpcProvider, Wallet, formatEther, parseEther } from 'ethers';
import { readFileSync } from 'node:fs';
import { Appointments__factory, Registry__factory } from '@contracts/types';
import { devAccount } from '@test-support/dev-chain';
import { describeInBrowser, screenshotsAtBothWidths, useSignedInBrowser } from '../support/journey';

// Accounts used only by this journey (funded here by the admin, account 0): 160 the doctor, 161 the patient who
// books, 162 a second patient.
const DOCTOR = 160;
const PATIENT = 161;
const SECOND_PATIENT = 162;
const DOCTOR_NAME = 'Dr. Ada Slotwright';
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const GAS = { gasLimit: 1_000_000 };

describeInBrowser('Appointments and fees journey (browser)', () => {
  jest.setTimeout(360_000);
  const { signedInAs } = useSignedInBrowser();
  const chainId = Number(process.env.E2E_CHAIN_ID);
  let provider: JsonRpcProvider;
  let addresses: Record<string, { address: string }>;

  const admin = () => new Wallet(devAccount(0).privateKey, provider);
  const walletOf = (index: number) => new Wallet(devAccount(index).privateKey, provider);
  const appointments = () => Appointments__factory.connect(addresses['Appointments'].address, provider);

  beforeAll(async () => {
    provider = new JsonRpcProvider(process.env.E2E_RPC_URL, undefined, { cacheTimeout: -1, staticNetwork: true });
    addresses = JSON.parse(readFileSync(process.env.E2E_DEPLOYMENTS_FILE!, 'utf8'))[String(chainId)];
    for (const index of [DOCTOR, PATIENT, SECOND_PATIENT]) {
      await (await admin().sendTransaction({ to: devAccount(index).address, value: parseEther('5'), ...GAS })).wait();
    }
    const registry = (wallet: Wallet) => Registry__factory.connect(addresses['Registry'].address, wallet);
    await (await registry(walletOf(SECOND_PATIENT)).registerPatient(GAS)).wait();
  });

  afterAll(() => provider?.destroy());

  /**
   * Moves chain time to `seconds` after appointment `id`'s slot starts, and mines a block there (on Ganache
   * itself: the app's /rpc refuses methods that change the node).
   */
  async function passSlotOf(id: string, seconds: number): Promise<void> {
    const { slot } = await appointments().getAppointment(BigInt(id));
    const latest = (await provider.getBlock('latest'))!.timestamp;
    const node = new JsonRpcProvider(process.env.E2E_CHAIN_URL, undefined, { staticNetwork: true });
    try {
      await node.send('evm_increaseTime', [Math.max(0, Number(slot) - latest + seconds)]);
      await node.send('evm_mine', []);
    } finally {
      node.destroy();
    }
  }

  test('When a patient books a free slot paying the fee, then the doctor sees it live, accepts, completes it after the slot and withdraws the fee, and the patient sees Completed', async () => {
    // 1. The doctor registers, an admin verifies them (on chain: the verification journey covers the screen).
    const doctor = await signedInAs(DOCTOR);
    await doctor.registerAsDoctor({
      licence: 'GMC-9090909',
      speciality: 'Neurology',
      firstName: 'Ada',
      lastName: 'Slotwright',
      dateOfJoining: '2015-05-04',
      email: 'ada.slotwright@example.org',
      mobile: '+447700900909',
      city: 'Brightwater',
      state: 'Eastshire',
    });
    const registry = Registry__factory.connect(addresses['Registry'].address, admin());
    await (await registry.verifyDoctor(devAccount(DOCTOR).address, GAS)).wait();
    // The session stays; the page reads the account's roles from the chain again on load.
    await doctor.page.reload();
    await doctor.page.getByRole('navigation').getByRole('link', { name: 'My practice' }).waitFor({ timeout: 30_000 });

    // 2. My practice: 0.05 ETH, 30-minute slots, every day around the clock (UTC), so the next free slot is near.
    await doctor.setTerms('0.05', 30);
    await doctor.saveHours(
      'UTC',
      WEEKDAYS.map((weekday) => ({ weekday, start: '00:00', end: '23:59' })),
    );
    await doctor.setUpDocumentEncryption();
    await screenshotsAtBothWidths(doctor.page, 'appointments-01-my-practice');
    await doctor.goToPage('Appointments');
    await screenshotsAtBothWidths(doctor.page, 'appointments-02-empty-queue');

    // 3. The patient registers with a profile, finds the doctor with the fee shown, and books the first free slot.
    const patient = await signedInAs(PATIENT);
    await patient.goTo('Patients');
    await patient.registerAsPatient({ 'First name': 'Mary', 'Last name': 'Booker' });
    await patient.goTo('Find a doctor');
    await patient.page.getByLabel('Name', { exact: true }).fill('Slotwright');
    await patient.page.getByLabel('Name', { exact: true }).press('Enter');
    const result = patient.page.getByRole('region', { name: 'Doctors found' }).getByText(DOCTOR_NAME);
    await result.first().waitFor({ timeout: 30_000 });
    await patient.waitForText(patient.page, /Fee: 0\.05 ETH/);
    await screenshotsAtBothWidths(patient.page, 'appointments-03-find-a-doctor-with-fee');
    await patient.openBooking(DOCTOR_NAME);
    const offered = await patient.freeSlots();
    expect(offered.length).toBeGreaterThan(0);
    await screenshotsAtBothWidths(patient.page, 'appointments-04-free-slots');
    const first = await patient.bookFreeSlot('Recurring migraines since spring', offered[0]);
    await screenshotsAtBothWidths(patient.page, 'appointments-05-booked');
    const onChain = await appointments().getAppointment(BigInt(first.id));
    expect(onChain.patient).toBe(devAccount(PATIENT).address);
    expect(formatEther(onChain.fee)).toBe('0.05');
    // The reason is an encrypted note on IPFS: the chain holds its CID, never the words.
    expect(onChain.reasonCid).toMatch(/^Qm/);

    // 4. The doctor's open queue shows the request with the patient's name, without a reload, and the reason once
    // the doctor's wallet has unlocked their key.
    const request = doctor.queueItem('Requested', 'Mary Booker');
    await request.waitFor({ timeout: 10_000 });
    await doctor.showReason(request);
    await doctor.waitForText(request, 'Recurring migraines since spring');
    await screenshotsAtBothWidths(doctor.page, 'appointments-06-queue-request');

    // 5. The patient's open list; the doctor accepts; the list says Accepted without a reload.
    await patient.openMyAppointments();
    await patient.waitForAppointmentStatus(first.id, 'Requested');
    await doctor.acceptRequest('Mary Booker');
    await patient.waitForAppointmentStatus(first.id, 'Accepted');
    await screenshotsAtBothWidths(patient.page, 'appointments-07-my-appointments-accepted');

    // 6. A second patient is never offered the taken time.
    const second = await signedInAs(SECOND_PATIENT);
    await second.page.goto(new URL(`/appointments/book/${devAccount(DOCTOR).address}`, second.page.url()).href);
    const offeredToSecond = await second.freeSlots();
    expect(offeredToSecond).not.toContain(first.slot);
    expect(offeredToSecond.length).toBeGreaterThan(0);

    // 7. Time passes the slot; the doctor completes it and withdraws the fee.
    await passSlotOf(first.id, 60);
    await doctor.completeAppointment('Mary Booker');
    await doctor.page.getByTestId('pending-balance').getByText('0.05 ETH').waitFor();
    await screenshotsAtBothWidths(doctor.page, 'appointments-08-queue-completed');
    const doctorBefore = await provider.getBalance(devAccount(DOCTOR).address);
    await doctor.withdraw();
    await doctor.page.getByTestId('pending-balance').getByText('0.0 ETH').waitFor();
    expect(await provider.getBalance(devAccount(DOCTOR).address)).toBeGreaterThan(doctorBefore);

    // 8. The patient's list shows Completed and the fee paid.
    await patient.waitForAppointmentStatus(first.id, 'Completed');
    await patient.waitForText(patient.myAppointmentRow(first.id), '0.05 ETH');
    await screenshotsAtBothWidths(patient.page, 'appointments-09-my-appointments-completed');

    // 9. A second booking, cancelled by the patient; the refund is withdrawn.
    await patient.goTo('Find a doctor');
    await patient.page.getByLabel('Name', { exact: true }).fill('Slotwright');
    await patient.page.getByLabel('Name', { exact: true }).press('Enter');
    await patient.openBooking(DOCTOR_NAME);
    const next = await patient.bookFreeSlot('Follow-up on the migraines');
    await patient.openMyAppointments();
    await patient.waitForAppointmentStatus(next.id, 'Requested');
    await patient.cancelAppointment(next.id);
    await patient.waitForAppointmentStatus(next.id, 'Cancelled');
    await patient.page.getByTestId('pending-balance').getByText('0.05 ETH').waitFor();
    await screenshotsAtBothWidths(patient.page, 'appointments-10-refund-ready');
    await patient.withdraw();
    await patient.page.getByTestId('pending-balance').getByText('0.0 ETH').waitFor();

    // 10. Transaction Records, Payments: the fee escrowed, refunded and withdrawn, in ETH.
    await patient.page.getByRole('navigation').getByRole('link', { name: 'Transactions', exact: true }).click();
    await patient.button('Payments').click();
    await patient.waitForText(patient.page, new RegExp(`Cancelled appointment #${next.id}.*refunded 0\\.05 ETH`, 'i'));
    // The withdrawal shows first in the app's words ("Withdrew payments"), then in the chain's once indexed: the
    // page does not follow the chain by itself, so ask again as a person would (up to a minute: on a loaded CI
    // machine 20 rounds of reload + 1 s were once not enough for the indexer).
    const withdrew = patient.page.getByText(/Withdrew 0\.05 ETH/).first();
    for (let attempt = 0; attempt < 60 && !(await withdrew.isVisible()); attempt++) {
      await patient.page.reload();
      await patient.button('Payments').click();
      await withdrew.waitFor({ timeout: 1_000 }).catch(() => undefined);
    }
    await withdrew.waitFor({ timeout: 1_000 });
    await screenshotsAtBothWidths(patient.page, 'appointments-11-payments');
  });
});
