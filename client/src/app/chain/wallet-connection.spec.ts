import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Wallet } from 'ethers';
import { CHAIN_ID } from '@test-support/dev-chain';
import { appConfigFor } from '../../testing/app-config.fixture';
import { eventually } from '../../testing/eventually';
import { TestWallet } from '../../testing/test-wallet';
import { AppConfigStore } from './app-config';
import { WalletConnection } from './wallet-connection';

describe('WalletConnection', () => {
  let stopAnnouncing: () => void;

  /** The app with its config loaded and `wallet` installed in the browser. */
  async function setUp(wallet: TestWallet): Promise<WalletConnection> {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    stopAnnouncing = wallet.announceOn(window);
    const configLoaded = TestBed.inject(AppConfigStore).load();
    TestBed.inject(HttpTestingController).expectOne('/api/config').flush(appConfigFor());
    await configLoaded;
    return TestBed.inject(WalletConnection);
  }

  afterEach(() => stopAnnouncing());

  it('When the wallet is on another chain it does not know, then switching adds the EHR Hospital network', async () => {
    const wallet = new TestWallet(Wallet.createRandom(), { chainId: 1 });
    const connection = await setUp(wallet);

    expect(await connection.connect()).toBe(true);
    expect(connection.wrongNetwork()).toBe(true);

    expect(await connection.switchNetwork()).toBe(true);
    expect(wallet.methods()).toEqual(expect.arrayContaining(['wallet_switchEthereumChain', 'wallet_addEthereumChain']));
    const added = wallet.requests.find((request) => request.method === 'wallet_addEthereumChain');
    expect(added?.params[0]).toEqual({
      chainId: '0x539',
      chainName: 'EHR Hospital Dev',
      rpcUrls: ['http://127.0.0.1:3000/rpc'],
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    });
    expect(connection.chainId()).toBe(CHAIN_ID);
    expect(connection.wrongNetwork()).toBe(false);
  });

  it('When the wallet already knows the network, then it is switched without being added again', async () => {
    const wallet = new TestWallet(Wallet.createRandom(), { chainId: 1, knownChainIds: [1, CHAIN_ID] });
    const connection = await setUp(wallet);
    await connection.connect();

    await connection.switchNetwork();

    expect(wallet.methods()).toContain('wallet_switchEthereumChain');
    expect(wallet.methods()).not.toContain('wallet_addEthereumChain');
    expect(connection.wrongNetwork()).toBe(false);
  });

  it('When the person picks another account in the wallet, then the app follows and reports the change', async () => {
    const wallet = new TestWallet(Wallet.createRandom());
    const connection = await setUp(wallet);
    await connection.connect();
    const changes: (string | null)[] = [];
    connection.accountChanges.subscribe((account) => changes.push(account));
    const other = Wallet.createRandom().address;

    wallet.emit('accountsChanged', [other.toLowerCase()]);

    // The new address is checksummed by ethers, imported on demand, so it lands a tick later.
    await eventually(() => connection.account() !== wallet.address);
    expect(connection.account()).toBe(other);
    expect(changes).toEqual([other]);
  });
});
