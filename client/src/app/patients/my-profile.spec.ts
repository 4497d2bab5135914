import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PatientView } from '@api';
import { eventually } from '../../testing/eventually';
import { clickButton, fieldByLabel, fillFields } from '../../testing/form-filling';
import { MyProfile } from './my-profile';

const SAVED: PatientView = {
  address: '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65',
  profile: {
    firstName: 'Ada',
    lastName: 'Byron',
    dateOfBirth: '1990-12-10',
    sex: 'female',
    email: 'ada@example.org',
    mobile: '+447700900123',
    city: 'London',
    state: 'Greater London',
    emergencyContact: { name: 'Mary Somerville', phone: '+447700900456' },
    updatedAt: '2026-11-27T10:00:00.000Z',
  },
  health: {
    allergies: ['Penicillin', 'Peanuts'],
    chronicConditions: ['Asthma'],
    currentMedications: ['Salbutamol inhaler'],
  },
};

describe('MyProfile', () => {
  afterEach(() => document.body.replaceChildren());

  async function render(saved: PatientView) {
    TestBed.configureTestingModule({
      imports: [MyProfile],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(MyProfile);
    fixture.autoDetectChanges();
    http.expectOne({ method: 'GET', url: '/api/patients/me' }).flush(saved);
    const page = fixture.nativeElement as HTMLElement;
    document.body.append(page);
    await eventually(() => page.querySelector('form'));
    await fixture.whenStable();
    return { http, page };
  }

  it('When the patient opens My profile, then the form shows what they saved, health entries one per line', async () => {
    const { page } = await render(SAVED);

    expect(fieldByLabel<HTMLInputElement>(page, 'First name').value).toBe('Ada');
    expect(fieldByLabel<HTMLSelectElement>(page, 'Sex').value).toBe('female');
    expect(fieldByLabel<HTMLInputElement>(page, 'Contact phone').value).toBe('+447700900456');
    expect(fieldByLabel<HTMLTextAreaElement>(page, 'Allergies').value).toBe('Penicillin\nPeanuts');
    expect(fieldByLabel<HTMLTextAreaElement>(page, 'Current medications').value).toBe('Salbutamol inhaler');
    expect(page.querySelector('h2')?.textContent).toContain('Edit your profile');
  });

  it('When the patient changes the city and saves, then the whole profile is sent and the page says it is saved', async () => {
    const { http, page } = await render(SAVED);

    fillFields(page, {
      City: 'Bath',
      'Chronic conditions': '',
      'Current medications': 'Salbutamol inhaler\n Warfarin 5 mg daily ',
    });
    clickButton(page, 'Save profile');

    const put = await eventually(() => http.match({ method: 'PUT', url: '/api/patients/me' })[0]);
    expect(put.request.body).toMatchObject({
      city: 'Bath',
      firstName: 'Ada',
      allergies: ['Penicillin', 'Peanuts'],
      chronicConditions: [],
      currentMedications: ['Salbutamol inhaler', 'Warfarin 5 mg daily'],
    });
    put.flush({ ...SAVED, profile: { ...SAVED.profile!, city: 'Bath' } });
    await eventually(() => page.querySelector('[role="status"]')?.textContent?.includes('Profile saved.'));
  });

  it('When the email is not an address, then the form says so and nothing is sent', async () => {
    const { http, page } = await render(SAVED);

    fillFields(page, { Email: 'ada-at-example' });
    clickButton(page, 'Save profile');

    await eventually(() => page.textContent?.includes('Enter an email address such as name@example.org.'));
    http.expectNone({ method: 'PUT', url: '/api/patients/me' });
  });

  it('When the API refuses the save, then its reason is shown', async () => {
    const { http, page } = await render({ ...SAVED, profile: null, health: null });
    expect(page.querySelector('h2')?.textContent).toContain('Complete your profile');

    fillFields(page, {
      'First name': 'Ada',
      'Last name': 'Byron',
      'Date of birth': '1990-12-10',
      Sex: 'undisclosed',
      Email: 'ada@example.org',
      Mobile: '+447700900123',
      City: 'London',
      State: 'Greater London',
      'Contact name': 'Mary',
      'Contact phone': '+447700900456',
    });
    clickButton(page, 'Save profile');
    const put = await eventually(() => http.match({ method: 'PUT', url: '/api/patients/me' })[0]);
    put.flush(
      { error: { code: 'PATIENT_NOT_FOUND', message: 'No patient registered with address 0x15d3' } },
      { status: 404, statusText: 'Not Found' },
    );
    await eventually(() =>
      page.querySelector('[role="status"]')?.textContent?.includes('Not saved: No patient registered'),
    );
  });
});
