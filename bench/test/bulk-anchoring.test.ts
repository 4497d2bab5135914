import { deploySystem } from '@test-support/deploy';
import { startGanache, type GanacheServer } from '@test-support/ganache';
import type { JsonRpcProvider } from 'ethers';
import { connect, testSigners } from '../../test/contracts/helpers/chain';
import { anchorInBulk, VERIFIED_SAMPLE } from '../anchoring/bulk-anchoring';

describe('bulk anchoring, as the benchmark runs it', () => {
  let chain: GanacheServer;
  let provider: JsonRpcProvider;
  beforeAll(async () => {
    chain = await startGanache();
    provider = connect(chain.url);
  });
  afterAll(async () => {
    provider.destroy();
    await chain.close();
  });

  it('When records are anchored in bulk, then one batch holds them all and every sampled proof equals the library’s and verifies on chain', async () => {
    const [admin] = await testSigners(provider);
    const { anchoring } = await deploySystem(admin);

    const result = await anchorInBulk(anchoring, 200);

    expect(result.matchingLibrary).toBe(VERIFIED_SAMPLE);
    expect(result.verified).toBe(VERIFIED_SAMPLE);
    expect((await anchoring.getBatch(result.batchId)).leafCount).toBe(200n);
  });
});
