import { pickFreePort } from '../../../../scripts/dev/app-address';
import { CHAIN_ID } from '@test-support/dev-chain';
import { toAppError } from '../errors';
import { createProvider } from './chain-provider';

/** A port nothing listens on: a free one, bound and released. */
const closedPort = () => pickFreePort('127.0.0.1');

describe('the API’s chain provider', () => {
  test('When the chain node is down, then a chain call fails with a 503 CHAIN_UNAVAILABLE the error middleware passes on', async () => {
    const provider = createProvider(`http://127.0.0.1:${await closedPort()}`, CHAIN_ID);
    try {
      const failure = await provider.getBlockNumber().then(
        () => undefined,
        (error: unknown) => error,
      );

      expect(toAppError(failure)).toMatchObject({ status: 503, code: 'CHAIN_UNAVAILABLE' });
    } finally {
      provider.destroy();
    }
  });
});
