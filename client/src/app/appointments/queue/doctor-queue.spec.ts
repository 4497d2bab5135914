import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Account, AppointmentPage, AppointmentView } from '@api';
import { eventually } from '../../../testing/eventually';
import { clickButton, fillFields } from '../../../testing/form-filling';
import { FakeEventSource } from '../../../testing/fake-event-source';
import { Session } from '../../auth/session';
import { AppointmentsContract } from '../appointments-contract';
import { DoctorQueue } from './doctor-queue';

const doctor = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const patient = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
/**
 * The chain's time in these specs: years after the browser's clock, so an appointment the chain has passed
 * is still in the browser's future. The queue must follow the chain.
 */
const CHAIN_NOW = Date.parse('2031-03-10T12:00:00.000Z');
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

function appointment(id: number, fields: Partial<AppointmentView> & { slotAt: number }): AppointmentView {
  const { slotAt, ...rest } = fields;
  return {
    id: String(id),
    patient,
    doctor,
    patientName: `Patient ${id}`,
    status: 'requested',
    slot: iso(slotAt),
    slotEnd: iso(slotAt + HOUR / 2),
    duration: 1800,
    feeWei: '10000000000000000',
    feeSettled: false,
    requestedAt: iso(CHAIN_NOW - 5 * DAY),
    updatedAt: iso(CHAIN_NOW - 5 * DAY),
    history: [],
    payments: [],
    ...rest,
  };
}

type Fake = jest.Mock<Promise<boolean>, [bigint]>;
interface FakeContract {
  accept: Fake;
  reject: Fake;
  cancel: Fake;
  complete: Fake;
  markNoShow: Fake;
  claimNoShowFee: Fake;
  withdraw: jest.Mock<Promise<boolean>, []>;
  pendingWithdrawal: jest.Mock<Promise<bigint>, [string]>;
}

describe('DoctorQueue', () => {
  let http: HttpTestingController;
  let contract: FakeContract;
  let forgetStreams: () => void;

  beforeEach(() => {
    forgetStreams = FakeEventSource.install();
  });
  afterEach(() => {
    forgetStreams();
    document.body.replaceChildren();
  });

  async function render(): Promise<HTMLElement> {
    const mined = () => jest.fn<Promise<boolean>, [bigint]>(() => Promise.resolve(true));
    contract = {
      accept: mined(),
      reject: mined(),
      cancel: mined(),
      complete: mined(),
      markNoShow: mined(),
      claimNoShowFee: mined(),
      withdraw: jest.fn(() => Promise.resolve(true)),
      pendingWithdrawal: jest.fn<Promise<bigint>, [string]>(() => Promise.resolve(25_000_000_000_000_000n)),
    };
    TestBed.configureTestingModule({
      imports: [DoctorQueue],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: AppointmentsContract, useValue: contract },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const signedIn = TestBed.inject(Session).refresh();
    http.expectOne('/api/me').flush({ address: doctor, roles: ['doctor'], doctorStatus: 'verified' } satisfies Account);
    await signedIn;
    const fixture = TestBed.createComponent(DoctorQueue);
    fixture.autoDetectChanges();
    const page = fixture.nativeElement as HTMLElement;
    document.body.append(page);
    return page;
  }

  /** The queue's two reads: the open appointments and a page of the history. */
  async function lists(): Promise<{ open: TestRequest; history: TestRequest }> {
    const [open, history] = await eventually(() => {
      const requests = http.match((request) => request.url === '/api/appointments');
      return requests.length === 2 && requests;
    });
    return open.request.params.get('order') === 'asc' ? { open, history } : { open: history, history: open };
  }

  async function answer(open: AppointmentView[], history: AppointmentView[] = [], chainTime = CHAIN_NOW) {
    const requests = await lists();
    const page = (items: AppointmentView[]): AppointmentPage => ({
      items,
      total: items.length,
      chainTime: iso(chainTime),
    });
    requests.open.flush(page(open));
    requests.history.flush(page(history));
    return requests;
  }

  const section = (page: HTMLElement, title: RegExp) =>
    [...page.querySelectorAll('section')].find((candidate) =>
      title.test(candidate.querySelector('h2')?.textContent ?? ''),
    )!;
  const itemsIn = (page: HTMLElement, title: RegExp) =>
    [...section(page, title).querySelectorAll('ehr-queue-item')].map((item) => item as HTMLElement);
  const itemOf = (page: HTMLElement, name: string) =>
    [...page.querySelectorAll('ehr-queue-item')].find((item) => item.textContent?.includes(name)) as HTMLElement;
  const buttonsOf = (page: HTMLElement, name: string) =>
    [...itemOf(page, name).querySelectorAll('button')].map((button) => button.textContent?.trim());

  it('When the queue loads, then each appointment sits in its section by its status and the chain time (not the browser clock), with name, reason, slot and fee', async () => {
    const page = await render();

    const { open, history } = await answer(
      [
        appointment(1, { slotAt: CHAIN_NOW + DAY, reasonCid: 'QmReasonOf1' }),
        appointment(2, { status: 'accepted', slotAt: CHAIN_NOW + 2 * HOUR }),
        // Past for the chain, still years ahead of the browser's clock.
        appointment(3, { status: 'accepted', slotAt: CHAIN_NOW - 2 * HOUR, closingDeadline: iso(CHAIN_NOW + 6 * DAY) }),
        appointment(4, { status: 'no-show', slotAt: CHAIN_NOW - 3 * DAY, disputeDeadline: iso(CHAIN_NOW + 4 * DAY) }),
        appointment(5, { status: 'no-show', feeSettled: true, slotAt: CHAIN_NOW - 30 * DAY }),
        appointment(6, { status: 'disputed', slotAt: CHAIN_NOW - 3 * DAY }),
      ],
      [appointment(7, { status: 'completed', feeSettled: true, slotAt: CHAIN_NOW - 9 * DAY, patientName: undefined })],
    );
    expect(open.request.params.get('status')).toBe('requested,accepted,no-show,disputed');
    expect(history.request.params.get('status')).toBe('rejected,cancelled,completed,no-show,expired,refunded');
    expect(history.request.params.get('order')).toBe('desc');

    await eventually(() => itemsIn(page, /^Requested/).length === 1);
    const text = (items: HTMLElement[]) => items.map((item) => item.textContent);
    expect(text(itemsIn(page, /^Requested/))[0]).toContain('Patient 1');
    expect(text(itemsIn(page, /^Upcoming/))).toEqual([expect.stringContaining('Patient 2')]);
    expect(text(itemsIn(page, /^Past, to close/))).toEqual([expect.stringContaining('Patient 3')]);
    expect(text(itemsIn(page, /^No-shows/))).toEqual([
      expect.stringContaining('Patient 4'),
      expect.stringContaining('Patient 6'),
    ]);
    expect(text(itemsIn(page, /^History/))).toEqual([expect.stringContaining('0x3C44…93BC')]);
    const first = itemOf(page, 'Patient 1').textContent;
    // The reason is an encrypted note: it opens on the doctor's request (queue-reason.spec.ts decrypts one).
    expect(first).toContain('Show the reason');
    expect(first).toContain('0.01 ETH');
    // The slot in the browser's time zone, whichever it is.
    const localSlot = new Date(CHAIN_NOW + DAY);
    expect(first).toContain(`${localSlot.getDate()} Mar 2031 ${String(localSlot.getHours()).padStart(2, '0')}:`);
    expect(page.textContent).toContain(
      "access to the patient's records (through Consent) until the slot plus the consent window",
    );
    expect(section(page, /^No-shows/).textContent).toContain('waiting for an admin');
  });

  it('When a request is rejected, then the reject transaction is sent first and the reason is stored only once it is mined', async () => {
    const page = await render();
    await answer([appointment(5, { slotAt: CHAIN_NOW + DAY })]);
    await eventually(() => itemOf(page, 'Patient 5'));
    let mine!: (mined: boolean) => void;
    contract.reject.mockReturnValueOnce(new Promise((resolve) => (mine = resolve)));

    clickButton(page, 'Reject');
    await eventually(() => page.textContent?.includes('Write a reason for Patient 5 before rejecting.'));
    expect(contract.reject).not.toHaveBeenCalled();
    fillFields(page, { 'Reason if you reject Patient 5': 'I am away that week.' });
    clickButton(page, 'Reject');

    await eventually(() => contract.reject.mock.calls.length === 1);
    expect(contract.reject).toHaveBeenCalledWith(5n);
    http.expectNone('/api/appointments/5/rejection-reason');
    mine(true);
    const put = await eventually(() => http.match('/api/appointments/5/rejection-reason')[0]);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ text: 'I am away that week.' });
    put.flush(null, { status: 204, statusText: 'No Content' });
    await answer([]);
  });

  it('When the reject transaction fails, then no reason is stored', async () => {
    const page = await render();
    await answer([appointment(5, { slotAt: CHAIN_NOW + DAY })]);
    await eventually(() => itemOf(page, 'Patient 5'));
    contract.reject.mockResolvedValueOnce(false);

    fillFields(page, { 'Reason if you reject Patient 5': 'Not my speciality.' });
    clickButton(page, 'Reject');

    await eventually(() => contract.reject.mock.calls.length === 1);
    await new Promise((resolve) => setTimeout(resolve));
    http.expectNone('/api/appointments/5/rejection-reason');
  });

  it('When a request is accepted or an upcoming one cancelled, then the matching transaction is sent and the queue reads again', async () => {
    const page = await render();
    const queue = [
      appointment(8, { slotAt: CHAIN_NOW + DAY }),
      appointment(9, { status: 'accepted', slotAt: CHAIN_NOW + 2 * DAY }),
      appointment(10, { slotAt: CHAIN_NOW - HOUR }),
    ];
    await answer(queue);
    await eventually(() => itemOf(page, 'Patient 8'));
    expect(buttonsOf(page, 'Patient 8')).toEqual(['Accept', 'Reject']);
    expect(buttonsOf(page, 'Patient 9')).toEqual(['Cancel']);
    // Its slot has passed on chain: the contract would refuse to accept it.
    expect(buttonsOf(page, 'Patient 10')).toEqual(['Reject']);
    expect(itemOf(page, 'Patient 10').textContent).toContain('Its time has passed');

    clickButton(page, 'Accept');
    await eventually(() => contract.accept.mock.calls.length === 1);
    expect(contract.accept).toHaveBeenCalledWith(8n);
    await answer(queue);
    await eventually(() => itemOf(page, 'Patient 9'));

    clickButton(page, 'Cancel');
    await eventually(() => contract.cancel.mock.calls.length === 1);
    expect(contract.cancel).toHaveBeenCalledWith(9n);
    await answer([]);
  });

  it.each([
    ['at the slot start', 0, ['Complete', 'Mark no-show']],
    ['before the closing deadline', 6 * DAY, ['Complete', 'Mark no-show']],
    ['at the closing deadline', 7 * DAY, []],
  ])(
    'When an accepted appointment is past its slot and the chain is %s, then complete and no-show are offered only inside the closing period',
    async (_, sinceSlot, buttons) => {
      const page = await render();
      const slotAt = CHAIN_NOW - sinceSlot;
      await answer([appointment(11, { status: 'accepted', slotAt, closingDeadline: iso(slotAt + 7 * DAY) })]);

      await eventually(() => itemOf(page, 'Patient 11'));
      expect(itemsIn(page, /^Past, to close/)).toHaveLength(1);
      expect(buttonsOf(page, 'Patient 11')).toEqual(buttons);
      if (!buttons.length) expect(itemOf(page, 'Patient 11').textContent).toContain('the patient may reclaim the fee');
    },
  );

  it('When the doctor completes or marks a no-show, then that transaction is sent for the appointment and the balance is read again', async () => {
    const page = await render();
    await answer([
      appointment(12, { status: 'accepted', slotAt: CHAIN_NOW - HOUR, closingDeadline: iso(CHAIN_NOW + DAY) }),
    ]);
    await eventually(() => itemOf(page, 'Patient 12'));
    const reads = contract.pendingWithdrawal.mock.calls.length;

    clickButton(page, 'Complete');
    await eventually(() => contract.complete.mock.calls.length === 1);
    expect(contract.complete).toHaveBeenCalledWith(12n);
    await answer([
      appointment(12, { status: 'accepted', slotAt: CHAIN_NOW - HOUR, closingDeadline: iso(CHAIN_NOW + DAY) }),
    ]);
    await eventually(() => contract.pendingWithdrawal.mock.calls.length > reads);

    clickButton(page, 'Mark no-show');
    await eventually(() => contract.markNoShow.mock.calls.length === 1);
    expect(contract.markNoShow).toHaveBeenCalledWith(12n);
    await answer([]);
  });

  it('When a no-show is held, then the fee can be claimed only once the dispute deadline has passed on chain', async () => {
    const page = await render();
    await answer([
      appointment(13, { status: 'no-show', slotAt: CHAIN_NOW - 3 * DAY, disputeDeadline: iso(CHAIN_NOW + HOUR) }),
      appointment(14, { status: 'no-show', slotAt: CHAIN_NOW - 9 * DAY, disputeDeadline: iso(CHAIN_NOW) }),
    ]);
    await eventually(() => itemOf(page, 'Patient 13'));

    expect(buttonsOf(page, 'Patient 13')).toEqual([]);
    expect(itemOf(page, 'Patient 13').textContent).toContain('The patient may dispute it until');
    expect(buttonsOf(page, 'Patient 14')).toEqual(['Claim the fee']);
    clickButton(page, 'Claim the fee');
    await eventually(() => contract.claimNoShowFee.mock.calls.length === 1);
    expect(contract.claimNoShowFee).toHaveBeenCalledWith(14n);
    await answer([]);
  });

  it('When the indexer reports a change on the live stream, then the queue reads again and a new request appears without a reload', async () => {
    const page = await render();
    await answer([]);
    await eventually(() => section(page, /^Requested/).textContent?.includes('No requests waiting.'));
    const stream = FakeEventSource.opened.find((source) => source.url === '/api/appointments/stream')!;
    expect(stream.closed).toBe(false);

    stream.emit('appointment', { id: '15', status: 'requested', patient, doctor });

    await answer([appointment(15, { slotAt: CHAIN_NOW + DAY })]);
    await eventually(() => itemsIn(page, /^Requested/).length === 1);
    expect(itemOf(page, 'Patient 15').textContent).toContain('No reason given.');
    TestBed.resetTestingModule();
    expect(stream.closed).toBe(true);
  });

  it('When the doctor has earned fees, then the payments panel shows them and Withdraw sends the withdrawal', async () => {
    const page = await render();
    await answer([]);

    await eventually(() => page.querySelector('[data-testid="pending-balance"]'));
    expect(page.querySelector('[data-testid="pending-balance"]')!.textContent).toBe('0.025 ETH');
    clickButton(page, 'Withdraw');
    await eventually(() => contract.withdraw.mock.calls.length === 1);
  });
});
