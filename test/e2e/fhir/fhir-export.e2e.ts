/**
 * Journey (issue 12, part 1): a patient uploads a document, then on My data downloads their FHIR record: the
 * file validates against the FHIR R4 JSON schema and its DocumentReference points at the ciphertext the chain
 * anchored (ipfs://CID). "Export with documents" saves a file whose inlined attachment is the uploaded file,
 * decrypted in the browser. Real stack (`npm start`), Debian's Chromium, a really signing wallet.
 */
import { JsonRpcProvider, decodeBase64, toBeHex } from 'ethers';
import { readFileSync } from 'node:fs';
import type { Bundle, DocumentReference } from '@medplum/fhirtypes';
import type { Page } from 'playwright-core';
import { Records__factory } from '@contracts/types';
import { FHIR_URIS } from '@api/fhir-uris';
import { devAccount } from '@test-support/dev-chain';
import { fhirValidator } from '@test-support/fhir-schema';
import { saveScreenshot } from '../support/browser';
import { describeInBrowser, useSignedInBrowser } from '../support/journey';
import { UI_TIMEOUT, openMyRecords, uploadDocument } from '../documents/support/records-app';

// Accounts of this file only: 1210 the patient.
const PATIENT = 1210;
const PANEL = 'Take your record to another provider (FHIR)';

/** Clicks `button` and answers the file the browser saved, parsed. */
async function downloadedBundle(page: Page, button: string): Promise<Bundle> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 90_000 }),
    page.getByRole('region', { name: PANEL }).getByRole('button', { name: button }).click(),
  ]);
  return JSON.parse(readFileSync(await download.path(), 'utf8')) as Bundle;
}

const documentOf = (bundle: Bundle, entryId: string): DocumentReference | undefined =>
  (bundle.entry ?? [])
    .map((entry) => entry.resource)
    .find(
      (resource): resource is DocumentReference =>
        resource?.resourceType === 'DocumentReference' &&
        (resource.identifier ?? []).some(
          (identifier) => identifier.system === FHIR_URIS.recordEntry && identifier.value === entryId,
        ),
    );

describeInBrowser('FHIR export from My data (browser)', () => {
  jest.setTimeout(300_000);
  const { signedInAs } = useSignedInBrowser();
  const chainId = Number(process.env.E2E_CHAIN_ID);
  let provider: JsonRpcProvider;

  beforeAll(async () => {
    provider = new JsonRpcProvider(process.env.E2E_RPC_URL, undefined, { cacheTimeout: -1, staticNetwork: true });
    const node = new JsonRpcProvider(process.env.E2E_CHAIN_URL, undefined, { staticNetwork: true });
    try {
      await node.send('evm_setAccountBalance', [devAccount(PATIENT).address, toBeHex(10n ** 19n)]);
    } finally {
      node.destroy();
    }
  });
  afterAll(() => provider?.destroy());

  test('When a patient with an uploaded document exports from My data, then the FHIR file is valid and points at the anchored ciphertext, and the export with documents holds the document decrypted', async () => {
    const validate = fhirValidator();
    const deployments = JSON.parse(readFileSync(process.env.E2E_DEPLOYMENTS_FILE!, 'utf8'))[String(chainId)];
    const records = Records__factory.connect(deployments['Records'].address, provider);
    const patient = await signedInAs(PATIENT);
    await patient.goTo('Patients');
    await patient.registerAsPatient({ 'First name': 'Fiona', 'Last name': 'Fhirexport' });

    // The patient uploads a file: encrypted in the browser, pinned, anchored.
    await openMyRecords(patient);
    const file = {
      name: 'lipid-panel.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('LDL 2.4 mmol/L, HDL 1.6 mmol/L'),
    };
    const { entryId } = await uploadDocument(patient, file);
    const anchored = await records.getRecord(BigInt(entryId));

    // My data → Download FHIR record (JSON): valid R4, the document as a pointer to its ciphertext only.
    await patient.page.getByRole('navigation').getByRole('link', { name: 'My data', exact: true }).click();
    await patient.page.getByRole('heading', { level: 2, name: PANEL }).waitFor({ timeout: UI_TIMEOUT });
    const record = await downloadedBundle(patient.page, 'Download FHIR record (JSON)');
    expect(validate(record)).toEqual({ valid: true, errors: [] });
    const pointer = documentOf(record, entryId);
    expect(pointer?.content).toEqual([
      expect.objectContaining({
        attachment: expect.objectContaining({
          url: `ipfs://${anchored.cid}`,
          extension: [{ url: FHIR_URIS.contentSha256, valueString: anchored.contentHash }],
        }),
      }),
    ]);
    expect(JSON.stringify(record)).not.toContain('LDL 2.4');

    // Export with documents: the browser decrypts and inlines the file; still valid R4.
    const withDocuments = await downloadedBundle(patient.page, 'Export with documents');
    expect(validate(withDocuments)).toEqual({ valid: true, errors: [] });
    const inlined = documentOf(withDocuments, entryId)!.content[0].attachment;
    expect({ contentType: inlined.contentType, title: inlined.title }).toEqual({
      contentType: 'text/plain',
      title: file.name,
    });
    expect(Buffer.from(decodeBase64(inlined.data!))).toEqual(file.buffer);
    await patient.page.getByTestId('fhir-export-done').waitFor({ timeout: UI_TIMEOUT });
    await saveScreenshot(patient.page, 'rights-fhir-export');
  });
});
