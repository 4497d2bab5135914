import { createServer } from 'node:net';
import request from 'supertest';
import { Wallet, parseEther, toBeHex } from 'ethers';
import { CHAIN_ID } from '@test-support/dev-chain';
import { createApp } from '../../../app';
import {
  openTestApp,
  testChain,
  devWallet,
  fundedWallet,
  PUBLIC_ORIGIN,
  type TestApp,
  type TestChain,
} from '../../../test-support/test-app';
import { MAX_BATCH_CALLS } from '..';

// Accounts used only by this file (the chain is shared by all server test files): 30 sends a signed transfer.
let testApp: TestApp;
let chain: TestChain;

beforeAll(async () => {
  testApp = await openTestApp('rpc-gateway');
  chain = await testChain();
});
afterAll(async () => {
  await testApp?.close();
  chain?.close();
});

const call = (method: string, params: unknown[] = [], id: number | string = 1) => ({
  jsonrpc: '2.0',
  id,
  method,
  params,
});
const postRpc = (body: unknown) =>
  request(testApp.app)
    .post('/rpc')
    .send(body as object);
/** An address nobody holds: any balance it shows came from a call that should have been refused. */
const freshAddress = () => Wallet.createRandom().address;

describe('/rpc: the browser’s path to the chain', () => {
  test('When a wallet reads the chain id and a balance, then /rpc answers with the node’s results', async () => {
    // Act
    const chainId = await postRpc(call('eth_chainId')).expect(200);
    const balance = await postRpc(call('eth_getBalance', [devWallet(0, chain.provider).address, 'latest'], 'b')).expect(
      200,
    );

    // Assert
    expect(chainId.body).toEqual({ jsonrpc: '2.0', id: 1, result: `0x${CHAIN_ID.toString(16)}` });
    expect(balance.body).toEqual({ jsonrpc: '2.0', id: 'b', result: expect.stringMatching(/^0x[0-9a-f]+$/) });
    expect(BigInt(balance.body.result)).toBeGreaterThan(0n);
  });

  test('When a wallet sends a transaction it signed itself, then eth_sendRawTransaction mines it', async () => {
    // Arrange: the wallet signs locally, as MetaMask does.
    const sender = await fundedWallet(30, chain.provider);
    const recipient = freshAddress();
    const signed = await sender.signTransaction(
      await sender.populateTransaction({ to: recipient, value: parseEther('0.5'), gasLimit: 21_000 }),
    );

    // Act
    const response = await postRpc(call('eth_sendRawTransaction', [signed])).expect(200);

    // Assert
    expect(response.body.result).toMatch(/^0x[0-9a-f]{64}$/);
    expect((await chain.provider.waitForTransaction(response.body.result))?.status).toBe(1);
    expect(await chain.provider.getBalance(recipient)).toBe(parseEther('0.5'));
  });

  test.each([
    [
      'eth_sendTransaction',
      (to: string) => [{ from: devWallet(0, chain.provider).address, to, value: toBeHex(parseEther('1')) }],
    ],
    ['eth_signTransaction', (to: string) => [{ from: devWallet(0, chain.provider).address, to, value: '0x1' }]],
    ['eth_sign', () => [devWallet(0, chain.provider).address, '0x1234']],
    ['eth_signTypedData_v4', () => [devWallet(0, chain.provider).address, '{}']],
    ['personal_sign', () => ['0x1234', devWallet(0, chain.provider).address]],
    ['personal_unlockAccount', () => [devWallet(0, chain.provider).address, '', 0]],
    ['evm_setAccountBalance', (to: string) => [to, toBeHex(parseEther('5'))]],
    ['evm_mine', () => []],
    ['miner_stop', () => []],
    ['eth_accounts', () => []],
    ['debug_traceTransaction', () => ['0x' + '0'.repeat(64)]],
  ])(
    'When a caller asks for %s, then /rpc refuses it with a JSON-RPC error and the node never sees it',
    async (method, params) => {
      // Arrange: the dev chain holds unlocked accounts (account 0 is the admin); a refused call must not move funds.
      const recipient = freshAddress();

      // Act
      const response = await postRpc(call(method, params(recipient), 7)).expect(200);

      // Assert
      expect(response.body).toEqual({
        jsonrpc: '2.0',
        id: 7,
        error: { code: -32601, message: expect.stringContaining(`Method ${method} is not available through /rpc`) },
      });
      expect(await chain.provider.getBalance(recipient)).toBe(0n);
    },
  );

  test('When a batch mixes allowed and refused calls, then each call gets its own answer and only the allowed ones run', async () => {
    // Arrange
    const recipient = freshAddress();
    const batch = [
      call('eth_chainId', [], 1),
      call(
        'eth_sendTransaction',
        [{ from: devWallet(0, chain.provider).address, to: recipient, value: toBeHex(parseEther('1')) }],
        2,
      ),
      call('evm_setAccountBalance', [recipient, toBeHex(parseEther('5'))], 3),
      call('eth_getBalance', [recipient, 'latest'], 4),
      { id: 5, method: 'eth_blockNumber' },
    ];

    // Act
    const response = await postRpc(batch).expect(200);

    // Assert
    expect(response.body).toEqual([
      { jsonrpc: '2.0', id: 1, result: `0x${CHAIN_ID.toString(16)}` },
      { jsonrpc: '2.0', id: 2, error: { code: -32601, message: expect.stringContaining('eth_sendRawTransaction') } },
      { jsonrpc: '2.0', id: 3, error: { code: -32601, message: expect.stringContaining('evm_setAccountBalance') } },
      { jsonrpc: '2.0', id: 4, result: '0x0' },
      { jsonrpc: '2.0', id: 5, error: { code: -32600, message: expect.stringContaining('jsonrpc') } },
    ]);
    expect(await chain.provider.getBalance(recipient)).toBe(0n);
  });

  test('When a batch is empty or longer than the cap, then /rpc answers one Invalid Request error and runs nothing', async () => {
    const tooLong = Array.from({ length: MAX_BATCH_CALLS + 1 }, (_, i) => call('eth_blockNumber', [], i));

    expect((await postRpc([]).expect(200)).body).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: { code: -32600, message: expect.stringContaining('empty batch') },
    });
    expect((await postRpc(tooLong).expect(200)).body).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: { code: -32600, message: expect.stringContaining(`at most ${MAX_BATCH_CALLS} calls`) },
    });
  });

  test('When eth_getLogs asks for a short range it is answered; over the block-range cap it is refused with Invalid params', async () => {
    const short = await postRpc(call('eth_getLogs', [{ fromBlock: '0x0', toBlock: 'latest' }])).expect(200);
    const wide = await postRpc(call('eth_getLogs', [{ fromBlock: '0x0', toBlock: toBeHex(1_000_000) }])).expect(200);

    expect(short.body.result).toEqual(expect.any(Array));
    expect(wide.body.error).toEqual({ code: -32602, message: expect.stringContaining('at most 10000 blocks') });
  });

  test('When a body is not JSON, too large, or not a POST, then /rpc answers a JSON-RPC error with the matching HTTP status', async () => {
    const malformed = await request(testApp.app)
      .post('/rpc')
      .set('Content-Type', 'application/json')
      .send('{"jsonrpc": ')
      .expect(400);
    const huge = await postRpc(call('eth_sendRawTransaction', ['0x' + 'ab'.repeat(200_000)])).expect(413);
    const get = await request(testApp.app).get('/rpc').expect(405);

    expect(malformed.body.error.code).toBe(-32700);
    expect(huge.body.error).toEqual({ code: -32600, message: expect.stringContaining('over 128 kB') });
    expect(get.body.error.code).toBe(-32600);
  });

  test('When a body comes in a charset or encoding the parser does not read, then /rpc answers 415 with a JSON-RPC error, not the API’s', async () => {
    for (const [header, value] of [
      ['Content-Type', 'application/json; charset=latin1'],
      ['Content-Encoding', 'compress'],
    ] as const) {
      const response = await request(testApp.app)
        .post('/rpc')
        .set('Content-Type', 'application/json')
        .set(header, value)
        .send(JSON.stringify(call('eth_chainId')));
      expect({ header, status: response.status, body: response.body }).toEqual({
        header,
        status: 415,
        body: { jsonrpc: '2.0', id: null, error: { code: -32600, message: expect.stringContaining('UTF-8') } },
      });
    }
  });

  test('When one address sends more requests than the per-minute limit, then /rpc answers 429 with a JSON-RPC limit error', async () => {
    // Arrange: the same app with a limit of two requests a minute.
    const limited = createApp({ ...testApp.runtime, config: { ...testApp.runtime.config, rpcRateLimitPerMinute: 2 } });

    // Act
    for (let i = 0; i < 2; i++) await request(limited).post('/rpc').send(call('eth_blockNumber')).expect(200);
    const third = await request(limited).post('/rpc').send(call('eth_blockNumber')).expect(429);

    // Assert
    expect(third.body).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: { code: -32005, message: expect.stringContaining('Too many requests') },
    });
  });

  test('When the chain node is down, then a signed transaction sent to /rpc gets 503 with a JSON-RPC "resource unavailable" error', async () => {
    // Arrange: the same app in front of a node address nothing listens on.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    const nodeDown = createApp({
      ...testApp.runtime,
      config: { ...testApp.runtime.config, rpcUrl: `http://127.0.0.1:${port}` },
    });
    const signed = await Wallet.createRandom().signTransaction({
      to: freshAddress(),
      chainId: CHAIN_ID,
      gasLimit: 21_000,
      gasPrice: 1n,
      nonce: 0,
    });

    // Act
    const response = await request(nodeDown)
      .post('/rpc')
      .send(call('eth_sendRawTransaction', [signed]))
      .expect(503);

    // Assert
    expect(response.headers['retry-after']).toBe('2');
    expect(response.body).toEqual({
      jsonrpc: '2.0',
      id: 1,
      error: { code: -32002, message: expect.stringContaining('chain node is not answering') },
    });
  });

  test('When the SPA asks for its config, then the wallet is pointed at the app’s /rpc, not at the chain node', async () => {
    const response = await request(testApp.app).get('/api/config').expect(200);

    expect(response.body.rpcUrl).toBe(`${PUBLIC_ORIGIN}/rpc`);
    expect(response.body.rpcUrl).not.toBe(process.env.TEST_RPC_URL);
  });
});
