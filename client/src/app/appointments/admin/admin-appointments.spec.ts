import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { AppointmentPage, AppointmentView } from '@api';
import { eventually } from '../../../testing/eventually';
import { clickButton, fieldByLabel, fillFields } from '../../../testing/form-filling';
import { FakeEventSource } from '../../../testing/fake-event-source';
import { AppointmentsContract } from '../appointments-contract';
import { AdminAppointments } from './admin-appointments';

const doctor = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const patient = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const CHAIN_NOW = '2031-03-10T12:00:00.000Z';

/** As the API answers admins: no reasons (health data for the two parties only). */
function appointment(id: number, status: AppointmentView['status']): AppointmentView {
  return {
    id: String(id),
    patient,
    doctor,
    patientName: 'Ada Byron',
    doctorName: 'Dr. Grace Hopper',
    status,
    slot: '2031-03-01T09:00:00.000Z',
    slotEnd: '2031-03-01T09:30:00.000Z',
    duration: 1800,
    feeWei: '10000000000000000',
    feeSettled: false,
    requestedAt: '2031-02-20T09:00:00.000Z',
    updatedAt: '2031-03-02T09:00:00.000Z',
    history: [],
    payments: [],
  };
}

describe('AdminAppointments', () => {
  let http: HttpTestingController;
  let settleDispute: jest.Mock<Promise<boolean>, [bigint, boolean]>;
  let forgetStreams: () => void;

  beforeEach(() => {
    forgetStreams = FakeEventSource.install();
  });
  afterEach(() => {
    forgetStreams();
    document.body.replaceChildren();
  });

  function render(): HTMLElement {
    settleDispute = jest.fn<Promise<boolean>, [bigint, boolean]>(() => Promise.resolve(true));
    TestBed.configureTestingModule({
      imports: [AdminAppointments],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AppointmentsContract, useValue: { settleDispute } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(AdminAppointments);
    fixture.autoDetectChanges();
    const page = fixture.nativeElement as HTMLElement;
    document.body.append(page);
    return page;
  }

  /** The page's two reads: a page of every appointment (filtered), and the disputes. */
  async function answer(all: AppointmentView[], disputes: AppointmentView[] = [], total = all.length) {
    const requests = await eventually(() => {
      const pending = http.match((request) => request.url === '/api/appointments');
      return pending.length === 2 && pending;
    });
    const isDisputes = (request: TestRequest) => request.request.params.get('status') === 'disputed';
    const list = requests.find((request) => !isDisputes(request))!;
    const page = (items: AppointmentView[], count: number): AppointmentPage => ({
      items,
      total: count,
      chainTime: CHAIN_NOW,
    });
    requests.find(isDisputes)!.flush(page(disputes, disputes.length));
    const params = Object.fromEntries(list.request.params.keys().map((key) => [key, list.request.params.get(key)]));
    list.flush(page(all, total));
    return params;
  }

  const section = (page: HTMLElement, title: string) =>
    [...page.querySelectorAll('section')].find((candidate) => candidate.querySelector('h2')?.textContent === title)!;
  const rows = (page: HTMLElement, title: string) =>
    [...section(page, title).querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim().replace(/\s+/g, ' ')),
    );

  it('When an admin opens the page, then every appointment is listed newest first, 20 a page, with parties, fee and status', async () => {
    const page = render();

    const params = await answer([appointment(3, 'completed'), appointment(2, 'requested')], [], 45);

    expect(params).toEqual({ order: 'desc', offset: '0', limit: '20' });
    await eventually(
      () => rows(page, 'All appointments').length === 2 && rows(page, 'All appointments')[0][0] === '#3',
    );
    expect(rows(page, 'All appointments')[0]).toEqual([
      '#3',
      'Ada Byron0x3C44…93BC',
      'Dr. Grace Hopper0x7099…79C8',
      expect.stringMatching(/ 2031 \d\d:\d\d–\d\d:\d\d$/),
      '0.01 ETH',
      'Completed',
    ]);
    expect(page.textContent).toContain('1–2 of 45');
    expect(rows(page, 'Disputes')).toEqual([['No disputes to settle.']]);

    clickButton(page, 'Next');
    expect(await answer([])).toEqual({ order: 'desc', offset: '20', limit: '20' });
  });

  it('When the admin filters by status and addresses, then the list is asked for those from its first page; a malformed address is refused before asking', async () => {
    const page = render();
    await answer([appointment(3, 'completed')]);
    await eventually(() => rows(page, 'All appointments').length === 1);

    const status = fieldByLabel<HTMLSelectElement>(page, 'Status');
    status.value = 'no-show';
    status.dispatchEvent(new Event('change'));
    fillFields(page, { 'Patient address': '0x1234' });
    clickButton(page, 'Filter');
    await eventually(() => page.textContent?.includes('Enter a wallet address'));
    expect(http.match((request) => request.url === '/api/appointments')).toEqual([]);

    fillFields(page, { 'Patient address': ` ${patient} `, 'Doctor address': doctor });
    clickButton(page, 'Filter');

    expect(await answer([])).toEqual({
      status: 'no-show',
      patient,
      doctor,
      order: 'desc',
      offset: '0',
      limit: '20',
    });
  });

  it.each([
    ['Refund the patient', true],
    ['Pay the doctor', false],
  ])(
    'When the admin settles a dispute with "%s", then settleDispute is sent for it and the page reads again',
    async (button, refundPatient) => {
      const page = render();
      await answer([appointment(7, 'disputed')], [appointment(7, 'disputed')]);
      await eventually(() => rows(page, 'Disputes')[0]?.[0] === '#7');
      expect(rows(page, 'Disputes')[0].slice(0, 5)).toEqual([
        '#7',
        'Ada Byron',
        'Dr. Grace Hopper',
        expect.stringContaining('2031'),
        '0.01 ETH',
      ]);

      clickButton(page, button);

      await eventually(() => settleDispute.mock.calls.length === 1);
      expect(settleDispute).toHaveBeenCalledWith(7n, refundPatient);
      await answer([appointment(7, refundPatient ? 'refunded' : 'no-show')]);
      await eventually(() => rows(page, 'Disputes')[0]?.[0] === 'No disputes to settle.');
    },
  );

  it('When the live stream reports a change, then the page reads again', async () => {
    const page = render();
    await answer([]);
    await eventually(() => rows(page, 'All appointments')[0]?.[0] === 'No appointments match.');

    FakeEventSource.opened[0].emit('appointment', { id: '8', status: 'disputed', patient, doctor });

    await answer([appointment(8, 'disputed')], [appointment(8, 'disputed')]);
    await eventually(() => rows(page, 'Disputes')[0]?.[0] === '#8');
  });
});
