import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Account, DoctorStatus } from '../auth/account';
import { Session } from '../auth/session';
import { Dashboard } from './dashboard';

describe('Dashboard', () => {
  async function renderFor(account: Account): Promise<HTMLElement> {
    TestBed.configureTestingModule({ imports: [Dashboard], providers: [provideHttpClient(), provideHttpClientTesting()] });
    const loaded = TestBed.inject(Session).refresh();
    TestBed.inject(HttpTestingController).expectOne('/api/me').flush(account);
    await loaded;
    const fixture = TestBed.createComponent(Dashboard);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
  const badgeCases: [DoctorStatus, Account['roles'], string][] = [
    ['none', [], 'not registered'],
    ['pending', [], 'pending verification'],
    ['verified', ['doctor'], 'verified'],
    ['revoked', [], 'revoked'],
  ];

  it.each(badgeCases)('When the doctor status is %s, then the badge reads "%s"', async (doctorStatus, roles, text) => {
    const page = await renderFor({ address, roles, doctorStatus });

    expect(page.querySelector('ehr-doctor-status-badge')?.textContent?.trim()).toBe(text);
  });

  it('When the account is not registered at all, then it can register as a doctor or as a patient', async () => {
    const page = await renderFor({ address, roles: [], doctorStatus: 'none' });

    const buttons = [...page.querySelectorAll('button')].map((button) => button.textContent?.trim());
    expect(buttons).toEqual(expect.arrayContaining(['Register as doctor', 'Register as patient']));
    expect(page.textContent).toContain('No role yet');
  });

  it('When an admin signs in, then the roles show and no doctor badge or registration is offered', async () => {
    const page = await renderFor({ address, roles: ['admin'], doctorStatus: 'none' });

    expect(page.querySelector('.role-chip')?.textContent?.trim()).toBe('admin');
    expect(page.querySelector('ehr-doctor-status-badge')).toBeNull();
    expect(page.querySelector('button')).toBeNull();
  });
});
