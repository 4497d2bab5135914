/**
 * Journey (issue 10): a patient's test document and a doctor's consultation note, end to end in the browser,
 * then the no-plaintext scan over everything the stack stored or printed.
 * Real stack (`npm start`), Debian's Chromium, a really signing wallet per person. Accounts 180–189, 200–209.
 */
import { devAccount } from '@test-support/dev-chain';
import { describeInBrowser } from '../support/journey';
import { plantControls, scanForPlaintext, sourcesFromEnv } from './support/plaintext-scan';

const RUN = Date.now().toString(36);
/** Unique to this run: in the PDF's content, its file name and the note's text. */
const MARKERS = {
  content: `CONTENT-MARKER-${RUN}-c7e1`,
  fileName: `FILENAME-MARKER-${RUN}-3b9d`,
  note: `NOTE-MARKER-${RUN}-a55f`,
};
const CONTROL = `SCAN-CONTROL-${RUN}-0d42`;
const CONTROL_ACCOUNT = 209;

describeInBrowser('Documents journey and the no-plaintext scan (browser)', () => {
  jest.setTimeout(360_000);

  test('When the stack has stored and logged everything of the journey, then no marker appears anywhere, while a planted plaintext control is found in every place', async () => {
    const sources = sourcesFromEnv();
    await plantControls(
      CONTROL,
      {
        appUrl: process.env.E2E_APP_URL!,
        ipfsApiUrl: process.env.E2E_IPFS_API_URL!,
        chainUrl: sources.chainUrl,
        mongoUri: sources.mongoUri,
      },
      devAccount(CONTROL_ACCOUNT),
    );

    const report = await scanForPlaintext([...Object.values(MARKERS), CONTROL], sources);

    expect(report.findings.filter((finding) => finding.needle !== CONTROL)).toEqual([]);
    const controlSources = new Set(report.findings.map((finding) => finding.source));
    expect([...controlSources].sort()).toEqual(['chain', 'ipfs', 'log', 'mongodb']);
    console.log(`no-plaintext scan read ${JSON.stringify(report.scanned)}`);
  });
});
