import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { eventually } from '../../testing/eventually';
import type { Account, DoctorStatus, HealthReport } from '@api';
import { Session } from '../auth/session';
import { Dashboard } from './dashboard';

describe('Dashboard', () => {
  async function renderFor(account: Account): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [Dashboard],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
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

  describe('for an admin', () => {
    const healthy: HealthReport = {
      status: 'ok',
      chain: { ok: true, chainId: 1337, latestBlock: 42 },
      mongo: { ok: true },
      ipfs: { ok: true, version: 'kubo/0.29.0' },
    };

    function cardTitled(page: HTMLElement, heading: string): HTMLElement | undefined {
      return [...page.querySelectorAll<HTMLElement>('section.card')].find(
        (card) => card.querySelector('h2')?.textContent?.trim() === heading,
      );
    }

    function textOf(element: Element | null | undefined): string {
      return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    }

    async function answerDoctorCounts(http: HttpTestingController, totals: Record<string, number>): Promise<void> {
      const requests = await eventually(() => {
        const pending = http.match((request) => request.url === '/api/doctors');
        return pending.length === 3 && pending;
      });
      for (const request of requests) {
        expect(request.request.params.get('limit')).toBe('1');
        request.flush({ items: [], total: totals[request.request.params.get('status')!] });
      }
    }

    it('When the admin opens the dashboard, then the system status and the doctor counts from the API show', async () => {
      const page = await renderFor({ address, roles: ['admin'], doctorStatus: 'none' });
      const http = TestBed.inject(HttpTestingController);

      http.expectOne('/api/health').flush(healthy);
      await answerDoctorCounts(http, { pending: 3, verified: 7, revoked: 1 });
      const status = await eventually(
        () => cardTitled(page, 'System status')?.querySelector('dl') && cardTitled(page, 'System status'),
      );
      const doctors = await eventually(
        () => cardTitled(page, 'Doctor verifications')?.querySelector('dl') && cardTitled(page, 'Doctor verifications'),
      );

      const rows = [...status.querySelectorAll('dt')].map((term) => [textOf(term), textOf(term.nextElementSibling)]);
      expect(rows).toEqual([
        ['Blockchain', 'Online · chain 1337 · block 42'],
        ['Database', 'Online · MongoDB'],
        ['Document store', 'Online · IPFS kubo/0.29.0'],
      ]);
      const counts = [...doctors.querySelectorAll('dt')].map((term) => [textOf(term), textOf(term.nextElementSibling)]);
      expect(counts).toEqual([
        ['Pending verification', '3'],
        ['Verified', '7'],
        ['Revoked', '1'],
      ]);
      const review = doctors.querySelector('a');
      expect(textOf(review)).toBe('Review pending doctors');
      expect(review?.getAttribute('href')).toBe('/doctors');
    });

    it('When the health check answers 503, then the failed component reads "Offline" and the others "Online"', async () => {
      const page = await renderFor({ address, roles: ['admin'], doctorStatus: 'none' });
      const http = TestBed.inject(HttpTestingController);

      http
        .expectOne('/api/health')
        .flush(
          { ...healthy, status: 'degraded', ipfs: { ok: false } },
          { status: 503, statusText: 'Service Unavailable' },
        );
      const status = await eventually(
        () => cardTitled(page, 'System status')?.querySelector('dl') && cardTitled(page, 'System status'),
      );

      const pills = [...status.querySelectorAll('dt')].map((term) => [
        textOf(term),
        textOf(term.nextElementSibling?.querySelector('.pill')),
      ]);
      expect(pills).toEqual([
        ['Blockchain', 'Online'],
        ['Database', 'Online'],
        ['Document store', 'Offline'],
      ]);
      expect(status.querySelector('[role="alert"]')).toBeNull();
    });

    it('When a patient opens the dashboard, then neither admin card shows and nothing asks for them', async () => {
      const page = await renderFor({ address, roles: ['patient'], doctorStatus: 'none' });

      expect(cardTitled(page, 'System status')).toBeUndefined();
      expect(cardTitled(page, 'Doctor verifications')).toBeUndefined();
      const http = TestBed.inject(HttpTestingController);
      http.expectNone('/api/health');
      http.expectNone((request) => request.url === '/api/doctors');
    });
  });
});
