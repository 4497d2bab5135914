import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ZeroHash, hexlify, randomBytes } from 'ethers';
import { devAccount } from '@test-support/dev-chain';
import { appConfigFor } from '../../testing/app-config.fixture';
import { eventually } from '../../testing/eventually';
import { fillFields } from '../../testing/form-filling';
import { startTestChain, type TestChain } from '../../testing/test-chain';
import { TestWallet } from '../../testing/test-wallet';
import { Session } from '../auth/session';
import { AppConfigStore } from '../chain/app-config';
import { WalletConnection } from '../chain/wallet-connection';
import { ErasureRequest } from './erasure-request';

const admin = devAccount(0);
const patient = devAccount(6);
const GAS = { gasLimit: 300_000 };

describe('ErasureRequest (an admin erasing on a verified request, on an in-process chain)', () => {
  let chain: TestChain;
  let http: HttpTestingController;
  let stopAnnouncing: () => void;

  beforeAll(async () => {
    chain = await startTestChain();
    const signer = await chain.provider.getSigner(patient.address);
    await (await chain.registry.connect(signer).registerPatient(GAS)).wait();
  });
  afterAll(() => chain.stop());
  afterEach(() => stopAnnouncing());

  async function open(roles: string[]): Promise<HTMLElement> {
    const wallet = new TestWallet(admin, { chain });
    stopAnnouncing = wallet.announceOn(window);
    TestBed.configureTestingModule({
      imports: [ErasureRequest],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    const configLoaded = TestBed.inject(AppConfigStore).load();
    http
      .expectOne('/api/config')
      .flush(appConfigFor(await chain.registry.getAddress(), { Erasure: await chain.erasure.getAddress() }));
    await configLoaded;
    const session = TestBed.inject(Session).refresh();
    http.expectOne('/api/me').flush({ address: admin.address, roles, doctorStatus: 'none' });
    await session;
    await TestBed.inject(WalletConnection).connect();
    const fixture = TestBed.createComponent(ErasureRequest);
    fixture.componentRef.setInput('patient', patient.address);
    fixture.autoDetectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('When the viewer is not an admin, then nothing is shown', async () => {
    const page = await open(['doctor']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(page.textContent?.trim()).toBe('');
  });

  it('When an admin gives a reference and the verification, then the request is recorded and eraseFor is mined with its commitment', async () => {
    const page = await open(['admin']);
    await eventually(() => page.querySelector('#erasure-reference'));
    const button = [...page.querySelectorAll('button')].find((b) => b.textContent?.includes('Erase this patient'))!;
    expect(button.disabled).toBe(true);
    fillFields(page, {
      'Request reference': 'GDPR-2026-0042',
      'How the request was verified': 'Passport checked at the front desk',
    });
    await eventually(() => !button.disabled);

    button.click();

    const request = await eventually(() => http.match('/api/erasure/requests')[0]);
    expect(request.request.body).toEqual({
      patient: patient.address,
      reference: 'GDPR-2026-0042',
      verification: 'Passport checked at the front desk',
    });
    const commitment = hexlify(randomBytes(32));
    request.flush({ patient: patient.address, commitment, createdAt: '2026-11-27T10:00:00.000Z' });
    const status = await eventually(() => http.match(`/api/erasure/status/${patient.address}`)[0], 10_000);
    const [erased] = await chain.erasure.queryFilter(chain.erasure.filters.PatientErased(patient.address));
    expect(erased.args.requestCommitment).toBe(commitment);
    expect(erased.args.requestCommitment).not.toBe(ZeroHash);
    status.flush({
      patient: patient.address,
      erased: true,
      erasedAt: '2026-11-27T10:00:00.000Z',
      erasedBy: admin.address,
      byAdmin: true,
      blockNumber: erased.blockNumber,
      transactionHash: erased.transactionHash,
      shredded: true,
      shreddedAt: '2026-11-27T10:00:01.000Z',
      documentsRemoved: 0,
      remains: { recordPointers: 0, appointmentEvents: 0, consentEvents: 0, accessLogEntries: 0 },
    });
    await eventually(() => page.textContent?.includes('keys and personal data destroyed'));
  });
});
