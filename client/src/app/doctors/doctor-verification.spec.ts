import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ZeroHash } from 'ethers';
import { devAccount } from '@test-support/dev-chain';
import { licenceCommitment } from '@test-support/licences';
import { appConfigFor } from '../../testing/app-config.fixture';
import { eventually } from '../../testing/eventually';
import { startTestChain, type TestChain } from '../../testing/test-chain';
import { TestWallet } from '../../testing/test-wallet';
import type { Account } from '@api';
import { Session } from '../auth/session';
import { AppConfigStore } from '../chain/app-config';
import { WalletConnection } from '../chain/wallet-connection';
import type { DoctorView } from '@api';
import { DoctorVerification } from './doctor-verification';

const admin = devAccount(0);
const doctorRow = (index: number, status: DoctorView['status'], displayName: string): DoctorView => ({
  address: devAccount(index).address,
  status,
  licenceHash: licenceCommitment(`GMC-${index}`, ZeroHash),
  speciality: 2,
  displayName,
  registeredAt: '2026-01-05T10:00:00.000Z',
  updatedAt: '2026-01-05T10:00:00.000Z',
});

describe('DoctorVerification', () => {
  let chain: TestChain;
  let http: HttpTestingController;
  let stopAnnouncing: () => void;

  beforeAll(async () => {
    chain = await startTestChain();
  });
  afterAll(() => chain.stop());
  afterEach(() => stopAnnouncing());

  async function openAs(account: Account): Promise<{ page: HTMLElement; wallet: TestWallet }> {
    const wallet = new TestWallet(admin, { chain });
    stopAnnouncing = wallet.announceOn(window);
    TestBed.configureTestingModule({
      imports: [DoctorVerification],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    const ready = Promise.all([TestBed.inject(AppConfigStore).load(), TestBed.inject(Session).refresh()]);
    http.expectOne('/api/config').flush(appConfigFor(await chain.registry.getAddress()));
    http.expectOne('/api/me').flush(account);
    await ready;
    await TestBed.inject(WalletConnection).connect();
    const fixture = TestBed.createComponent(DoctorVerification);
    fixture.autoDetectChanges();
    return { page: fixture.nativeElement as HTMLElement, wallet };
  }

  async function answerList(items: DoctorView[]): Promise<TestRequest> {
    const request = await eventually(() => http.match((candidate) => candidate.url === '/api/doctors')[0]);
    request.flush({ items, total: items.length });
    return request;
  }

  function rowOf(page: HTMLElement, name: string): HTMLTableRowElement {
    return [...page.querySelectorAll('tbody tr')].find((row) => row.textContent?.includes(name)) as HTMLTableRowElement;
  }

  function buttonsIn(row: Element): string[] {
    return [...row.querySelectorAll('button')].map(
      (button) => button.getAttribute('aria-label') ?? button.textContent.trim(),
    );
  }

  it('When an admin opens the list, then pending and revoked doctors can be verified, and only non-revoked ones revoked', async () => {
    const { page } = await openAs({ address: admin.address, roles: ['admin'], doctorStatus: 'none' });
    await answerList([
      doctorRow(1, 'pending', 'Dr. Pending'),
      doctorRow(2, 'verified', 'Dr. Verified'),
      doctorRow(3, 'revoked', 'Dr. Revoked'),
    ]);
    await eventually(() => rowOf(page, 'Dr. Revoked'));

    expect(buttonsIn(rowOf(page, 'Dr. Pending'))).toEqual([
      'Check licence of Dr. Pending',
      'Verify Dr. Pending',
      'Revoke Dr. Pending',
    ]);
    expect(buttonsIn(rowOf(page, 'Dr. Verified'))).toEqual(['Check licence of Dr. Verified', 'Revoke Dr. Verified']);
    expect(buttonsIn(rowOf(page, 'Dr. Revoked'))).toEqual(['Check licence of Dr. Revoked', 'Verify Dr. Revoked']);
    expect(rowOf(page, 'Dr. Pending').textContent).toContain('pending verification');
    expect(rowOf(page, 'Dr. Pending').textContent).toContain('Cardiology');
  });

  it('When someone who is not an admin opens the list, then only verified doctors are asked for and no actions are offered', async () => {
    const { page } = await openAs({ address: devAccount(4).address, roles: ['patient'], doctorStatus: 'none' });
    const request = await answerList([doctorRow(2, 'verified', 'Dr. Verified')]);
    await eventually(() => rowOf(page, 'Dr. Verified'));

    expect(request.request.params.get('status')).toBe('verified');
    expect(
      [...page.querySelectorAll('#doctor-status-filter option')].map((option) => option.textContent?.trim()),
    ).toEqual(['Verified']);
    expect(buttonsIn(rowOf(page, 'Dr. Verified'))).toEqual([]);
    expect(page.querySelectorAll('a').length).toBe(0); // no Add doctor, no Edit
  });

  it('When a verified doctor renamed themselves, then the admin sees the name they were verified under', async () => {
    const { page } = await openAs({ address: admin.address, roles: ['admin'], doctorStatus: 'none' });
    const renamed = {
      ...doctorRow(2, 'verified', 'Dr. Chief'),
      nameChangedAfterVerification: { previousDisplayName: 'Dr. Grace', changedAt: '2026-01-01T00:00:00.000Z' },
    };
    await answerList([renamed]);

    const row = await eventually(() => rowOf(page, 'Dr. Chief'));
    expect(row.textContent).toContain('Renamed after verification (verified as “Dr. Grace”)');
  });

  it('When the admin filters by status, then the API is asked for that status only', async () => {
    const { page } = await openAs({ address: admin.address, roles: ['admin'], doctorStatus: 'none' });
    await answerList([]);
    const filter = page.querySelector<HTMLSelectElement>('#doctor-status-filter')!;

    filter.value = 'pending';
    filter.dispatchEvent(new Event('change'));

    const request = await answerList([]);
    expect(request.request.params.get('status')).toBe('pending');
  });

  it('When the admin filters by speciality and city and sorts by name, then the API is asked for exactly that, from the first page', async () => {
    const { page } = await openAs({ address: admin.address, roles: ['admin'], doctorStatus: 'none' });
    const first = await answerList([]);
    expect(first.request.params.get('sort')).toBe('registered');
    expect(first.request.params.get('order')).toBe('desc');

    const speciality = page.querySelector<HTMLSelectElement>('#doctor-speciality-filter')!;
    speciality.selectedIndex = [...speciality.options].findIndex((option) => option.text.trim() === 'Neurology');
    speciality.dispatchEvent(new Event('change'));
    await answerList([]);
    const city = page.querySelector<HTMLInputElement>('#doctor-city-filter')!;
    city.value = ' Leeds ';
    city.dispatchEvent(new Event('input'));
    city.dispatchEvent(new Event('change'));
    await answerList([]);
    const sort = page.querySelector<HTMLSelectElement>('#doctor-sort')!;
    sort.value = 'name:asc';
    sort.dispatchEvent(new Event('change'));

    const request = await answerList([]);
    expect(request.request.params.keys().sort()).toEqual(['city', 'limit', 'offset', 'order', 'sort', 'speciality']);
    expect(request.request.params.get('speciality')).toBe('7');
    expect(request.request.params.get('city')).toBe('Leeds');
    expect(request.request.params.get('sort')).toBe('name');
    expect(request.request.params.get('order')).toBe('asc');
    expect(request.request.params.get('offset')).toBe('0');
  });

  it('When an admin opens the list, then Add doctor and each row’s Edit lead to the editor; others see neither', async () => {
    const { page } = await openAs({ address: admin.address, roles: ['admin'], doctorStatus: 'none' });
    await answerList([doctorRow(1, 'pending', 'Dr. Pending')]);
    const edit = await eventually(() =>
      rowOf(page, 'Dr. Pending')?.querySelector<HTMLAnchorElement>('a[aria-label="Edit Dr. Pending"]'),
    );
    expect(edit.getAttribute('href')).toBe(`/${devAccount(1).address}/edit`);
    expect([...page.querySelectorAll('a')].map((link) => link.textContent?.trim())).toContain('Add doctor');
  });

  it('When the admin verifies a pending doctor, then verifyDoctor is mined and the list refreshes until it shows verified', async () => {
    const doctor = devAccount(1);
    const doctorSigner = await chain.provider.getSigner(doctor.address);
    await (
      await chain.registry
        .connect(doctorSigner)
        .registerDoctor(licenceCommitment('GMC-1', ZeroHash), 2, { gasLimit: 300_000 })
    ).wait();
    const { page } = await openAs({ address: admin.address, roles: ['admin'], doctorStatus: 'none' });
    await answerList([doctorRow(1, 'pending', 'Dr. Ada Byron')]);
    const verify = await eventually(() =>
      rowOf(page, 'Dr. Ada Byron')?.querySelector<HTMLButtonElement>('button[aria-label="Verify Dr. Ada Byron"]'),
    );

    verify.click();

    // The read model lags the chain: the first reload still says pending, the next one catches up.
    await answerList([doctorRow(1, 'pending', 'Dr. Ada Byron')]);
    await answerList([doctorRow(1, 'verified', 'Dr. Ada Byron')]);
    await eventually(
      () =>
        rowOf(page, 'Dr. Ada Byron').textContent?.includes('verified') &&
        !rowOf(page, 'Dr. Ada Byron').textContent?.includes('pending'),
    );
    expect(await chain.registry.isVerifiedDoctor(doctor.address)).toBe(true);
  });

  it.each([
    [true, 'Matches the chain'],
    [false, 'Does not match the chain'],
  ])(
    'When the admin checks a doctor’s licence (it opens the chain hash: %s), then the number and "%s" are shown',
    async (matchesChain, verdict) => {
      const { page } = await openAs({ address: admin.address, roles: ['admin'], doctorStatus: 'none' });
      const doctor = doctorRow(1, 'pending', 'Dr. Ada Byron');
      await answerList([doctor]);
      const check = await eventually(() =>
        rowOf(page, 'Dr. Ada Byron')?.querySelector<HTMLButtonElement>(
          'button[aria-label="Check licence of Dr. Ada Byron"]',
        ),
      );

      check.click();

      const request = await eventually(() => http.match(`/api/doctors/${doctor.address}/licence`)[0]);
      request.flush({
        address: doctor.address,
        licenceNumber: 'GMC-1',
        salt: ZeroHash,
        licenceHash: doctor.licenceHash,
        matchesChain,
      });
      await eventually(() => rowOf(page, 'Dr. Ada Byron').textContent?.includes(verdict));
      expect(rowOf(page, 'Dr. Ada Byron').textContent).toContain('GMC-1');
      expect(rowOf(page, 'Dr. Ada Byron').textContent).not.toContain(
        matchesChain ? 'Does not match' : 'Matches the chain',
      );
    },
  );
});
