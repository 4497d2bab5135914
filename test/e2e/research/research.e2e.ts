/**
 * Journey: research sharing by opt-in. A patient registers and opts in from My data (their wallet signs
 * ResearchSharing.optIn); five other patients opted in on chain beforehand, so six live opt-ins can make a
 * 5-anonymous export. The admin runs an export on the Research page, sees the patient counted among the
 * exported and pseudonymised, and anchors the export's hash on chain. Screenshots: test-results/e2e/ (docs/screenshots/rights-research.png is a copy).
 */
import { readFileSync } from 'node:fs';
import { JsonRpcProvider, Wallet, parseEther } from 'ethers';
import { Registry__factory, ResearchSharing__factory } from '@contracts/types';
import { devAccount } from '@test-support/dev-chain';
import { describeInBrowser, screenshotsAtBothWidths, useSignedInBrowser } from '../support/journey';

// Accounts used only by this journey (funded here): 560 the patient in the browser, 561–565 patients who
// opted in on chain; 0 is the admin.
const PATIENT = 560;
const OTHERS = [561, 562, 563, 564, 565];
const GAS = { gasLimit: 500_000 };

describeInBrowser('Research sharing journey (browser)', () => {
  jest.setTimeout(240_000);
  const { signedInAs } = useSignedInBrowser();
  let provider: JsonRpcProvider;
  let addresses: Record<string, { address: string }>;

  beforeAll(async () => {
    provider = new JsonRpcProvider(process.env.E2E_RPC_URL, undefined, { cacheTimeout: -1, staticNetwork: true });
    addresses = JSON.parse(readFileSync(process.env.E2E_DEPLOYMENTS_FILE!, 'utf8'))[process.env.E2E_CHAIN_ID!];
    const admin = new Wallet(devAccount(0).privateKey, provider);
    for (const index of [PATIENT, ...OTHERS]) {
      await (await admin.sendTransaction({ to: devAccount(index).address, value: parseEther('5'), ...GAS })).wait();
    }
    const inAYear = Math.floor(Date.now() / 1000) + 365 * 86_400;
    for (const index of OTHERS) {
      const wallet = new Wallet(devAccount(index).privateKey, provider);
      await (await Registry__factory.connect(addresses['Registry'].address, wallet).registerPatient(GAS)).wait();
      const research = ResearchSharing__factory.connect(addresses['ResearchSharing'].address, wallet);
      await (await research.optIn(7, inAYear, GAS)).wait();
    }
  });
  afterAll(() => provider?.destroy());

  test('When a patient opts in from My data, then an admin export counts them, pseudonymised, and its hash is anchored on chain', async () => {
    const patient = await signedInAs(PATIENT);
    await patient.registerAsPatient({
      'First name': 'Rosalind',
      'Last name': 'Sharewell',
      Email: 'rosalind@example.org',
    });
    await patient.page.getByRole('navigation').getByRole('link', { name: 'My data', exact: true }).click();
    const panel = patient.page.getByRole('region', { name: 'Research sharing' });
    await patient.waitForText(panel, 'You do not share data for research.');
    await panel.getByRole('checkbox', { name: /Record kinds/ }).uncheck();
    await patient.button('Opt in to research').click();
    await patient.waitForTransaction();
    await patient.waitForText(panel, /^You share demographics, appointment history for research until/);
    const research = ResearchSharing__factory.connect(addresses['ResearchSharing'].address, provider);
    expect(await research.liveScope(devAccount(PATIENT).address)).toBe(3n);
    await screenshotsAtBothWidths(patient.page, 'research-01-patient-opted-in');

    const admin = await signedInAs(0);
    await admin.page.getByRole('navigation').getByRole('link', { name: 'Research', exact: true }).click();
    await admin.page.getByRole('heading', { level: 1, name: 'Research exports' }).waitFor();
    await admin.page.getByLabel(/^k \(at least 5\)/).fill('5');
    await admin.button('Run export').click();
    const summary = admin.page.getByTestId('research-summary');
    await summary.waitFor();
    const eligible = Number(await summary.getByTestId('eligible').textContent());
    const exported = Number(await summary.getByTestId('exported').textContent());
    expect(eligible).toBeGreaterThanOrEqual(OTHERS.length + 1);
    expect(exported).toBeGreaterThanOrEqual(OTHERS.length + 1);
    const page = await summary.textContent();
    expect(page).not.toContain('Rosalind');
    expect(page?.toLowerCase()).not.toContain(devAccount(PATIENT).address.slice(2).toLowerCase());

    await admin.button('Anchor on chain').click();
    await admin.waitForTransaction();
    await admin.waitForText(summary, /^Anchored as export #\d+ in block \d+$/);
    await admin.waitForText(admin.page.getByTestId('research-list'), /Anchored #\d+/);
    expect(await research.exportCount()).toBeGreaterThanOrEqual(1n);
    await screenshotsAtBothWidths(admin.page, 'research-02-admin-export-anchored');
  });
});
