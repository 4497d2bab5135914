import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { eventually } from '../../testing/eventually';
import type { Account } from '@api';
import { Session } from '../auth/session';
import { Patients } from './patients';

describe('Patients', () => {
  const address = '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65';
  let http: HttpTestingController;

  async function renderFor(account: Account): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [Patients],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    const loaded = TestBed.inject(Session).refresh();
    http.expectOne('/api/me').flush(account);
    await loaded;
    const fixture = TestBed.createComponent(Patients);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const headings = (page: HTMLElement) =>
    [...page.querySelectorAll('h2')].map((heading) => heading.textContent?.trim());

  it('When a registered patient opens the page, then the doctor access section lists verified doctors', async () => {
    const page = await renderFor({ address, roles: ['patient'], doctorStatus: 'none' });

    expect(headings(page)).toContain('Doctor access');
    const list = await eventually(() => http.match((request) => request.url === '/api/doctors')[0]);
    expect(list.request.params.get('status')).toBe('verified');
  });

  it('When a registered patient opens the page, then the appointments card links to Find a doctor and My appointments', async () => {
    const page = await renderFor({ address, roles: ['patient'], doctorStatus: 'none' });

    const card = page.querySelector('[aria-labelledby="patient-appointments-title"]')!;
    const links = [...card.querySelectorAll('a')].map((link) => [link.textContent?.trim(), link.getAttribute('href')]);
    expect(links).toEqual([
      ['Find a doctor', '/find-a-doctor'],
      ['My appointments', '/appointments'],
    ]);
    expect(page.textContent).not.toContain('Coming soon');
  });

  it('When a doctor opens the page, then there is no consent section and no doctor list is fetched', async () => {
    const page = await renderFor({ address, roles: ['doctor'], doctorStatus: 'verified' });

    expect(headings(page)).not.toContain('Doctor access');
    expect(page.querySelector('ehr-doctor-access')).toBeNull();
    http.expectNone((request) => request.url === '/api/doctors');
  });

  it('When the account is not registered, then it is offered patient registration and no consent section', async () => {
    const page = await renderFor({ address, roles: [], doctorStatus: 'none' });

    const buttons = [...page.querySelectorAll('button')].map((button) => button.textContent?.trim());
    expect(buttons).toEqual(['Register as patient']);
    expect(headings(page)).not.toContain('Doctor access');
  });

  it('When an admin opens the page, then the registered patients are listed with their names and a link to each profile', async () => {
    const page = await renderFor({ address, roles: ['admin'], doctorStatus: 'none' });

    const list = await eventually(() => http.match((request) => request.url === '/api/patients')[0]);
    expect(list.request.params.get('offset')).toBe('0');
    list.flush({
      items: [
        { address, registeredAt: '2026-11-27T10:00:00.000Z', firstName: 'Ada', lastName: 'Byron' },
        { address: '0x90F79bf6EB2c4f870365E785982E1f101E93b906', registeredAt: '2026-11-27T10:01:00.000Z' },
      ],
      total: 2,
    });

    await eventually(() => page.textContent?.includes('Ada Byron'));
    expect(page.textContent).toContain('No profile yet');
    const links = [...page.querySelectorAll('a')].filter((link) => link.textContent?.trim() === 'View profile');
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      `/patients/${address}`,
      '/patients/0x90F79bf6EB2c4f870365E785982E1f101E93b906',
    ]);
    // An admin manages patients; the registration form is not theirs.
    expect(headings(page)).not.toContain('Patient registration');
  });

  it('When a registered patient has not saved a profile, then the page says so and links to My profile', async () => {
    const page = await renderFor({ address, roles: ['patient'], doctorStatus: 'none' });

    http.expectOne('/api/patients/me').flush({ address, profile: null, health: null });

    await eventually(() => page.textContent?.includes('have not saved your profile yet'));
    const link = [...page.querySelectorAll('a')].find(
      (candidate) => candidate.textContent?.trim() === 'Edit my profile',
    );
    expect(link?.getAttribute('href')).toBe('/patients/profile');
  });
});
