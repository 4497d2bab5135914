import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { eventually } from '../../testing/eventually';
import { PatientDetail } from './patient-detail';

describe('PatientDetail (an admin or a doctor with access viewing one patient)', () => {
  const address = '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65';

  function render() {
    TestBed.configureTestingModule({
      imports: [PatientDetail],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PatientDetail);
    fixture.componentRef.setInput('address', address);
    fixture.autoDetectChanges();
    return { http, page: fixture.nativeElement as HTMLElement };
  }

  it('When the profile loads, then the contact details and health data show, with the notice that the view is logged', async () => {
    const { http, page } = render();
    http.expectOne(`/api/patients/${address}`).flush({
      address,
      profile: {
        firstName: 'Ada',
        lastName: 'Byron',
        dateOfBirth: '1990-12-10',
        sex: 'undisclosed',
        email: 'ada@example.org',
        mobile: '+447700900123',
        city: 'London',
        state: 'Greater London',
        emergencyContact: { name: 'Mary Somerville', phone: '+447700900456' },
        updatedAt: '2026-11-27T10:00:00.000Z',
      },
      health: { allergies: ['Penicillin'], chronicConditions: [], currentMedications: ['Salbutamol inhaler'] },
    });

    await eventually(() => page.querySelector('h1')?.textContent?.includes('Ada Byron'));
    expect(page.textContent).toContain("recorded in the patient's access log");
    expect(page.textContent).toContain('Prefer not to say');
    expect(page.textContent).toContain('Mary Somerville, +447700900456');
    expect([...page.querySelectorAll('li')].map((item) => item.textContent?.trim())).toEqual([
      'Penicillin',
      'Salbutamol inhaler',
    ]);
    expect(page.textContent).toContain('None recorded');
  });

  it('When the API answers 404 (no access), then the page says the patient cannot be shown and shows no data', async () => {
    const { http, page } = render();
    http
      .expectOne(`/api/patients/${address}`)
      .flush(
        { error: { code: 'PATIENT_NOT_FOUND', message: `No patient registered with address ${address}` } },
        { status: 404, statusText: 'Not Found' },
      );

    const alert = await eventually(() => page.querySelector('[role="alert"]')?.textContent);
    expect(alert).toContain('This patient cannot be shown: No patient registered');
    expect(page.querySelector('dl')).toBeNull();
  });
});
