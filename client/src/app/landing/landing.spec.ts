import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Wallet } from 'ethers';
import { appConfigFor } from '../../testing/app-config.fixture';
import { eventually } from '../../testing/eventually';
import { TestWallet } from '../../testing/test-wallet';
import { Landing } from './landing';

describe('Landing', () => {
  let fixture: ComponentFixture<Landing>;
  let stopAnnouncing: (() => void) | undefined;

  async function open(): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [Landing],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    fixture = TestBed.createComponent(Landing);
    fixture.autoDetectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/config').flush(appConfigFor());
    http
      .expectOne('/api/me')
      .flush({ error: { code: 'UNAUTHENTICATED', message: 'Sign in' } }, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function button(page: HTMLElement, name: string): HTMLButtonElement | undefined {
    return [...page.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === name);
  }

  afterEach(() => stopAnnouncing?.());

  it('When the sign-in screen opens, then it says a session ends after 15 minutes without activity and after 8 hours', async () => {
    const page = await open();
    const notice = await eventually(
      () => page.querySelector('.session-notice')?.textContent?.match(/signed out after .*/)?.[0],
    );
    expect(notice).toContain('signed out after 15 minutes without activity');
    expect(notice).toContain('8 hours after signing in');
  });

  it('When no wallet is installed, then connecting says MetaMask was not found and links to the download', async () => {
    const page = await open();
    expect(page.querySelector('h1')?.textContent).toBe('EHR Hospital');

    button(page, 'Connect MetaMask')!.click();

    const alert = await eventually(() => page.querySelector('[role="alert"]'), 5_000);
    expect(alert.textContent).toContain('MetaMask not found');
    expect(alert.querySelector('a')?.getAttribute('href')).toBe('https://metamask.io/download/');
  });

  it('When the wallet is on another network, then the page offers the switch before signing in', async () => {
    const wallet = new TestWallet(Wallet.createRandom(), { chainId: 1 });
    stopAnnouncing = wallet.announceOn(window);
    const page = await open();

    button(page, 'Connect MetaMask')!.click();
    const switchButton = await eventually(() => button(page, 'Switch to EHR Hospital network'));
    expect(button(page, 'Sign in with Ethereum')).toBeUndefined();

    switchButton.click();

    await eventually(() => button(page, 'Sign in with Ethereum'));
    expect(wallet.methods()).toEqual(expect.arrayContaining(['wallet_switchEthereumChain', 'wallet_addEthereumChain']));
  });
});
