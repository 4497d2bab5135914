import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
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
      providers: [provideHttpClient(), provideHttpClientTesting()],
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
});
