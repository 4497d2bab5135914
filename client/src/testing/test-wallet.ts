/**
 * A browser wallet for specs: an EIP-1193 object backed by a real ethers Wallet, so signatures and
 * transactions are really produced (and mined when a test chain is attached). It behaves like MetaMask
 * where the app depends on it: 4902 for unknown chains, accountsChanged/chainChanged events.
 */
import { Wallet, getBytes, toQuantity, toUtf8String, type Eip1193Provider, type HDNodeWallet } from 'ethers';
import { CHAIN_ID } from '@test-support/dev-chain';
import type { AnnouncedWallet, WalletListener, WalletProvider } from '../app/chain/eip1193';
import type { TestChain } from './test-chain';

export interface TestWalletOptions {
  chain?: TestChain;
  /** The chain the wallet starts on; default the dev chain's id (the test chain's). */
  chainId?: number;
  /** Chains the wallet knows; switching elsewhere answers 4902. Default: only the start chain. */
  knownChainIds?: number[];
}

export class TestWallet implements WalletProvider {
  readonly isMetaMask = true;
  /** Every request the app made, in order. */
  readonly requests: { method: string; params: unknown[] }[] = [];
  private readonly listeners = new Map<string, Set<WalletListener>>();
  private readonly signer: Wallet;
  private chainId: number;
  private readonly knownChainIds: Set<number>;

  constructor(
    account: Wallet | HDNodeWallet,
    private readonly options: TestWalletOptions = {},
  ) {
    this.signer = new Wallet(account.privateKey, options.chain?.provider);
    this.chainId = options.chainId ?? CHAIN_ID;
    this.knownChainIds = new Set(options.knownChainIds ?? [this.chainId]);
  }

  get address(): string {
    return this.signer.address;
  }

  methods(): string[] {
    return this.requests.map((request) => request.method);
  }

  async request({ method, params }: Parameters<Eip1193Provider['request']>[0]): Promise<unknown> {
    const args = (Array.isArray(params) ? params : []) as unknown[];
    this.requests.push({ method, params: args });
    switch (method) {
      case 'eth_requestAccounts':
      case 'eth_accounts':
        return [this.address];
      case 'eth_chainId':
        return toQuantity(this.chainId);
      case 'wallet_switchEthereumChain':
        return this.switchTo(Number((args[0] as { chainId: string }).chainId));
      case 'wallet_addEthereumChain':
        this.knownChainIds.add(Number((args[0] as { chainId: string }).chainId));
        return this.switchTo(Number((args[0] as { chainId: string }).chainId));
      case 'personal_sign':
        return this.signer.signMessage(toUtf8String(getBytes(args[0] as string)));
      case 'eth_sendTransaction': {
        const tx = args[0] as Record<string, string>;
        const sent = await this.signer.sendTransaction({
          to: tx['to'],
          data: tx['data'],
          gasLimit: tx['gas'] ?? tx['gasLimit'],
          value: tx['value'],
        });
        return sent.hash;
      }
      default:
        if (!this.options.chain) throw Object.assign(new Error(`No chain behind ${method}`), { code: 4900 });
        return this.options.chain.rpc.request({ method, params: args });
    }
  }

  on(event: string, listener: WalletListener): this {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
    return this;
  }

  removeListener(event: string, listener: WalletListener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  /** What the wallet does when the person picks another account in it. */
  emit(event: string, payload: unknown): void {
    this.listeners.get(event)?.forEach((listener) => listener(payload));
  }

  /** Answers EIP-6963 discovery on `target` like an installed extension. */
  announceOn(target: Window, info: Partial<AnnouncedWallet['info']> = {}): () => void {
    const detail: AnnouncedWallet = {
      info: { uuid: crypto.randomUUID(), name: 'MetaMask', icon: 'data:,', rdns: 'io.metamask', ...info },
      provider: this,
    };
    const announce = () => target.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail }));
    target.addEventListener('eip6963:requestProvider', announce);
    return () => target.removeEventListener('eip6963:requestProvider', announce);
  }

  private switchTo(chainId: number): null {
    if (!this.knownChainIds.has(chainId)) {
      throw Object.assign(new Error(`Unrecognized chain ID ${toQuantity(chainId)}`), { code: 4902 });
    }
    this.chainId = chainId;
    this.emit('chainChanged', toQuantity(chainId));
    return null;
  }
}
