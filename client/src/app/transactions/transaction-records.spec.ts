import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Account, TransactionPage, TransactionView } from '@api';
import { eventually } from '../../testing/eventually';
import { Session } from '../auth/session';
import { TransactionRecords } from './transaction-records';

const me = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const mined: TransactionView = {
  hash: `0x${'a1'.repeat(32)}`,
  from: me,
  to: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  action: 'Verified Dr Ada Lovelace',
  status: 'mined',
  blockNumber: 12,
  blockTime: '2026-11-27T10:00:00.000Z',
  gasUsed: '53210',
  effectiveGasPriceWei: '2500000000',
  feeWei: '133025000000000',
  feeEth: '0.000133025',
  valueWei: '0',
  valueEth: '0.0',
  payments: [],
  submittedAt: '2026-11-27T09:59:59.400Z',
  latencyMs: 600,
};
const reverted: TransactionView = {
  ...mined,
  hash: `0x${'b2'.repeat(32)}`,
  action: 'Registered as a patient',
  status: 'reverted',
  latencyMs: 1500,
};

describe('TransactionRecords', () => {
  async function renderFor(account: Account) {
    TestBed.configureTestingModule({
      imports: [TransactionRecords],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    const loaded = TestBed.inject(Session).refresh();
    http.expectOne('/api/me').flush(account);
    await loaded;
    const fixture = TestBed.createComponent(TransactionRecords);
    fixture.autoDetectChanges();
    const page = fixture.nativeElement as HTMLElement;
    document.body.append(page);
    return { http, page, fixture };
  }
  afterEach(() => document.body.replaceChildren());

  const listRequest = (http: HttpTestingController) =>
    eventually(() => http.match((request) => request.url === '/api/transactions')[0]);
  const cells = (page: HTMLElement) =>
    [...page.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim()),
    );
  async function answer(request: TestRequest, body: TransactionPage, page: HTMLElement): Promise<void> {
    request.flush(body);
    await eventually(() => page.querySelector('tbody td:not(.empty)'));
  }

  it('When a patient opens the records, then each transaction shows its action, status, gas, gas price, fee, value and latency', async () => {
    const { http, page } = await renderFor({ address: me, roles: ['patient'], doctorStatus: 'none' });

    const request = await listRequest(http);
    expect(request.request.params.keys()).toEqual(['offset', 'limit']);
    await answer(request, { items: [mined, reverted], total: 2 }, page);

    const [first, second] = cells(page);
    expect(first.slice(1)).toEqual([
      'Verified Dr Ada Lovelace',
      'mined',
      '53210',
      '2.5',
      '0.000133025',
      '—',
      '600 ms',
      '0xa1a1…a1a1',
    ]);
    expect(second.slice(2, 3)).toEqual(['reverted']);
    expect(second.at(-2)).toBe('1.5 s');
    expect(page.querySelector('form')).toBeNull();
    expect(page.querySelector('a[download]')?.getAttribute('href')).toBe('/api/transactions.csv');
  });

  it('When an admin filters by account and status, then the list and the CSV link ask for those rows', async () => {
    const { http, page } = await renderFor({ address: me, roles: ['admin'], doctorStatus: 'none' });
    await answer(await listRequest(http), { items: [mined], total: 1 }, page);
    expect(cells(page)[0][1]).toBe('0x7099…79C8');

    const account = page.querySelector<HTMLInputElement>('#tx-account')!;
    account.value = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
    account.dispatchEvent(new Event('input'));
    const status = page.querySelector<HTMLSelectElement>('#tx-status')!;
    status.selectedIndex = [...status.options].findIndex((option) => option.text.trim() === 'reverted');
    status.dispatchEvent(new Event('change'));
    page.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

    const filtered = await listRequest(http);
    expect(filtered.request.params.get('account')).toBe('0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC');
    expect(filtered.request.params.get('status')).toBe('reverted');
    filtered.flush({ items: [], total: 0 });
    await eventually(() => page.querySelector('td.empty')?.textContent?.includes('No transactions'));
    expect(page.querySelector('a[download]')?.getAttribute('href')).toBe(
      '/api/transactions.csv?account=0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC&status=reverted',
    );
  });

  const patientAddress = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
  const cancelled: TransactionView = {
    ...mined,
    hash: `0x${'c3'.repeat(32)}`,
    action: 'Cancelled appointment #4 with Dr. Ada Lovelace; refunded 0.05 ETH',
    payments: [
      {
        kind: 'refunded',
        account: patientAddress,
        amountWei: '50000000000000000',
        amountEth: '0.05',
        appointmentId: '4',
      },
    ],
  };
  const booked: TransactionView = {
    ...mined,
    hash: `0x${'d4'.repeat(32)}`,
    action: 'Booked appointment #4 with Dr. Ada Lovelace',
    valueWei: '50000000000000000',
    valueEth: '0.05',
    payments: [
      {
        kind: 'escrowed',
        account: patientAddress,
        amountWei: '50000000000000000',
        amountEth: '0.05',
        appointmentId: '4',
      },
    ],
  };
  const withdrawal: TransactionView = {
    ...mined,
    hash: `0x${'e5'.repeat(32)}`,
    action: 'Withdrew 0.05 ETH',
    payments: [{ kind: 'withdrawn', account: patientAddress, amountWei: '50000000000000000', amountEth: '0.05' }],
  };
  const pendingBooking: TransactionView = {
    hash: `0x${'f6'.repeat(32)}`,
    from: patientAddress,
    action: 'Booked an appointment with Dr. Ada Lovelace',
    status: 'pending',
    valueWei: '50000000000000000',
    valueEth: '0.05',
    payments: [],
  };
  const switchButton = (page: HTMLElement, name: string) =>
    [...page.querySelectorAll<HTMLButtonElement>('[role="group"][aria-label="Show"] button')].find(
      (button) => button.textContent?.trim() === name,
    )!;

  it('When a patient shows only payments, then the list and the CSV ask for them and each row says what moved in test ETH', async () => {
    const { http, page } = await renderFor({ address: patientAddress, roles: ['patient'], doctorStatus: 'none' });
    await answer(await listRequest(http), { items: [mined], total: 1 }, page);
    expect(switchButton(page, 'All transactions').getAttribute('aria-pressed')).toBe('true');
    expect(page.querySelector('.subtitle')?.textContent).toContain('test ether');

    switchButton(page, 'Payments').click();

    const filtered = await listRequest(http);
    expect(filtered.request.params.get('category')).toBe('payments');
    filtered.flush({ items: [withdrawal, cancelled, booked, pendingBooking], total: 4 });
    await eventually(() => page.querySelectorAll('tbody tr').length === 4);
    expect(switchButton(page, 'Payments').getAttribute('aria-pressed')).toBe('true');
    const header = [...page.querySelectorAll('th')].map((cell) => cell.textContent?.trim());
    const valueColumn = header.indexOf('Value moved (test ETH)');
    expect(cells(page).map((row) => row[valueColumn])).toEqual([
      "0.05 ETH withdrawn to 0x3C44…93BC's wallet",
      '0.05 ETH refunded to 0x3C44…93BC',
      '0.05 ETH paid into escrow',
      '0.05 ETH sent, pending',
    ]);
    expect(page.querySelector('a[download]')?.getAttribute('href')).toBe('/api/transactions.csv?category=payments');

    switchButton(page, 'All transactions').click();
    const all = await listRequest(http);
    expect(all.request.params.has('category')).toBe(false);
    all.flush({ items: [], total: 0 });
    await eventually(() => page.querySelector('td.empty')?.textContent?.includes('No transactions'));
  });

  it('When an admin filters by account with payments shown, then both filters go to the API together', async () => {
    const { http, page } = await renderFor({ address: me, roles: ['admin'], doctorStatus: 'none' });
    await answer(await listRequest(http), { items: [mined], total: 1 }, page);
    switchButton(page, 'Payments').click();
    (await listRequest(http)).flush({ items: [], total: 0 });
    await eventually(() => page.querySelector('td.empty')?.textContent?.includes('No payments yet'));

    const account = page.querySelector<HTMLInputElement>('#tx-account')!;
    account.value = patientAddress;
    account.dispatchEvent(new Event('input'));
    page.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

    const filtered = await listRequest(http);
    expect(filtered.request.params.get('account')).toBe(patientAddress);
    expect(filtered.request.params.get('category')).toBe('payments');
    filtered.flush({ items: [], total: 0 });
  });

  it('When the API refuses, then its message shows as an alert', async () => {
    const { http, page } = await renderFor({ address: me, roles: ['patient'], doctorStatus: 'none' });

    (await listRequest(http)).flush(
      { error: { code: 'UNAUTHENTICATED', message: 'Sign in first' } },
      { status: 401, statusText: 'Unauthorized' },
    );

    expect(await eventually(() => page.querySelector('[role="alert"]')?.textContent?.trim())).toBe('Sign in first');
  });
});
