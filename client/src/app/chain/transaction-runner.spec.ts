import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Registry__factory } from '@contracts/types';
import { devAccount } from '@test-support/dev-chain';
import { appConfigFor } from '../../testing/app-config.fixture';
import { eventually } from '../../testing/eventually';
import { startTestChain, type TestChain } from '../../testing/test-chain';
import { TestWallet } from '../../testing/test-wallet';
import { AppConfigStore } from './app-config';
import { ChainContracts } from './contracts';
import { TransactionRunner } from './transaction-runner';
import { WalletConnection } from './wallet-connection';

describe('TransactionRunner (on an in-process chain)', () => {
  let chain: TestChain;
  let stopAnnouncing: () => void;

  beforeAll(async () => {
    chain = await startTestChain();
  });
  afterAll(() => chain.stop());
  afterEach(() => stopAnnouncing());

  async function connectAs(accountIndex: number) {
    const wallet = new TestWallet(devAccount(accountIndex), { chain });
    stopAnnouncing = wallet.announceOn(window);
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpTestingController);
    const configLoaded = TestBed.inject(AppConfigStore).load();
    http.expectOne('/api/config').flush(appConfigFor(await chain.registry.getAddress()));
    await configLoaded;
    await TestBed.inject(WalletConnection).connect();
    const contracts = TestBed.inject(ChainContracts);
    const registry = () => contracts.connect('Registry', Registry__factory);
    return { wallet, http, runner: TestBed.inject(TransactionRunner), registry };
  }

  it('When a write with an action label is sent, then its hash and the words are reported to the Transaction Records', async () => {
    const { wallet, http, runner, registry } = await connectAs(4);

    const mined = runner.sendAs('Registered as a patient', registry, (contract) => contract.registerPatient);
    const report = await eventually(() => http.match({ method: 'POST', url: '/api/transactions' })[0]);
    report.flush({});

    expect(await mined).toBe(true);
    const { hash, action } = report.request.body as { hash: string; action: string };
    expect(action).toBe('Registered as a patient');
    expect((await chain.provider.getTransaction(hash))?.from).toBe(wallet.address);
    expect(await chain.registry.isPatient(wallet.address)).toBe(true);
  });

  it('When the records cannot be told, then the transaction still counts as confirmed', async () => {
    const { http, runner, registry } = await connectAs(5);

    const mined = runner.send(registry, (contract) => contract.registerPatient);
    const report = await eventually(() => http.match({ method: 'POST', url: '/api/transactions' })[0]);
    report.flush({ error: { code: 'INTERNAL', message: 'down' } }, { status: 503, statusText: 'Service Unavailable' });

    expect(await mined).toBe(true);
    expect(Object.keys(report.request.body as object)).toEqual(['hash']);
    expect(runner.status()).toEqual({
      phase: 'confirmed',
      message: 'Confirmed',
      hash: expect.stringMatching(/^0x[0-9a-f]{64}$/),
    });
  });

  it('When the dry run reverts, then nothing is sent and nothing is reported', async () => {
    const { http, runner, registry } = await connectAs(4);

    expect(await runner.sendAs('Registered as a patient', registry, (contract) => contract.registerPatient)).toBe(
      false,
    );
    http.expectNone({ method: 'POST', url: '/api/transactions' });
  });
});
