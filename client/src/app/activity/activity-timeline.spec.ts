import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { devAccount } from '@test-support/dev-chain';
import { eventually } from '../../testing/eventually';
import type { Account, ActivityEntry } from '@api';
import { Session } from '../auth/session';
import { ActivityTimeline } from './activity-timeline';

const admin = devAccount(0).address;
const patient = devAccount(4).address;
const doctor = devAccount(1).address;

const entry = (words: string, at: string, kind = 'consent.granted', chain = true): ActivityEntry => ({
  subject: patient,
  actor: patient,
  kind,
  words,
  at,
  origin: chain ? 'chain' : 'app',
  ...(chain && { transactionHash: `0x${'ab'.repeat(32)}`, logIndex: 0, blockNumber: 7 }),
});

describe('ActivityTimeline', () => {
  let http: HttpTestingController;

  async function openAs(account: Account): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [ActivityTimeline],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    const session = TestBed.inject(Session).refresh();
    http.expectOne('/api/me').flush(account);
    await session;
    const fixture = TestBed.createComponent(ActivityTimeline);
    fixture.autoDetectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  /** The next GET /api/activity, answered with `items` (of `total`). */
  async function answer(items: ActivityEntry[], total = items.length): Promise<TestRequest> {
    const request = await eventually(() => http.match((candidate) => candidate.url === '/api/activity')[0]);
    request.flush({ subject: patient, items, total });
    return request;
  }

  const params = (request: TestRequest) =>
    Object.fromEntries(request.request.params.keys().map((key) => [key, request.request.params.get(key)]));
  const texts = (page: HTMLElement, selector: string) =>
    [...page.querySelectorAll(selector)].map((element) => element.textContent?.trim());

  function choose(page: HTMLElement, selector: string, value: string, event: 'change' | 'input'): void {
    const control = page.querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
    control.value = value;
    control.dispatchEvent(new Event(event));
  }

  it('When a patient opens Activity, then their own timeline is shown newest first, in words, with when and how it was recorded', async () => {
    const page = await openAs({ address: patient, roles: ['patient'], doctorStatus: 'none' });
    const request = await answer([
      entry('You granted Dr. Ada Byron access to your records until revoked.', '2026-03-02T10:00:00.000Z'),
      entry('admin 0xf39F…2266 read your patient profile.', '2026-03-01T09:00:00.000Z', 'patient.profile-read', false),
    ]);

    expect(params(request)).toEqual({ offset: '0', limit: '20' });
    await eventually(() => page.querySelectorAll('.timeline-entry').length === 2);
    expect(texts(page, '.timeline-entry .words')).toEqual([
      'You granted Dr. Ada Byron access to your records until revoked.',
      'admin 0xf39F…2266 read your patient profile.',
    ]);
    expect(page.querySelector('.timeline-entry time')?.getAttribute('datetime')).toBe('2026-03-02T10:00:00.000Z');
    expect(texts(page, '.timeline-entry .meta')[0]).toContain('transaction 0xabab…abab');
    expect(texts(page, '.timeline-entry .meta')[1]).toContain('recorded by the app');
    expect(page.querySelector('h2')?.textContent).toContain('My activity');
    expect(page.querySelector('#activity-lookup')).toBeNull();
  });

  it('When the kind and a date range are chosen, then the API is asked for them from the first page, and Clear filters drops them', async () => {
    const page = await openAs({ address: patient, roles: ['patient'], doctorStatus: 'none' });
    await answer([]);

    choose(page, '#activity-kind', 'consent', 'change');
    expect(params(await answer([]))).toEqual({ kind: 'consent', offset: '0', limit: '20' });
    choose(page, '#activity-from', '2026-03-01', 'input');
    await answer([]);
    choose(page, '#activity-to', '2026-03-31', 'input');
    expect(params(await answer([]))).toEqual({
      kind: 'consent',
      from: '2026-03-01',
      to: '2026-03-31',
      offset: '0',
      limit: '20',
    });
    await eventually(() => page.textContent?.includes('Nothing to show for these filters.'));

    const clear = await eventually(() =>
      [...page.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Clear filters'),
    );
    clear.click();
    expect(params(await answer([]))).toEqual({ offset: '0', limit: '20' });
  });

  it('When the timeline is longer than a page, then Older and Newer page through it', async () => {
    const page = await openAs({ address: patient, roles: ['patient'], doctorStatus: 'none' });
    const first = Array.from({ length: 20 }, (_, i) => entry(`Entry ${i}`, '2026-03-02T10:00:00.000Z'));
    await answer(first, 45);
    const older = await eventually(() =>
      [...page.querySelectorAll<HTMLButtonElement>('.pager button')].find((b) => b.textContent?.trim() === 'Older'),
    );
    expect(page.querySelector('.pager')?.textContent).toContain('1–20 of 45');

    older.click();

    expect(params(await answer(first, 45))).toEqual({ offset: '20', limit: '20' });
    await eventually(() => page.querySelector('.pager')?.textContent?.includes('21–40 of 45'));
  });

  it('When an admin looks up an account, then that account’s timeline is asked for; a malformed address is refused before asking', async () => {
    const page = await openAs({ address: admin, roles: ['admin'], doctorStatus: 'none' });
    await answer([]);
    const form = page.querySelector<HTMLFormElement>('form')!;

    choose(page, '#activity-lookup', 'not-an-address', 'input');
    form.dispatchEvent(new Event('submit'));
    await eventually(() => page.querySelector('#activity-lookup-error'));
    expect(http.match((candidate) => candidate.url === '/api/activity')).toEqual([]);

    choose(page, '#activity-lookup', doctor, 'input');
    form.dispatchEvent(new Event('submit'));
    expect(params(await answer([]))).toEqual({ subject: doctor, offset: '0', limit: '20' });
    await eventually(() => page.querySelector('h2#activity-timeline-heading')?.textContent?.includes('Activity of'));
    expect(page.querySelector('#activity-lookup-error')).toBeNull();

    const back = await eventually(() =>
      [...page.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Back to my activity'),
    );
    back.click();
    expect(params(await answer([]))).toEqual({ offset: '0', limit: '20' });
  });

  it('When the API refuses, then its reason is announced', async () => {
    const page = await openAs({ address: patient, roles: ['patient'], doctorStatus: 'none' });
    const request = await eventually(() => http.match((candidate) => candidate.url === '/api/activity')[0]);
    request.flush(
      { error: { code: 'ADMIN_ONLY', message: "Only admins may read another account's activity" } },
      { status: 403, statusText: 'Forbidden' },
    );

    const alert = await eventually(() => page.querySelector('[role="alert"]'));
    expect(alert.textContent).toContain("Only admins may read another account's activity");
  });
});
