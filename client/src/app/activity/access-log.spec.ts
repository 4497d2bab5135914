import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { devAccount } from '@test-support/dev-chain';
import type { Account, AuditEntry } from '@api';
import { eventually } from '../../testing/eventually';
import { Session } from '../auth/session';
import { AccessLog } from './access-log';

const admin = devAccount(0).address;
const doctor = devAccount(1).address;
const patient = devAccount(4).address;

const entry = (seq: number, what: string, outcome: 'allowed' | 'denied', why: string): AuditEntry => ({
  seq,
  at: '2026-11-27T10:00:00.000Z',
  actor: doctor,
  patient,
  what,
  outcome,
  why,
  prevHash: '0'.repeat(64),
  hash: 'a'.repeat(64),
});

describe('AccessLog (the Activity page)', () => {
  let http: HttpTestingController;

  async function openAs(account: Account): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [AccessLog],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    const session = TestBed.inject(Session).refresh();
    http.expectOne('/api/me').flush(account);
    await session;
    const fixture = TestBed.createComponent(AccessLog);
    fixture.autoDetectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  const entries = (page: HTMLElement) =>
    [...page.querySelectorAll('[data-testid="access-log-entry"]')].map((li) =>
      li.textContent.replace(/\s+/g, ' ').trim(),
    );

  it('When a patient opens it, then every open and every refusal of their data is listed with its grounds', async () => {
    const page = await openAs({ address: patient, roles: ['patient'], doctorStatus: 'none' });
    const request = await eventually(() => http.match((r) => r.url === '/api/audit/me')[0]);
    request.flush({
      items: [entry(2, 'document.key', 'denied', 'no access'), entry(1, 'records.list', 'allowed', 'consent grant')],
      total: 2,
    });

    await eventually(() => entries(page).length === 2);
    expect(entries(page)[0]).toMatch(/^Refused a document — 0x7099…79C8 ?\(no access\)/);
    expect(entries(page)[1]).toMatch(/^Opened record list — 0x7099…79C8 ?\(consent grant\)/);
    expect(page.querySelector('[data-testid="audit-integrity"]')).toBeNull();
  });

  it('When an admin checks integrity of a log rewritten after its anchored head, then the page says it is broken', async () => {
    const page = await openAs({ address: admin, roles: ['admin'], doctorStatus: 'none' });
    (await eventually(() => http.match((r) => r.url === '/api/audit')[0])).flush({ items: [], total: 0 });

    page.querySelector<HTMLButtonElement>('[data-testid="audit-integrity"] button')!.click();
    http.expectOne('/api/audit/verify').flush({
      ok: false,
      entries: 9,
      reason: 'the log up to the anchored head was rewritten',
      anchoring: 'on',
      anchored: { seq: 5, hash: 'b'.repeat(64), at: '2026-11-27T10:00:00.000Z', matches: false },
    });

    const integrity = page.querySelector('[data-testid="audit-integrity"]')!;
    await eventually(() => integrity.textContent.includes('Broken'));
    expect(integrity.textContent.replace(/\s+/g, ' ')).toMatch(
      /Broken: .* entry 5 no longer matches the head anchored on chain/,
    );
  });
});
