/**
 * A browser wallet for the bench, in Node: an EIP-1193 provider backed by an ethers Wallet that signs for real,
 * reaching the chain only through the RPC URL the app gives wallets (its /rpc), as MetaMask does and as the
 * browser tests' injected wallet does (test/e2e/support/injected-wallet.ts): reads pass through, a transaction
 * is signed here and sent with eth_sendRawTransaction. It also signs transactions ahead, for the raw baseline.
 */
import {
  JsonRpcProvider,
  Wallet,
  getBytes,
  toQuantity,
  toUtf8String,
  type JsonRpcPayload,
  type JsonRpcResult,
  type TransactionRequest,
} from 'ethers';
import type { WalletListener, WalletProvider } from '../../client/src/app/chain/eip1193';

/** Every JSON-RPC call that leaves for the chain, by method: where a write's round trips go. */
export class RpcCallCounter {
  readonly calls = new Map<string, number>();

  count(method: string): void {
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
  }

  total(): number {
    return [...this.calls.values()].reduce((sum, calls) => sum + calls, 0);
  }

  reset(): void {
    this.calls.clear();
  }
}

class CountedProvider extends JsonRpcProvider {
  constructor(
    url: string,
    chainId: number,
    private readonly counter: RpcCallCounter,
  ) {
    // No read cache: a nonce read right after the previous transaction was mined must see it (as the server's).
    // One request per HTTP call, sent at once, as MetaMask sends them (ethers would otherwise wait 10 ms to batch).
    super(url, chainId, { staticNetwork: true, cacheTimeout: -1, batchMaxCount: 1 });
  }

  override _send(payload: JsonRpcPayload | JsonRpcPayload[]): Promise<JsonRpcResult[]> {
    for (const call of Array.isArray(payload) ? payload : [payload]) this.counter.count(call.method);
    return super._send(payload);
  }
}

export class BenchWallet implements WalletProvider {
  readonly isMetaMask = true;
  readonly provider: JsonRpcProvider;
  readonly signer: Wallet;

  constructor(
    privateKey: string,
    rpcUrl: string,
    private readonly chainId: number,
    counter: RpcCallCounter,
  ) {
    this.provider = new CountedProvider(rpcUrl, chainId, counter);
    this.signer = new Wallet(privateKey, this.provider);
  }

  get address(): string {
    return this.signer.address;
  }

  async request({ method, params }: { method: string; params?: unknown[] | object }): Promise<unknown> {
    const args = (Array.isArray(params) ? params : []) as unknown[];
    switch (method) {
      case 'eth_requestAccounts':
      case 'eth_accounts':
        return [this.address];
      case 'eth_chainId':
        return toQuantity(this.chainId);
      case 'personal_sign':
        return this.signer.signMessage(toUtf8String(getBytes(args[0] as string)));
      case 'eth_sendTransaction': {
        const tx = args[0] as Record<string, string | undefined>;
        const sent = await this.signer.sendTransaction({
          to: tx['to'],
          data: tx['data'],
          value: tx['value'] ?? 0,
          gasLimit: tx['gas'] ?? tx['gasLimit'],
        });
        return sent.hash;
      }
      default:
        return this.provider.send(method, args);
    }
  }

  on(_event: string, _listener: WalletListener): this {
    return this;
  }

  removeListener(_event: string, _listener: WalletListener): this {
    return this;
  }

  /**
   * `count` transactions as this wallet signs them for eth_sendTransaction (fees as it fills them in), with
   * consecutive nonces from the account's next one, ready for eth_sendRawTransaction.
   */
  async signAhead(count: number, transaction: (index: number) => TransactionRequest): Promise<string[]> {
    const first = await this.signer.populateTransaction(transaction(0));
    const nonce = Number(first.nonce);
    return Promise.all(
      Array.from({ length: count }, (_, index) =>
        this.signer.signTransaction({ ...first, ...transaction(index), nonce: nonce + index }),
      ),
    );
  }

  close(): void {
    this.provider.destroy();
  }
}
