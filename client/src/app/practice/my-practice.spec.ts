import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Account, PracticeView } from '@api';
import { eventually } from '../../testing/eventually';
import { clickButton, fieldByLabel, fillFields } from '../../testing/form-filling';
import { AppointmentsContract } from '../appointments/appointments-contract';
import { Session } from '../auth/session';
import { MyPractice } from './my-practice';

const me = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const nothingYet: PracticeView = { doctor: me, feeWei: null, slotLength: null, hours: null };
const published: PracticeView = {
  doctor: me,
  feeWei: '20000000000000000',
  slotLength: 20 * 60,
  hours: {
    timeZone: 'Asia/Tokyo',
    sessions: [{ weekday: 3, start: '14:00', end: '17:30' }],
    updatedAt: '2026-11-20T10:00:00.000Z',
  },
};

describe('MyPractice', () => {
  let http: HttpTestingController;
  let contract: { setTerms: jest.Mock<Promise<boolean>, [bigint, number]> };

  async function renderFor(doctorStatus: Account['doctorStatus'], practice: PracticeView = nothingYet) {
    contract = { setTerms: jest.fn<Promise<boolean>, [bigint, number]>(() => Promise.resolve(true)) };
    TestBed.configureTestingModule({
      imports: [MyPractice],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AppointmentsContract, useValue: contract },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const signedIn = TestBed.inject(Session).refresh();
    http
      .expectOne('/api/me')
      .flush({ address: me, roles: doctorStatus === 'verified' ? ['doctor'] : [], doctorStatus } satisfies Account);
    await signedIn;
    const fixture = TestBed.createComponent(MyPractice);
    fixture.autoDetectChanges();
    const page = fixture.nativeElement as HTMLElement;
    // Attached to the document, as in a browser: only a connected form submits when its button is clicked.
    document.body.append(page);
    if (doctorStatus === 'verified') await answerPractice(practice);
    await fixture.whenStable();
    return page;
  }
  afterEach(() => document.body.replaceChildren());

  async function answerPractice(practice: PracticeView): Promise<void> {
    const request = await eventually(() => http.match(`/api/doctors/${me}/practice`)[0]);
    request.flush(practice);
  }

  const errors = (page: HTMLElement) => [...page.querySelectorAll('.field-error')].map((e) => e.textContent?.trim());

  function chooseOption(page: HTMLElement, label: string, text: string): void {
    const select = fieldByLabel<HTMLSelectElement>(page, label);
    select.selectedIndex = [...select.options].findIndex((option) => option.text.trim() === text);
    select.dispatchEvent(new Event('change'));
  }

  it('When the verified doctor enters a fee that is not an amount of ether or a slot length out of bounds, then each field says so and nothing is sent', async () => {
    const page = await renderFor('verified');

    fillFields(page, { 'Fee (ETH)': 'ten', 'Slot length (minutes)': '3' });
    clickButton(page, 'Publish fee and slot length');

    await eventually(() => errors(page).length === 2);
    expect(errors(page)).toEqual(['Enter an amount of ETH such as 0.01.', 'Enter whole minutes from 5 to 240.']);
    fillFields(page, { 'Fee (ETH)': '0.01', 'Slot length (minutes)': '241' });
    clickButton(page, 'Publish fee and slot length');
    await eventually(() => errors(page).length === 1);
    expect(contract.setTerms).not.toHaveBeenCalled();
  });

  it('When the verified doctor publishes 0.015 ETH per 45 minutes, then setTerms is sent with the fee in wei and the length in seconds, and the page reads the practice again', async () => {
    const page = await renderFor('verified');
    expect(page.textContent).toContain('No fee and slot length published yet');
    expect(page.textContent).toContain('development chain: test ether, no real money');

    fillFields(page, { 'Fee (ETH)': '0.015', 'Slot length (minutes)': '45' });
    clickButton(page, 'Publish fee and slot length');

    await eventually(() => contract.setTerms.mock.calls.length === 1);
    expect(contract.setTerms).toHaveBeenCalledWith(15_000_000_000_000_000n, 2700);
    await answerPractice({ ...nothingYet, feeWei: '15000000000000000', slotLength: 2700 });
    await eventually(() => page.querySelector('[data-testid="practice-terms"]')?.textContent?.includes('0.015 ETH'));
    expect(page.querySelector('[data-testid="practice-terms"]')?.textContent).toContain('0.015 ETH per 45 minutes');
  });

  it('When the doctor has published terms and hours, then the forms start from them', async () => {
    const page = await renderFor('verified', published);

    await eventually(() => fieldByLabel<HTMLInputElement>(page, 'Fee (ETH)').value === '0.02');
    expect(fieldByLabel<HTMLInputElement>(page, 'Slot length (minutes)').value).toBe('20');
    expect(fieldByLabel<HTMLSelectElement>(page, 'Time zone').value).toBe('Asia/Tokyo');
    const day = fieldByLabel<HTMLSelectElement>(page, 'Day of session 1');
    expect(day.options[day.selectedIndex].text.trim()).toBe('Wednesday');
    expect(fieldByLabel<HTMLInputElement>(page, 'Start of session 1').value).toBe('14:00');
    expect(fieldByLabel<HTMLInputElement>(page, 'End of session 1').value).toBe('17:30');
  });

  it("When the doctor adds sessions, then the time zone defaults to the browser's, a session ending before it starts or overlapping another is refused, and the valid hours are saved", async () => {
    const page = await renderFor('verified');
    expect(fieldByLabel<HTMLSelectElement>(page, 'Time zone').value).toBe(
      Intl.DateTimeFormat().resolvedOptions().timeZone,
    );

    clickButton(page, 'Add a session');
    clickButton(page, 'Add a session');
    await eventually(() => page.querySelector('[id="session-end-1"]'));
    chooseOption(page, 'Day of session 1', 'Tuesday');
    chooseOption(page, 'Day of session 2', 'Tuesday');
    fillFields(page, { 'End of session 1': '08:00', 'Start of session 2': '10:00', 'End of session 2': '11:00' });
    clickButton(page, 'Save consulting hours');

    await eventually(() => errors(page).length === 1);
    expect(errors(page)).toEqual(['The session must end after it starts.']);
    fillFields(page, { 'End of session 1': '12:30' });
    clickButton(page, 'Save consulting hours');
    await eventually(() => errors(page).length === 1 && errors(page)[0]?.includes('overlaps'));
    expect(errors(page)).toEqual(['This overlaps another session of the same day.']);
    http.expectNone('/api/doctors/me/practice');

    chooseOption(page, 'Day of session 2', 'Thursday');
    fillFields(page, { 'Time zone': 'Europe/Berlin' });
    clickButton(page, 'Save consulting hours');

    const put = await eventually(() => http.match('/api/doctors/me/practice')[0]);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({
      timeZone: 'Europe/Berlin',
      sessions: [
        { weekday: 2, start: '09:00', end: '12:30' },
        { weekday: 4, start: '10:00', end: '11:00' },
      ],
    });
    put.flush({ ...nothingYet, hours: { ...put.request.body, updatedAt: '2026-11-27T10:00:00.000Z' } });
    await eventually(() => page.textContent?.includes('Consulting hours saved.'));
    expect(page.textContent).toContain('2 weekly sessions in Europe/Berlin.');
  });

  it('When the doctor removes a session, then the saved hours leave it out', async () => {
    const page = await renderFor('verified', published);
    await eventually(() => page.querySelector('[id="session-end-0"]'));

    (page.querySelector('button[aria-label="Remove session 1 (Wednesday)"]') as HTMLButtonElement).click();
    clickButton(page, 'Save consulting hours');

    const put = await eventually(() => http.match('/api/doctors/me/practice')[0]);
    expect(put.request.body).toEqual({ timeZone: 'Asia/Tokyo', sessions: [] });
  });

  it.each([
    ['pending', 'Your registration is pending'],
    ['revoked', 'Your verification was revoked'],
  ] as const)(
    'When the doctor is %s, then the page says they cannot publish and offers no form',
    async (status, text) => {
      const page = await renderFor(status);

      expect(page.textContent).toContain(text);
      expect(page.querySelector('form')).toBeNull();
      http.expectNone(`/api/doctors/${me}/practice`);
    },
  );
});
