import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { DEV_ADMIN, devAccount } from '@test-support/dev-chain';
import type { ResearchExportSummary } from '@api';
import { appConfigFor } from '../../testing/app-config.fixture';
import { eventually } from '../../testing/eventually';
import { startTestChain, type TestChain } from '../../testing/test-chain';
import { TestWallet } from '../../testing/test-wallet';
import { AppConfigStore } from '../chain/app-config';
import { WalletConnection } from '../chain/wallet-connection';
import { ResearchExports } from './research-exports';

const admin = devAccount(DEV_ADMIN);
const level = (value: number, maxLevel: number, name: string) => ({ level: value, maxLevel, name });
const histogram = (counts: Record<string, number>, sensitivity: number) => ({
  sensitivity,
  epsilon: 0.5 / 3,
  scale: sensitivity / (0.5 / 3),
  counts,
});

const summary: ResearchExportSummary = {
  id: '8a7c7e0e-1c7b-4a39-9b5c-2f6d5f0c9a11',
  hash: `0x${'5e'.repeat(32)}`,
  createdAt: '2026-11-27T10:00:00.000Z',
  createdBy: admin.address,
  k: 7,
  epsilon: 0.5,
  epsilonMilli: 500,
  eligiblePatients: 31,
  patientCount: 29,
  equivalenceClasses: 3,
  informationLoss: {
    generalisation: {
      age: level(2, 4, '10-year band'),
      sex: level(1, 1, 'suppressed'),
      location: level(1, 2, 'state'),
      speciality: level(1, 2, 'group'),
    },
    precisionLoss: 0.5167,
    suppressed: 2,
    discernibility: 341,
    averageClassSize: 9.6667,
    normalisedAverageClassSize: 1.381,
  },
  aggregates: {
    mechanism: 'laplace',
    epsilon: 0.5,
    patientsPerAgeBand: histogram({ '30-39': 12, '40-49': 17 }, 1),
    patientsPerSpeciality: histogram({ Cardiology: 8 }, 9),
    patientsPerRecordKind: histogram({ prescription: 4 }, 5),
  },
  anchor: null,
};

describe('ResearchExports (on an in-process chain)', () => {
  let chain: TestChain;
  let http: HttpTestingController;
  let stopAnnouncing: () => void;

  beforeAll(async () => {
    chain = await startTestChain();
  });
  afterAll(() => chain.stop());
  afterEach(() => stopAnnouncing());

  async function open(): Promise<HTMLElement> {
    const wallet = new TestWallet(admin, { chain });
    stopAnnouncing = wallet.announceOn(window);
    TestBed.configureTestingModule({
      imports: [ResearchExports],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    const configLoaded = TestBed.inject(AppConfigStore).load();
    const addresses = { ResearchSharing: await chain.researchSharing.getAddress() };
    http.expectOne('/api/config').flush(appConfigFor(await chain.registry.getAddress(), addresses));
    await configLoaded;
    await TestBed.inject(WalletConnection).connect();
    const fixture = TestBed.createComponent(ResearchExports);
    fixture.autoDetectChanges();
    const list = await eventually(() => http.match('/api/research/exports')[0]);
    list.flush({ items: [], defaults: { k: 7, epsilon: 0.5 } });
    return fixture.nativeElement as HTMLElement;
  }

  const text = (page: HTMLElement, testId: string) =>
    page.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
  const button = (page: HTMLElement, label: string) =>
    [...page.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === label);

  it("When the admin runs an export with the server's defaults and anchors it, then its summary shows and its hash is on chain with its counts", async () => {
    const page = await open();
    await eventually(() => page.querySelector<HTMLInputElement>('#research-k')?.value === '7');
    expect(page.querySelector<HTMLInputElement>('#research-epsilon')!.value).toBe('0.5');

    button(page, 'Run export')!.click();
    const created = await eventually(() => http.match({ method: 'POST', url: '/api/research/exports' })[0]);
    expect(created.request.body).toEqual({ k: 7, epsilon: 0.5 });
    created.flush(summary);
    (await eventually(() => http.match('/api/research/exports')[0])).flush({
      items: [summary],
      defaults: { k: 7, epsilon: 0.5 },
    });
    await eventually(() => text(page, 'exported') === '29');
    expect(text(page, 'eligible')).toBe('31');
    expect(text(page, 'research-summary')).toContain('Age: 10-year band (level 2 of 4)');
    expect(text(page, 'research-summary')).toContain('Patients per speciality (Laplace scale 54)');
    await eventually(() => text(page, 'research-list')?.includes('Not anchored'));

    button(page, 'Anchor on chain')!.click();
    const listed = await eventually(() => http.match('/api/research/exports')[0], 20_000);
    const exportId = await chain.researchSharing.exportIdOf(summary.hash);
    expect(exportId).toBe(1n);
    const onChain = await chain.researchSharing.getExport(exportId);
    expect([onChain.patientCount, onChain.k, onChain.epsilonMilli]).toEqual([29n, 7n, 500n]);
    const anchor = {
      exportId: 1,
      admin: admin.address,
      transactionHash: `0x${'11'.repeat(32)}`,
      blockNumber: 12,
      anchoredAt: '2026-11-27T10:01:00.000Z',
    };
    listed.flush({ items: [{ ...summary, anchor }], defaults: { k: 7, epsilon: 0.5 } });
    await eventually(() => text(page, 'summary-anchor') === 'Anchored as export #1 in block 12');
    await eventually(() => text(page, 'research-list')?.includes('Anchored #1 (block 12)'));
  });
});
