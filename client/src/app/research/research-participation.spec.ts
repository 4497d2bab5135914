import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { devAccount } from '@test-support/dev-chain';
import { scopeNames, type ResearchParticipation } from '@api';
import { appConfigFor } from '../../testing/app-config.fixture';
import { eventually } from '../../testing/eventually';
import { startTestChain, type TestChain } from '../../testing/test-chain';
import { TestWallet } from '../../testing/test-wallet';
import { AppConfigStore } from '../chain/app-config';
import { WalletConnection } from '../chain/wallet-connection';
import { ResearchParticipationPanel, aYearFrom, endOfDay } from './research-participation';

const patient = devAccount(6);
const GAS = { gasLimit: 300_000 };

describe('ResearchParticipationPanel (on an in-process chain)', () => {
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

  /** What GET /api/research/participation/me answers: the contract's view (participation-view.ts). */
  async function participationOnChain(): Promise<ResearchParticipation> {
    const [latest, live, erasedAtBlock] = await Promise.all([
      chain.researchSharing.participation(patient.address),
      chain.researchSharing.liveScope(patient.address),
      chain.erasure.erasedAtBlock(patient.address),
    ]);
    const scope = Number(latest.scope);
    return {
      patient: patient.address,
      scope,
      scopes: scopeNames(scope),
      expiresAt: scope === 0 ? null : new Date(Number(latest.expiresAt) * 1000).toISOString(),
      live: live !== 0n && erasedAtBlock === 0n,
      endedByErasure: erasedAtBlock > 0n,
    };
  }

  async function open(): Promise<HTMLElement> {
    const wallet = new TestWallet(patient, { chain });
    stopAnnouncing = wallet.announceOn(window);
    TestBed.configureTestingModule({
      imports: [ResearchParticipationPanel],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    const configLoaded = TestBed.inject(AppConfigStore).load();
    const addresses = { ResearchSharing: await chain.researchSharing.getAddress() };
    http.expectOne('/api/config').flush(appConfigFor(await chain.registry.getAddress(), addresses));
    await configLoaded;
    await TestBed.inject(WalletConnection).connect();
    const fixture = TestBed.createComponent(ResearchParticipationPanel);
    fixture.autoDetectChanges();
    await answerParticipation();
    return fixture.nativeElement as HTMLElement;
  }

  async function answerParticipation(): Promise<void> {
    const request = await eventually(() => http.match('/api/research/participation/me')[0]);
    request.flush(await participationOnChain());
  }

  const stateOf = (page: HTMLElement) => page.querySelector('[data-testid="research-state"]')?.textContent?.trim();
  const button = (page: HTMLElement, text: string) =>
    [...page.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === text);

  it('When the patient opts in to demographics and appointments only, then the chain holds that scope until the chosen day, and the panel says so', async () => {
    const page = await open();
    await eventually(() => stateOf(page) === 'You do not share data for research.');
    expect(button(page, 'Opt out')).toBeUndefined();

    const recordKinds = page.querySelector<HTMLInputElement>('#research-scope-recordKinds')!;
    recordKinds.checked = false;
    recordKinds.dispatchEvent(new Event('change'));
    button(page, 'Opt in to research')!.click();
    await answerParticipation();

    const onChain = await chain.researchSharing.participation(patient.address);
    expect(Number(onChain.scope)).toBe(1 | 2);
    expect(onChain.expiresAt).toBe(endOfDay(aYearFrom(new Date())));
    await eventually(() => stateOf(page)?.startsWith('You share demographics, appointment history for research until'));
    expect(button(page, 'Update research sharing')).toBeDefined();
  });

  it('When the patient opts out, then the chain holds no live scope and the panel offers opting in again', async () => {
    const page = await open();
    await eventually(() => button(page, 'Opt out'));

    button(page, 'Opt out')!.click();
    await answerParticipation();

    expect(await chain.researchSharing.liveScope(patient.address)).toBe(0n);
    await eventually(() => stateOf(page) === 'You do not share data for research.');
    expect(button(page, 'Opt in to research')).toBeDefined();
  });
});
