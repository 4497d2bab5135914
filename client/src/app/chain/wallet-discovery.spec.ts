import { TestBed } from '@angular/core/testing';
import { Wallet } from 'ethers';
import { TestWallet } from '../../testing/test-wallet';
import { WalletDiscovery } from './wallet-discovery';

describe('WalletDiscovery', () => {
  const cleanups: (() => void)[] = [];
  const browserWindow = window as Window & { ethereum?: unknown };

  afterEach(() => {
    cleanups.splice(0).forEach((cleanup) => cleanup());
    delete browserWindow.ethereum;
  });

  function installWallet(info?: { name: string; rdns: string }): TestWallet {
    const wallet = new TestWallet(Wallet.createRandom());
    cleanups.push(wallet.announceOn(window, info));
    return wallet;
  }

  it('When MetaMask and another wallet announce themselves (EIP-6963), then MetaMask is chosen', async () => {
    installWallet({ name: 'Other Wallet', rdns: 'com.example.other' });
    const metamask = installWallet({ name: 'MetaMask', rdns: 'io.metamask' });

    expect(await TestBed.inject(WalletDiscovery).discover()).toBe(metamask);
  });

  it('When only a non-MetaMask wallet announces, then that wallet is used rather than none', async () => {
    const other = installWallet({ name: 'Other Wallet', rdns: 'com.example.other' });

    expect(await TestBed.inject(WalletDiscovery).discover()).toBe(other);
  });

  it('When no wallet announces but window.ethereum exists, then the legacy provider is used', async () => {
    const legacy = new TestWallet(Wallet.createRandom());
    browserWindow.ethereum = legacy;

    expect(await TestBed.inject(WalletDiscovery).discover()).toBe(legacy);
  });

  it('When there is no wallet at all, then nothing is found', async () => {
    expect(await TestBed.inject(WalletDiscovery).discover()).toBeUndefined();
  });
});
