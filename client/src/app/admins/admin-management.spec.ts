import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Account, AdminList } from '@api';
import { DEV_ADMIN, devAccount } from '@test-support/dev-chain';
import { appConfigFor } from '../../testing/app-config.fixture';
import { eventually } from '../../testing/eventually';
import { clickButton, fillFields } from '../../testing/form-filling';
import { startTestChain, type TestChain } from '../../testing/test-chain';
import { TestWallet } from '../../testing/test-wallet';
import { Session } from '../auth/session';
import { AppConfigStore } from '../chain/app-config';
import { TransactionStatus } from '../chain/transaction-status';
import { WalletConnection } from '../chain/wallet-connection';
import { AdminManagement } from './admin-management';

describe('AdminManagement (on an in-process chain)', () => {
  let chain: TestChain;
  let stopAnnouncing: () => void;
  const admin = devAccount(DEV_ADMIN);

  beforeAll(async () => {
    chain = await startTestChain();
  });
  afterAll(() => chain.stop());
  afterEach(() => {
    stopAnnouncing();
    document.body.replaceChildren();
  });

  /** What GET /api/admins answers: the Registry's admins, read now (as the API reads them). */
  async function adminsOnChain(): Promise<AdminList> {
    const admins = await chain.registry.getRoleMembers(await chain.registry.DEFAULT_ADMIN_ROLE());
    return { admins: [...admins], count: admins.length };
  }

  async function render() {
    const wallet = new TestWallet(admin, { chain });
    stopAnnouncing = wallet.announceOn(window);
    TestBed.configureTestingModule({
      imports: [AdminManagement, TransactionStatus],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    const configLoaded = TestBed.inject(AppConfigStore).load();
    http.expectOne('/api/config').flush(appConfigFor(await chain.registry.getAddress()));
    await configLoaded;
    const signedIn = TestBed.inject(Session).refresh();
    http
      .expectOne('/api/me')
      .flush({ address: admin.address, roles: ['admin'], doctorStatus: 'none' } satisfies Account);
    await signedIn;
    await TestBed.inject(WalletConnection).connect();
    const fixture = TestBed.createComponent(AdminManagement);
    const status = TestBed.createComponent(TransactionStatus);
    fixture.autoDetectChanges();
    status.autoDetectChanges();
    const page = fixture.nativeElement as HTMLElement;
    document.body.append(page);
    // The screen reloads the list after each mined change: answer it with the chain's admins at that moment
    // (a transaction on a loaded machine can take longer than eventually's default wait).
    const answerList = async () => {
      const request = await eventually(() => http.match('/api/admins')[0], 60_000);
      request.flush(await adminsOnChain());
    };
    await answerList();
    await eventually(() => page.querySelector('tbody td .mono'));
    const statusText = () =>
      (status.nativeElement as HTMLElement).querySelector('[role="status"]')?.textContent?.trim();
    return { wallet, http, page, statusText, answerList };
  }

  const removeButtons = (page: HTMLElement) =>
    [...page.querySelectorAll<HTMLButtonElement>('button')].filter((button) => button.textContent?.trim() === 'Remove');

  it('When there is only one admin, then removing is disabled and the page explains why', async () => {
    const { page } = await render();

    expect(page.textContent).toContain(admin.address);
    expect(page.textContent).toContain('(you)');
    const [remove] = removeButtons(page);
    expect(remove.disabled).toBe(true);
    expect(page.querySelector(`#${remove.getAttribute('aria-describedby')}`)?.textContent).toContain(
      'The last admin cannot be removed',
    );
  });

  it('When the admin adds a second admin and then removes them, then both transactions are mined from the admin’s wallet and the list follows', async () => {
    const { page, statusText, answerList } = await render();
    const second = devAccount(7).address;

    fillFields(page, { 'Account address': ` ${second} ` });
    clickButton(page, 'Add admin');
    await answerList();
    expect(await chain.registry.isAdmin(second)).toBe(true);
    expect(statusText()).toBe('Confirmed');
    await eventually(() => removeButtons(page).length === 2 && removeButtons(page).every((button) => !button.disabled));

    removeButtons(page)
      .find((button) => button.getAttribute('aria-label') === `Remove admin ${second}`)!
      .click();
    await answerList();
    expect(await chain.registry.isAdmin(second)).toBe(false);
    await eventually(() => removeButtons(page).length === 1 && removeButtons(page)[0].disabled);
  });

  it('When the address typed is not an account, then the form says so and no transaction starts', async () => {
    const { wallet, page } = await render();

    fillFields(page, { 'Account address': '0x1234' });
    clickButton(page, 'Add admin');

    await eventually(() => page.textContent?.includes('0x followed by 40 hexadecimal characters'));
    expect(wallet.methods()).not.toContain('eth_call');
  });
});
