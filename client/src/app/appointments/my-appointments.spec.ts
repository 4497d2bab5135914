import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AppointmentChange, AppointmentPage, AppointmentView } from '@api';
import { eventually } from '../../testing/eventually';
import { MyAppointments } from './my-appointments';

const DOCTOR = '0x0000000000000000000000000000000000000d0c';
const REVOKED_DOCTOR = '0x0000000000000000000000000000000000000bad';
// Chain time far from the browser's clock: the page must measure "upcoming" against the chain's.
const CHAIN_TIME = '2000-01-10T12:00:00.000Z';

const appointment = (id: string, overrides: Partial<AppointmentView>): AppointmentView => ({
  id,
  patient: '0x0000000000000000000000000000000000000a11',
  doctor: DOCTOR,
  doctorName: 'Dr. Amara Okafor',
  status: 'requested',
  slot: '2000-01-12T09:00:00.000Z',
  slotEnd: '2000-01-12T09:30:00.000Z',
  duration: 1800,
  feeWei: '50000000000000000',
  feeSettled: false,
  requestedAt: '2000-01-01T09:00:00.000Z',
  updatedAt: '2000-01-01T09:00:00.000Z',
  history: [],
  payments: [],
  ...overrides,
});

/** The browser's server-sent-events client, which jsdom lacks: the spec plays the server's stream. */
class FakeEventSource {
  static opened: FakeEventSource[] = [];
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  closed = false;

  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }

  addEventListener(name: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
  }

  send(name: string, data: unknown): void {
    for (const listener of this.listeners.get(name) ?? [])
      listener({ data: JSON.stringify(data) } as MessageEvent<string>);
  }
}

describe('MyAppointments', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    FakeEventSource.opened = [];
    Object.assign(globalThis, { EventSource: FakeEventSource });
  });
  afterEach(() => {
    delete (globalThis as { EventSource?: unknown }).EventSource;
  });

  function render() {
    TestBed.configureTestingModule({
      imports: [MyAppointments],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(MyAppointments);
    fixture.autoDetectChanges();
    return { fixture, page: fixture.nativeElement as HTMLElement };
  }

  const listRequests = () => http.match((request) => request.url === '/api/appointments');
  async function answerList(items: AppointmentView[]): Promise<void> {
    const request = await eventually(() => listRequests()[0]);
    expect(request.request.params.get('limit')).toBe('100');
    request.flush({ items, total: items.length, chainTime: CHAIN_TIME } satisfies AppointmentPage);
  }

  const rowOf = (page: HTMLElement, section: 'upcoming' | 'past', id: string) =>
    page.querySelector<HTMLTableRowElement>(`table[data-section="${section}"] tr[data-appointment-id="${id}"]`);
  const actionsOf = (row: HTMLElement | null) =>
    [...(row?.querySelectorAll('.actions a, .actions button') ?? [])].map((action) =>
      action.getAttribute('aria-label'),
    );

  it("When the patient's list loads, then upcoming and past follow the chain's time and each row offers what its status allows", async () => {
    const { page } = render();
    await answerList([
      appointment('4', {
        status: 'no-show',
        slot: '2000-01-05T09:00:00.000Z',
        disputeDeadline: '2000-01-12T09:00:00.000Z',
      }),
      appointment('3', { status: 'requested', reasonCid: 'QmReasonOf3' }),
      appointment('2', {
        doctor: REVOKED_DOCTOR,
        status: 'accepted',
        slot: '2000-01-01T09:00:00.000Z',
        closingDeadline: '2000-01-08T09:30:00.000Z',
      }),
      appointment('1', { status: 'cancelled', slot: '1999-12-20T09:00:00.000Z', feeSettled: true }),
    ]);
    // Non-admins find verified doctors only: not found means an admin revoked them.
    (await eventually(() => http.match(`/api/doctors/${REVOKED_DOCTOR}`)[0])).flush(null, {
      status: 404,
      statusText: 'Not Found',
    });
    http.expectNone(`/api/doctors/${DOCTOR}`); // only a past accepted appointment's doctor is asked about

    const upcoming = await eventually(() => rowOf(page, 'upcoming', '3'));
    expect(upcoming.textContent).toContain('Requested');
    expect(upcoming.textContent).toContain('Dr. Amara Okafor');
    expect(upcoming.textContent).toContain('0.05 ETH');
    expect(upcoming.textContent).toContain('Show the reason'); // encrypted: opened in the browser on request
    expect(actionsOf(upcoming)).toEqual(['Reschedule appointment #3', 'Cancel appointment #3']);
    expect(actionsOf(rowOf(page, 'past', '2'))).toEqual(['Cancel appointment #2', 'Reclaim the fee of appointment #2']);
    expect(actionsOf(rowOf(page, 'past', '4'))).toEqual(['Dispute the no-show of appointment #4']);
    expect(actionsOf(rowOf(page, 'past', '1'))).toEqual([]);
    expect(rowOf(page, 'past', '1')?.textContent).toContain('the fee is back in your balance');
    expect(page.textContent).toContain('they can read and add to your records');
  });

  it('When the doctor of a past accepted appointment is still verified, then it cannot be cancelled: the patient waits for the doctor or the closing deadline', async () => {
    const { page } = render();
    await answerList([
      appointment('2', {
        status: 'accepted',
        slot: '2000-01-10T09:00:00.000Z',
        closingDeadline: '2000-01-17T09:30:00.000Z',
      }),
    ]);
    (await eventually(() => http.match(`/api/doctors/${DOCTOR}`)[0])).flush({ address: DOCTOR, status: 'verified' });

    const row = await eventually(() => rowOf(page, 'past', '2'));
    await eventually(() => row.textContent?.includes('Waiting for the doctor to close it'));
    expect(actionsOf(row)).toEqual([]);
  });

  it("When the doctor's decision is indexed, then the stream's message makes the list read again and the new status shows without a reload", async () => {
    const { page, fixture } = render();
    await answerList([appointment('3', { status: 'requested' })]);
    await eventually(() => rowOf(page, 'upcoming', '3')?.textContent?.includes('Requested'));
    const stream = FakeEventSource.opened[0];
    expect(stream.url).toBe('/api/appointments/stream');

    stream.send('appointment', {
      id: '3',
      status: 'accepted',
      patient: '0xa',
      doctor: DOCTOR,
    } satisfies AppointmentChange);

    await answerList([appointment('3', { status: 'accepted', closingDeadline: '2000-01-19T09:30:00.000Z' })]);
    await eventually(() => rowOf(page, 'upcoming', '3')?.textContent?.includes('Accepted'));
    fixture.destroy();
    expect(stream.closed).toBe(true);
  });
});
